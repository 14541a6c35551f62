using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.SignIn;

public sealed record RequestToken(string UserName, string Password);

public sealed record Me(Guid Id, string UserName, string FullName, IReadOnlyList<RoleAssignment> Roles);

public static class AuthEndpoints
{
    /// <summary>For integrations: exchanges a user name and password for a bearer token (ASP.NET Core's own token format).</summary>
    [WolverinePost("/api/auth/token"), AllowAnonymous, EnableRateLimiting(SignInLimits.Policy)]
    [ProducesResponseType<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Token(RequestToken request, SignInService signIn)
    {
        if (SignInService.CheckInput(request.UserName, request.Password) is { } inputError)
            return Results.Problem(title: "Dữ liệu chưa hợp lệ", detail: inputError, statusCode: StatusCodes.Status400BadRequest);
        var result = await signIn.SignInAsync(request.UserName, request.Password);
        if (!result.Succeeded)
            return Results.Problem(title: "Đăng nhập không thành công", detail: result.Error, statusCode: StatusCodes.Status401Unauthorized);
        return Results.SignIn(SignInService.Principal(result.Person!, result.Stamp!, BearerTokenDefaults.AuthenticationScheme),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    [WolverineGet("/api/auth/me"), Authorize(Policy = Policies.SignedIn)]
    public static Me WhoAmI(HttpContext ctx)
    {
        var user = ctx.CurrentUser();
        return new Me(user.Id, user.UserName, user.FullName, user.Assignments);
    }
}
