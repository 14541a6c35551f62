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

public sealed record ChangePersonDetails(string FullName, string? Position, string? Email, long Version);
public sealed record GrantRole(string Role, Guid? UnitId, long Version);
public sealed record RevokeRole(string Role, Guid? UnitId, long Version);
public sealed record ResetPassword(string Password, long Version);
public sealed record DisablePerson(string? Reason, long Version);
public sealed record EnablePerson(long Version);

public sealed record PersonChanged(Guid Id, long Version);

public static class ChangePersonEndpoints
{
    [WolverinePost("/api/directory/people/{id}/details"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Details(Guid id, ChangePersonDetails command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, async (person, now) =>
        {
            var fullName = VietnameseText.Clean(command.FullName);
            var position = RegisterPersonEndpoint.Optional(command.Position);
            var email = RegisterPersonEndpoint.Optional(command.Email)?.ToLowerInvariant();
            var errors = PersonRules.Details(new Errors(), fullName, position, email);
            return await Task.FromResult((errors, (object)new PersonDetailsChanged(id, fullName, position, email, ctx.CurrentUser().Id, now)));
        });

    [WolverinePost("/api/directory/people/{id}/roles"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Grant(Guid id, GrantRole command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, async (person, now) =>
        {
            var unitId = Roles.IsScoped(command.Role ?? "") ? command.UnitId : null;
            var errors = PersonRules.Role(new Errors(), await UnitQueries.TreeAsync(session), command.Role ?? "", unitId, "role");
            errors.Add(person.Roles.Contains(new RoleAssignment(command.Role ?? "", unitId)), "role", "Người này đã có vai trò đó.");
            errors.Add(person.Roles.Count >= 20, "role", "Một người có tối đa 20 vai trò.");
            return (errors, (object)new RoleGranted(id, command.Role!, unitId, ctx.CurrentUser().Id, now));
        });

    [WolverinePost("/api/directory/people/{id}/roles/revoke"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Revoke(Guid id, RevokeRole command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (person, now) =>
        {
            var errors = new Errors().Add(!person.Roles.Contains(new RoleAssignment(command.Role, command.UnitId)), "role", "Người này không có vai trò đó.")
                .Add(command.Role == Roles.Admin && person.Id == ctx.CurrentUser().Id, "role", "Không thể tự thu hồi quyền quản trị của chính mình.");
            return Task.FromResult((errors, (object)new RoleRevoked(id, command.Role, command.UnitId, ctx.CurrentUser().Id, now)));
        });

    [WolverinePost("/api/directory/people/{id}/password"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Password(Guid id, ResetPassword command, IDocumentSession session, IMessageBus bus, HttpContext ctx,
        TimeProvider clock, IPasswordHasher<Credential> hasher) =>
        Change(id, command.Version, session, bus, clock, async (person, now) =>
        {
            var errors = PersonRules.Password(new Errors(), command.Password);
            if (errors.Ok)
            {
                var credential = await session.LoadAsync<Credential>(person.UserName) ?? new Credential { Id = person.UserName, PersonId = id };
                credential.PasswordHash = hasher.HashPassword(credential, command.Password);
                credential.FailedAttempts = 0;
                credential.LockedUntil = null;
                session.Store(credential);
            }
            return (errors, (object)new PasswordSet(id, ctx.CurrentUser().Id, now));
        });

    [WolverinePost("/api/directory/people/{id}/disable"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Disable(Guid id, DisablePerson command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (person, now) =>
        {
            var errors = new Errors().Add(person.Disabled, "reason", "Tài khoản đã bị khóa.")
                .Add(person.Id == ctx.CurrentUser().Id, "reason", "Không thể tự khóa tài khoản của chính mình.")
                .Optional(command.Reason, "reason", "lý do", 500);
            return Task.FromResult((errors, (object)new PersonDisabled(id, RegisterPersonEndpoint.Optional(command.Reason), ctx.CurrentUser().Id, now)));
        });

    [WolverinePost("/api/directory/people/{id}/enable"), Authorize(Policy = Policies.Admin)]
    public static Task<IResult> Enable(Guid id, EnablePerson command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock) =>
        Change(id, command.Version, session, bus, clock, (person, now) =>
            Task.FromResult((new Errors().Add(!person.Disabled, "version", "Tài khoản đang hoạt động."),
                (object)new PersonEnabled(id, ctx.CurrentUser().Id, now))));

    static async Task<IResult> Change(Guid id, long version, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        Func<Person, DateTimeOffset, Task<(Errors, object)>> decide)
    {
        var stream = await session.Events.FetchForWriting<Person>(id);
        if (stream.Aggregate is null) return Problems.NotFound("Không tìm thấy người dùng.");
        if (stream.Aggregate.Version != version) return Problems.Conflict(Problems.StaleVersion);

        var now = clock.GetUtcNow();
        var (errors, change) = await decide(stream.Aggregate, now);
        if (!errors.Ok) return Problems.Validation(errors);

        stream.AppendOne(change);
        return Results.Ok(new PersonChanged(id, version + 1));
    }
}
