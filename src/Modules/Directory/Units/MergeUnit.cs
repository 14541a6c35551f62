using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;

namespace Emulation.Directory.Units;

public sealed record MergeUnit(Guid IntoUnitId, DateOnly? EffectiveFrom, string? Reason, long Version);

public static class MergeUnitEndpoint
{
    [WolverinePost("/api/directory/units/{id}/merge"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<UnitChanged>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, MergeUnit command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Unit? unit,
        IDocumentSession session, HttpContext ctx, TimeProvider clock) =>
        unit is null
            ? Decision.NotFound(Unit.NotFound)
            : Decide(unit, await UnitQueries.TreeAsync(session), command, ctx.CurrentUser().Id, clock.GetUtcNow())
                .Answer(() => Results.Ok(new UnitChanged(id, unit.Version + 1)));

    public static Decision Decide(Unit unit, UnitTree tree, MergeUnit command, Guid by, DateTimeOffset now)
    {
        if (unit.Version != command.Version) return Decision.StaleVersion;
        var errors = UnitRules.Merge(tree, unit, command.IntoUnitId).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
        return Decision.From(errors, () =>
            new UnitMerged(unit.Id, command.IntoUnitId, command.EffectiveFrom ?? now.VietnamDate(), Input.Optional(command.Reason), by, now));
    }
}
