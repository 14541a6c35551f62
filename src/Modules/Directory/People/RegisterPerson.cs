using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record RoleRequest(string Role, Guid? UnitId);

public sealed record RegisterPerson(string UserName, string FullName, string? Position, string? Email, string Password,
    IReadOnlyList<RoleRequest>? Roles);

public sealed record PersonCreated(Guid Id, long Version);

public static class RegisterPersonEndpoint
{
    [WolverinePost("/api/directory/people"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonCreated>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(RegisterPerson command, IDocumentSession session, HttpContext ctx,
        TimeProvider clock, IPasswordHasher<Credential> hasher)
    {
        var userName = Credential.Key(command.UserName ?? "");
        var taken = userName.Length > 0 && await session.LoadAsync<Credential>(userName) is not null;
        var decision = Decide(command, taken, await UnitQueries.TreeAsync(session), Guid.NewGuid(), ctx.CurrentUser().Id, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return refusal;

        var registered = (PersonRegistered)decision.Event!;
        var credential = new Credential { Id = registered.UserName, PersonId = registered.PersonId };
        credential.PasswordHash = hasher.HashPassword(credential, command.Password);
        session.Events.StartStream<Person>(registered.PersonId, registered, new PasswordSet(registered.PersonId, registered.By, registered.At));
        // Inserted, not stored: two registrations of one user name collide on the key instead of sharing a credential.
        session.Insert(credential);
        return Results.Created($"/api/directory/people/{registered.PersonId}", new PersonCreated(registered.PersonId, 2));
    }

    public static Decision Decide(RegisterPerson command, bool userNameTaken, UnitTree tree, Guid id, Guid by, DateTimeOffset now)
    {
        var userName = Credential.Key(command.UserName ?? "");
        var fullName = VietnameseText.Clean(command.FullName);
        var position = Input.Optional(command.Position);
        var email = Input.Optional(command.Email)?.ToLowerInvariant();
        // The form always sends one role row; an empty one means "no role yet".
        var roles = (command.Roles ?? []).Where(r => r is not null && !string.IsNullOrWhiteSpace(r.Role))
            .Select(r => new RoleAssignment(r.Role, Roles.IsScoped(r.Role) ? r.UnitId : null)).Distinct().ToList();

        var errors = PersonRules.UserName(new Errors(), userName, userNameTaken);
        PersonRules.Details(errors, fullName, position, email);
        PersonRules.Password(errors, command.Password);
        errors.Add(roles.Count > 20, "roles", "Một người có tối đa 20 vai trò.");
        if (roles.Count <= 20)
            foreach (var r in roles) PersonRules.Role(errors, tree, r.Role, r.UnitId);
        return Decision.From(errors, () => new PersonRegistered(id, userName, fullName, position, email, roles, by, now));
    }
}
