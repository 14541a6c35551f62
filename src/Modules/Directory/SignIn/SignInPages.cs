using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Directory.SignIn;

public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public static class SignInPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dang-nhap", (HttpContext ctx, string? returnUrl) => Render(ctx, null, null, returnUrl)).AllowAnonymous();

        app.MapPost("/dang-nhap", async ([FromForm] SignInForm form, HttpContext ctx, SignInService signIn) =>
        {
            var result = await signIn.SignInAsync(form.UserName, form.Password, ctx.RequestAborted);
            if (!result.Succeeded) return await Render(ctx, form.UserName, result.Error, form.ReturnUrl, 400);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SignInService.Principal(result.Person!, result.Stamp!, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy);

        // Signing out changes state, so another site must not be able to do it for a signed-in browser.
        app.MapPost("/dang-xuat", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(ctx)) return Results.Redirect("/");
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/dang-nhap");
        });
    }

    static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");

    static Task<IResult> Render(HttpContext ctx, string? userName, string? error, string? returnUrl, int status = 200) =>
        Task.FromResult(PageResults.Render<SignInPage>(new { UserName = userName, Error = error, ReturnUrl = returnUrl }, status));
}
