using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Http;

namespace Emulation.Directory.People;

public sealed record RoleRequest(string Role, Guid? UnitId);

public sealed record RegisterPerson(string UserName, string FullName, string? Position, string? Email, string Password,
    IReadOnlyList<RoleRequest>? Roles);

public sealed record PersonCreated(Guid Id, long Version);

public static class RegisterPersonEndpoint
{
    [WolverinePost("/api/directory/people"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Post(RegisterPerson command, IDocumentSession session, IMessageBus bus, HttpContext ctx,
        TimeProvider clock, IPasswordHasher<Credential> hasher)
    {
        var userName = Credential.Key(command.UserName ?? "");
        var fullName = VietnameseText.Clean(command.FullName);
        var position = Optional(command.Position);
        var email = Optional(command.Email)?.ToLowerInvariant();
        // The form always sends one role row; an empty one means "no role yet".
        var roles = (command.Roles ?? []).Where(r => r is not null && !string.IsNullOrWhiteSpace(r.Role))
            .Select(r => new RoleAssignment(r.Role, Roles.IsScoped(r.Role) ? r.UnitId : null)).Distinct().ToList();

        var taken = userName.Length > 0 && await session.LoadAsync<Credential>(userName) is not null;
        var errors = PersonRules.UserName(new Errors(), userName, taken);
        PersonRules.Details(errors, fullName, position, email);
        PersonRules.Password(errors, command.Password);
        errors.Add(roles.Count > 20, "roles", "Một người có tối đa 20 vai trò.");
        if (roles.Count > 0 && roles.Count <= 20)
        {
            var tree = await UnitQueries.TreeAsync(session);
            foreach (var r in roles) PersonRules.Role(errors, tree, r.Role, r.UnitId);
        }
        if (!errors.Ok) return Problems.Validation(errors);

        var now = clock.GetUtcNow();
        var registered = new PersonRegistered(Guid.NewGuid(), userName, fullName, position, email, roles, ctx.CurrentUser().Id, now);
        var credential = new Credential { Id = userName, PersonId = registered.PersonId };
        credential.PasswordHash = hasher.HashPassword(credential, command.Password);
        session.Events.StartStream<Person>(registered.PersonId, registered, new PasswordSet(registered.PersonId, registered.By, now));
        session.Insert(credential);
        return Results.Created($"/api/directory/people/{registered.PersonId}", new PersonCreated(registered.PersonId, 2));
    }

    internal static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Clean(value);
}
