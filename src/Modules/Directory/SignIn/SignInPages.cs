using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    static Task<IResult> Render(HttpContext ctx, string? userName, string? error, string? returnUrl, int status = 200)
    {
        var antiforgery = ctx.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(ctx);
        var body = Html.Of($"""
            <div class="panel signin">
              {Html.When(error is not null, Html.Of($"""<div class="notice error" role="alert" id="signin-error">{error}</div>"""))}
              <form method="post" action="/dang-nhap">
                <input type="hidden" name="{antiforgery.FormFieldName}" value="{antiforgery.RequestToken}">
                <input type="hidden" name="returnUrl" value="{returnUrl}">
                <label class="field"><span>Tên đăng nhập</span>
                  <input name="userName" id="userName" autocomplete="username" value="{userName}" maxlength="50" required autofocus></label>
                <label class="field"><span>Mật khẩu</span>
                  <input name="password" id="password" type="password" autocomplete="current-password" maxlength="128" required></label>
                <div class="actions"><button type="submit">Đăng nhập</button></div>
              </form>
              <p class="muted">Quên mật khẩu? Liên hệ quản trị hệ thống của đơn vị để được cấp lại.</p>
            </div>
            """);
        return Page.Render(ctx, "Đăng nhập", body, status);
    }
}
