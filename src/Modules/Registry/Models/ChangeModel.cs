using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Registry.Models;

public sealed record SubmitModel(long Version);
public sealed record WithdrawModel(string? Reason, long Version);
public sealed record DecideModel(string? Reason, long Version);

public sealed record ModelSubmittedReply(Guid Id, long Version, IReadOnlyList<NearDuplicate> NearDuplicates);

/// <summary>Every step on a model: who may take it, from which state, on which version. A refused step changes nothing.</summary>
public static class ChangeModelEndpoints
{
    [WolverinePut("/api/registry/models/{id}"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Edit(Guid id, ModelInput input, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var (stream, context, refusal) = await Load(id, input.Version ?? -1, "edit", session, units, ctx, officer: true);
        if (refusal is not null) return refusal;
        var model = stream!.Aggregate!;

        var (replicates, replicatesError) = await ModelLookups.ReplicatesAsync(session, input.ReplicatesCode, id);
        var details = input.ToDetails(replicates);
        var errors = ModelRules.Check(details, context!.Catalog, context.Period(details.PeriodId));
        errors.Add(replicatesError is not null, "replicatesCode", replicatesError ?? "");
        var oldKey = ModelNameClaim.Key(model.UnitId, model.Details.PeriodId, model.Details.Name);
        var newKey = ModelNameClaim.Key(model.UnitId, details.PeriodId, details.Name);
        if (errors.Ok && newKey != oldKey && await session.LoadAsync<ModelNameClaim>(newKey) is not null)
            errors.Add(true, "name", "Đơn vị đã đăng ký một mô hình, điển hình cùng tên trong kỳ này.");
        if (!errors.Ok) return Problems.Validation(errors);

        if (newKey != oldKey)
        {
            session.Delete<ModelNameClaim>(oldKey);
            session.Insert(new ModelNameClaim { Id = newKey, ModelId = id });
        }
        stream.AppendOne(new ModelEdited(id, details, context.Access.User.Id, clock.GetUtcNow()));
        return Results.Ok(new ModelSaved(id, model.Version + 1));
    }

    [WolverinePost("/api/registry/models/{id}/submit"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Submit(Guid id, SubmitModel command, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var (stream, context, refusal) = await Load(id, command.Version, "submit", session, units, ctx, officer: true);
        if (refusal is not null) return refusal;
        var model = stream!.Aggregate!;
        var now = clock.GetUtcNow();
        var period = context!.Period(model.Details.PeriodId);
        var errors = ModelRules.Check(model.Details, context.Catalog, period);
        foreach (var (field, messages) in ModelRules.Complete(model.Details, period, Today(now))) errors[field] = messages;
        var board = context.Access.Tree.BoardFor(model.UnitId, model.Details.LevelCode);
        errors.Add(errors.Ok && board is null, "levelCode",
            $"Chưa có Ban nào theo dõi mô hình {context.Catalog.LevelName(model.Details.LevelCode).ToLowerInvariant()} của đơn vị này. Hãy chọn cấp khác hoặc liên hệ quản trị hệ thống.");
        if (!errors.Ok) return Problems.Validation(errors, "Hồ sơ chưa đủ để gửi Ban xem xét: " + errors.Values.SelectMany(v => v).First());

        var duplicates = await ModelLookups.NearDuplicatesAsync(session, model);
        stream.AppendOne(new ModelSubmitted(id, board!.Id, duplicates, context.Access.User.Id, now));
        return Results.Ok(new ModelSubmittedReply(id, model.Version + 1, duplicates));
    }

    [WolverinePost("/api/registry/models/{id}/withdraw"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Withdraw(Guid id, WithdrawModel command, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var (stream, context, refusal) = await Load(id, command.Version, "withdraw", session, units, ctx, officer: true);
        if (refusal is not null) return refusal;
        var model = stream!.Aggregate!;
        var errors = new Errors().Optional(command.Reason, "reason", "lý do", ModelRules.MaxReason);
        if (!errors.Ok) return Problems.Validation(errors);
        stream.AppendOne(new ModelWithdrawn(id, Reason(command.Reason), context!.Access.User.Id, clock.GetUtcNow()));
        session.Delete<ModelNameClaim>(ModelNameClaim.Key(model.UnitId, model.Details.PeriodId, model.Details.Name));
        return Results.Ok(new ModelSaved(id, model.Version + 1));
    }

    [WolverinePost("/api/registry/models/{id}/accept"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Accept(Guid id, DecideModel command, IDocumentSession session, IDocumentStore store, UnitDirectory units,
        HttpContext ctx, TimeProvider clock)
    {
        var (stream, context, refusal) = await Load(id, command.Version, "accept", session, units, ctx, officer: false);
        if (refusal is not null) return refusal;
        var model = stream!.Aggregate!;
        var errors = new Errors().Optional(command.Reason, "reason", "ghi chú", ModelRules.MaxReason);
        if (!errors.Ok) return Problems.Validation(errors);
        var province = context!.Access.Tree.Find(model.ProvinceId)?.Code ?? "XX";
        var year = context.Period(model.Details.PeriodId)?.CodeYear ?? Today(clock.GetUtcNow()).Year;
        var code = await ModelLookups.NextCodeAsync(store, province, year, ctx.RequestAborted);
        stream.AppendOne(new ModelAccepted(id, code, Reason(command.Reason), context.Access.User.Id, clock.GetUtcNow()));
        return Results.Ok(new { id, version = model.Version + 1, registryCode = code });
    }

    [WolverinePost("/api/registry/models/{id}/return"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Return(Guid id, DecideModel command, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock) =>
        Decide(id, command, "return", session, units, ctx, (by, reason) => new ModelReturned(id, reason, by, clock.GetUtcNow()));

    [WolverinePost("/api/registry/models/{id}/reject"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Reject(Guid id, DecideModel command, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock) =>
        Decide(id, command, "reject", session, units, ctx, (by, reason) => new ModelRejected(id, reason, by, clock.GetUtcNow()));

    static async Task<IResult> Decide(Guid id, DecideModel command, string step, IDocumentSession session, UnitDirectory units, HttpContext ctx,
        Func<Guid, string, object> decision)
    {
        var (stream, context, refusal) = await Load(id, command.Version, step, session, units, ctx, officer: false);
        if (refusal is not null) return refusal;
        var model = stream!.Aggregate!;
        var errors = new Errors().Required(command.Reason, "reason", "lý do", ModelRules.MaxReason);
        if (!errors.Ok) return Problems.Validation(errors);
        stream.AppendOne(decision(context!.Access.User.Id, Reason(command.Reason)!));
        if (step == "reject") session.Delete<ModelNameClaim>(ModelNameClaim.Key(model.UnitId, model.Details.PeriodId, model.Details.Name));
        return Results.Ok(new ModelSaved(id, model.Version + 1));
    }

    /// <summary>Loads the model for a step and answers 404, 403, 409 or 400 (wrong state) before anything is decided.</summary>
    static async Task<(JasperFx.Events.IEventStream<Model>?, ModelContext?, IResult?)> Load(Guid id, long version, string step,
        IDocumentSession session, UnitDirectory units, HttpContext ctx, bool officer)
    {
        var stream = await session.Events.FetchForWriting<Model>(id);
        var model = stream.Aggregate;
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (model is null || !context.Access.CanSee(model)) return (null, null, Problems.NotFound("Không tìm thấy mô hình, điển hình."));
        var allowed = officer ? context.Access.CanActFor(model.UnitId) : context.Access.CanDecide(model);
        if (!allowed)
            return (null, null, Problems.Forbidden(officer
                ? "Chỉ cán bộ của đơn vị đăng ký được thực hiện thao tác này."
                : "Chỉ thành viên Ban theo dõi mô hình này được quyết định."));
        if (ModelRules.Refusal(model.Status, step) is { } message)
            return (null, null, Results.Problem(title: "Không thực hiện được", detail: message, statusCode: StatusCodes.Status400BadRequest));
        if (model.Version != version) return (null, null, Problems.Conflict(Problems.StaleVersion));
        return (stream, context, null);
    }

    static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
    static string? Reason(string? r) => string.IsNullOrWhiteSpace(r) ? null : VietnameseText.Nfc(r).Trim();
}
