using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;

namespace Emulation.Directory.Units;

/// <summary>Each change names the version the user saw; a stale one is refused (409), never merged.</summary>
public sealed record RenameUnit(string Name, DateOnly? EffectiveFrom, string? Reason, long Version);

public sealed record MoveUnit(Guid? ParentId, DateOnly? EffectiveFrom, string? Reason, long Version);

public sealed record MergeUnit(Guid IntoUnitId, DateOnly? EffectiveFrom, string? Reason, long Version);

public sealed record UnitChanged(Guid Id, long Version);

public static class ChangeUnitEndpoints
{
    [WolverinePost("/api/directory/units/{id}/rename"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Rename(Guid id, RenameUnit command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (unit, _, now) =>
        {
            var name = VietnameseText.Clean(command.Name);
            var from = command.EffectiveFrom ?? Today(now);
            var errors = UnitRules.Rename(unit, name, from).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
            return (errors, new UnitRenamed(id, name, from, Reason(command.Reason), ctx.CurrentUser().Id, now));
        });

    [WolverinePost("/api/directory/units/{id}/move"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Move(Guid id, MoveUnit command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (unit, tree, now) =>
        {
            var errors = UnitRules.Move(tree, unit, command.ParentId).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
            return (errors, new UnitMoved(id, command.ParentId, command.EffectiveFrom ?? Today(now), Reason(command.Reason), ctx.CurrentUser().Id, now));
        });

    [WolverinePost("/api/directory/units/{id}/merge"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Merge(Guid id, MergeUnit command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (unit, tree, now) =>
        {
            var errors = UnitRules.Merge(tree, unit, command.IntoUnitId).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
            return (errors, new UnitMerged(id, command.IntoUnitId, command.EffectiveFrom ?? Today(now), Reason(command.Reason), ctx.CurrentUser().Id, now));
        });

    static async Task<IResult> Change(Guid id, long version, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        Func<Unit, UnitTree, DateTimeOffset, (Errors, object)> decide)
    {
        var stream = await session.Events.FetchForWriting<Unit>(id);
        if (stream.Aggregate is null) return Problems.NotFound("Không tìm thấy đơn vị.");
        if (stream.Aggregate.Version != version) return Problems.Conflict(Problems.StaleVersion);

        var now = clock.GetUtcNow();
        var (errors, change) = decide(stream.Aggregate, await UnitQueries.TreeAsync(session), now);
        if (!errors.Ok) return Problems.Validation(errors);

        stream.AppendOne(change);
        return Results.Ok(new UnitChanged(id, version + 1));
    }

    static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
    static string? Reason(string? r) => string.IsNullOrWhiteSpace(r) ? null : VietnameseText.Clean(r);
}
