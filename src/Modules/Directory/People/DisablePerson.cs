using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record DisablePerson(string? Reason, long Version);

public static class DisablePersonEndpoint
{
    [WolverinePost("/api/directory/people/{id}/disable"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, DisablePerson command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person, HttpContext ctx, TimeProvider clock) =>
        person is null
            ? Decision.NotFound(Person.NotFound)
            : Decide(person, command, ctx.CurrentUser().Id, clock.GetUtcNow()).Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));

    public static Decision Decide(Person person, DisablePerson command, Guid by, DateTimeOffset now)
    {
        if (person.Version != command.Version) return Decision.StaleVersion;
        var errors = new Errors().Add(person.Disabled, "reason", "Tài khoản đã bị khóa.")
            .Add(person.Id == by, "reason", "Không thể tự khóa tài khoản của chính mình.")
            .Optional(command.Reason, "reason", "lý do", 500);
        return Decision.From(errors, () => new PersonDisabled(person.Id, Input.Optional(command.Reason), by, now));
    }
}
