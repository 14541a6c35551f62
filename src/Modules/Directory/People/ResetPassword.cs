using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record ResetPassword(string Password, long Version);

public static class ResetPasswordEndpoint
{
    [WolverinePost("/api/directory/people/{id}/password"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonChanged>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, ResetPassword command,
        [WriteAggregate(Required = false, VersionSource = Decision.VersionCheckedByDecision)] Person? person,
        IDocumentSession session, IPasswordHasher<Credential> hasher, HttpContext ctx, TimeProvider clock)
    {
        if (person is null) return Decision.NotFound(Person.NotFound);
        var decision = Decide(person, command, ctx.CurrentUser().Id, clock.GetUtcNow());
        if (decision.Event is not null)
        {
            // The hash is mutable state kept out of the event log on purpose (Credential); it commits with the event.
            var credential = await session.LoadAsync<Credential>(person.UserName) ?? new Credential { Id = person.UserName, PersonId = id };
            credential.PasswordHash = hasher.HashPassword(credential, command.Password);
            credential.FailedAttempts = 0;
            credential.LockedUntil = null;
            session.Store(credential);
        }
        return decision.Answer(() => Results.Ok(new PersonChanged(id, person.Version + 1)));
    }

    public static Decision Decide(Person person, ResetPassword command, Guid by, DateTimeOffset now) =>
        person.Version != command.Version
            ? Decision.StaleVersion
            : Decision.From(PersonRules.Password(new Errors(), command.Password), () => new PasswordSet(person.Id, by, now));
}
