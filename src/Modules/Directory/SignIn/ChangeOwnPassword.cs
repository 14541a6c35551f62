using Emulation.Directory.People;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.SignIn;

public sealed record ChangeOwnPassword(string? CurrentPassword, string? NewPassword);

public sealed record PasswordChanged(Guid Id);

/// <summary>Anyone signed in changes their own password, proving the current one first.</summary>
public static class ChangeOwnPasswordEndpoint
{
    [WolverinePost("/api/auth/password"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<PasswordChanged>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(ChangeOwnPassword command, IDocumentSession session, IPasswordHasher<Credential> hasher, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var person = await session.LoadAsync<Person>(user.Id);
        var credential = person is null ? null : await session.LoadAsync<Credential>(person.UserName);
        if (person is null || credential is null) return Problems.NotFound("Không tìm thấy tài khoản.");

        // An empty field is a field left out, not a wrong password.
        var errors = new Errors()
            .Add(string.IsNullOrEmpty(command.CurrentPassword), "currentPassword", "Vui lòng nhập mật khẩu hiện tại.")
            .Add(!string.IsNullOrEmpty(command.CurrentPassword) && (command.CurrentPassword.Length > PersonRules.MaxPassword
                 || hasher.VerifyHashedPassword(credential, credential.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed),
                "currentPassword", "Mật khẩu hiện tại không đúng.");
        PersonRules.Password(errors, command.NewPassword, "newPassword");
        errors.Add(errors.Ok && command.NewPassword == command.CurrentPassword, "newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        if (!errors.Ok) return Problems.Validation(errors);

        credential.PasswordHash = hasher.HashPassword(credential, command.NewPassword!);
        session.Store(credential);
        session.Events.Append(person.Id, new PasswordSet(person.Id, person.Id, clock.GetUtcNow()));
        // Every other session ends with the old password's stamp; the browser that changed it stays signed in.
        if (ctx.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SignInService.Principal(person, SignInService.Stamp(credential), CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Ok(new PasswordChanged(person.Id));
    }

    public static void MapPage(IEndpointRouteBuilder app) => app.MapGet("/tai-khoan", AccountPage.Get).RequireAuthorization();
}
