using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Kernel.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;

namespace Emulation.Directory.Units;

/// <summary>Each change names the version the user saw; a stale one is refused (409), never merged.</summary>
public sealed record RenameUnit(string Name, DateOnly? EffectiveFrom, string? Reason, long Version);

public sealed record UnitChanged(Guid Id, long Version);

public static class RenameUnitEndpoint
{
    [WolverinePost("/api/directory/units/{id}/rename"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<UnitChanged>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, RenameUnit command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Unit? unit, HttpContext ctx, TimeProvider clock) =>
        unit is null
            ? Decision.NotFound(Unit.NotFound)
            : Decide(unit, command, ctx.CurrentUser().Id, clock.GetUtcNow()).Answer(() => Results.Ok(new UnitChanged(id, unit.Version + 1)));

    public static Decision Decide(Unit unit, RenameUnit command, Guid by, DateTimeOffset now)
    {
        if (unit.Version != command.Version) return Decision.StaleVersion;
        var name = VietnameseText.Clean(command.Name);
        var from = command.EffectiveFrom ?? now.VietnamDate();
        var errors = UnitRules.Rename(unit, name, from).Optional(command.Reason, "reason", "lý do", UnitRules.MaxReason);
        return Decision.From(errors, () => new UnitRenamed(unit.Id, name, from, Input.Optional(command.Reason), by, now));
    }
}
