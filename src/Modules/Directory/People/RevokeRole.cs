using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record RevokeRole(string Role, Guid? UnitId, long Version);

public static class RevokeRoleEndpoint
{
    [WolverinePost("/api/directory/people/{id}/roles/revoke"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, RevokeRole command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person, HttpContext ctx, TimeProvider clock) =>
        person is null
            ? Decision.NotFound(Person.NotFound)
            : Decide(person, command, ctx.CurrentUser().Id, clock.GetUtcNow()).Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));

    public static Decision Decide(Person person, RevokeRole command, Guid by, DateTimeOffset now)
    {
        if (person.Version != command.Version) return Decision.StaleVersion;
        var errors = new Errors()
            .Add(!person.Roles.Contains(new RoleAssignment(command.Role, command.UnitId)), "role", "Người này không có vai trò đó.")
            .Add(command.Role == Roles.Admin && person.Id == by, "role", "Không thể tự thu hồi quyền quản trị của chính mình.");
        return Decision.From(errors, () => new RoleRevoked(person.Id, command.Role, command.UnitId, by, now));
    }
}
