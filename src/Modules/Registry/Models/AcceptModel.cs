using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;
using Wolverine;
using Microsoft.Extensions.Options;
using Emulation.Registry.Reminders;

namespace Emulation.Registry.Models;

public sealed record AcceptModel(string? Reason, long? Version);

public sealed record ModelAcceptedReply(Guid Id, long Version, string RegistryCode);

/// <summary>The board accepts the registration and gives it a registry code; the unit is told.</summary>
public static class AcceptModelEndpoint
{
    [WolverinePost("/api/registry/models/{id}/accept"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelAcceptedReply>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, AcceptModel command, [WriteAggregate(Required = false)] Model? model,
        IDocumentSession session, IDocumentStore store, UnitDirectory units, HttpContext ctx, TimeProvider clock,
        IMessageBus bus, IOptions<ReminderOptions> options)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (ModelSteps.Refuse(model, context.Access, "accept", command.Version) is { } refusal) return (refusal, []);
        var now = clock.GetUtcNow();
        if (Refuse(model!, command, context, now) is { } invalid) return (invalid, []);
        var (province, year) = CodeParts(model!, context, now);
        var code = await ModelLookups.NextCodeAsync(store, province!, year, ctx.RequestAborted);
        var accepted = new ModelAccepted(model!.Id, code, ModelSteps.Reason(command.Reason), context.Access.User.Id, now);
        await Notices.SendAsync(session, bus, options.Value, Notices.Decided(model, accepted, context.Access.Tree));
        return (Results.Ok(new ModelAcceptedReply(model.Id, model.Version + 1, code)), [accepted]);
    }

    /// <summary>Refused before a number is drawn, so a refusal leaves no gap in the codes.</summary>
    public static IResult? Refuse(Model model, AcceptModel command, ModelContext context, DateTimeOffset now)
    {
        var errors = new Errors().Optional(command.Reason, "reason", "ghi chú", ModelRules.MaxReason);
        if (!errors.Ok) return Problems.Validation(errors);
        var province = context.Access.Tree.Find(model.ProvinceId);
        return string.IsNullOrWhiteSpace(CodeParts(model, context, now).Province)
            ? Problems.Validation("registryCode",
                $"Chưa cấp được mã đăng ký: {(province is null ? "tỉnh của đơn vị" : province.Name)} chưa có mã đơn vị. Đề nghị quản trị hệ thống bổ sung mã tỉnh rồi công nhận lại.")
            : null;
    }

    /// <summary>A code names the province (its unit code) and the period's code year.</summary>
    public static (string? Province, int Year) CodeParts(Model model, ModelContext context, DateTimeOffset now) =>
        (context.Access.Tree.Find(model.ProvinceId)?.Code, context.Period(model.Details.PeriodId)?.CodeYear ?? now.VietnamDate().Year);
}
