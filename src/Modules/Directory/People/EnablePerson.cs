using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record EnablePerson(long Version);

public static class EnablePersonEndpoint
{
    [WolverinePost("/api/directory/people/{id}/enable"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, EnablePerson command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person, HttpContext ctx, TimeProvider clock) =>
        person is null
            ? Decision.NotFound(Person.NotFound)
            : Decide(person, command, ctx.CurrentUser().Id, clock.GetUtcNow()).Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));

    public static Decision Decide(Person person, EnablePerson command, Guid by, DateTimeOffset now) =>
        person.Version != command.Version
            ? Decision.StaleVersion
            : Decision.From(new Errors().Add(!person.Disabled, "version", "Tài khoản đang hoạt động."), () => new PersonEnabled(person.Id, by, now));
}
