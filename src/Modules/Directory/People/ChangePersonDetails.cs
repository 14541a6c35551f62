using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record ChangePersonDetails(string FullName, string? Position, string? Email, long Version);

public sealed record PersonChanged(Guid Id, long Version);

public static class ChangePersonDetailsEndpoint
{
    [WolverinePost("/api/directory/people/{id}/details"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, ChangePersonDetails command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person, HttpContext ctx, TimeProvider clock) =>
        person is null
            ? Decision.NotFound(Person.NotFound)
            : Decide(person, command, ctx.CurrentUser().Id, clock.GetUtcNow()).Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));

    public static Decision Decide(Person person, ChangePersonDetails command, Guid by, DateTimeOffset now)
    {
        if (person.Version != command.Version) return Decision.StaleVersion;
        var fullName = VietnameseText.Clean(command.FullName);
        var position = Input.Optional(command.Position);
        var email = Input.Optional(command.Email)?.ToLowerInvariant();
        var errors = PersonRules.Details(new Errors(), fullName, position, email);
        return Decision.From(errors, () => new PersonDetailsChanged(person.Id, fullName, position, email, by, now));
    }
}
