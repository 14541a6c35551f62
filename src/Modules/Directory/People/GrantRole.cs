using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record GrantRole(string Role, Guid? UnitId, long Version);

public static class GrantRoleEndpoint
{
    [WolverinePost("/api/directory/people/{id}/roles"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, GrantRole command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person,
        IDocumentSession session, HttpContext ctx, TimeProvider clock) =>
        person is null
            ? Decision.NotFound(Person.NotFound)
            : Decide(person, await UnitQueries.TreeAsync(session), command, ctx.CurrentUser().Id, clock.GetUtcNow())
                .Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));

    public static Decision Decide(Person person, UnitTree tree, GrantRole command, Guid by, DateTimeOffset now)
    {
        if (person.Version != command.Version) return Decision.StaleVersion;
        var role = command.Role ?? "";
        var unitId = Roles.IsScoped(role) ? command.UnitId : null;
        var errors = PersonRules.Role(new Errors(), tree, role, unitId, "role")
            .Add(person.Roles.Contains(new RoleAssignment(role, unitId)), "role", "Người này đã có vai trò đó.")
            .Add(person.Roles.Count >= 20, "role", "Một người có tối đa 20 vai trò.");
        return Decision.From(errors, () => new RoleGranted(person.Id, role, unitId, by, now));
    }
}
