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

public sealed record MoveUnit(Guid? ParentId, DateOnly? EffectiveFrom, string? Reason, long Version);

public static class MoveUnitEndpoint
{
    [WolverinePost("/api/directory/units/{id}/move"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<UnitChanged>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, MoveUnit command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Unit? unit,
        IDocumentSession session, HttpContext ctx, TimeProvider clock) =>
        unit is null
            ? Decision.NotFound(Unit.NotFound)
            : Decide(unit, await UnitQueries.TreeAsync(session), command, ctx.CurrentUser().Id, clock.GetUtcNow())
                .Answer(() => Results.Ok(new UnitChanged(id, unit.Version + 1)));

    public static Decision Decide(Unit unit, UnitTree tree, MoveUnit command, Guid by, DateTimeOffset now)
    {
        if (unit.Version != command.Version) return Decision.StaleVersion;
        var errors = UnitRules.Move(tree, unit, command.ParentId).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
        return Decision.From(errors, () =>
            new UnitMoved(unit.Id, command.ParentId, command.EffectiveFrom ?? now.VietnamDate(), Input.Optional(command.Reason), by, now));
    }
}
