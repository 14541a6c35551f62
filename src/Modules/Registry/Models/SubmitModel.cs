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

public sealed record SubmitModel(long? Version);

public sealed record ModelSubmittedReply(Guid Id, long Version, IReadOnlyList<NearDuplicate> NearDuplicates);

/// <summary>The unit sends a complete dossier to the board that covers its level; the board's secretary is told.</summary>
public static class SubmitModelEndpoint
{
    [WolverinePost("/api/registry/models/{id}/submit"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSubmittedReply>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, SubmitModel command, [WriteAggregate(Required = false)] Model? model,
        IDocumentSession session, IDocumentStore store, UnitDirectory units, HttpContext ctx, TimeProvider clock,
        IMessageBus bus, IOptions<ReminderOptions> options)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (ModelSteps.Refuse(model, context.Access, "submit", command.Version) is { } refusal) return (refusal, []);
        var duplicates = await NearDuplicates.FindAsync(store, model!, ctx.RequestAborted);
        var (result, events) = Decide(model!, context, duplicates, clock.GetUtcNow());
        foreach (var submitted in events.OfType<ModelSubmitted>())
            await Notices.SendAsync(session, bus, options.Value, Notices.Submitted(model!, submitted, context.Access.Tree));
        return (result, events);
    }

    public static (IResult, Events) Decide(Model model, ModelContext context, IReadOnlyList<NearDuplicate> duplicates, DateTimeOffset now)
    {
        var period = context.Period(model.Details.PeriodId);
        var errors = ModelRules.Check(model.Details, context.Catalog, period);
        foreach (var (field, messages) in ModelRules.Complete(model.Details, period, now.VietnamDate()))
            foreach (var message in messages) errors.Add(!errors.TryGetValue(field, out var known) || !known.Contains(message), field, message);
        var board = context.Access.Tree.BoardFor(model.UnitId, model.Details.LevelCode);
        errors.Add(errors.Ok && board is null, "levelCode",
            $"Chưa có Ban nào theo dõi mô hình {context.Catalog.LevelName(model.Details.LevelCode).ToLowerInvariant()} của đơn vị này. Hãy chọn cấp khác hoặc liên hệ quản trị hệ thống.");
        if (!errors.Ok) return (Problems.Validation(errors, "Hồ sơ chưa đủ để gửi Ban xem xét."), []);
        return (Results.Ok(new ModelSubmittedReply(model.Id, model.Version + 1, duplicates)),
            [new ModelSubmitted(model.Id, board!.Id, duplicates, context.Access.User.Id, now)]);
    }
}
