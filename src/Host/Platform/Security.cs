using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Emulation.Host.Platform;

/// <summary>Two ways in, one set of rules: the browser signs in with a cookie, integrations with a bearer token.
/// Either way the same claims (and so the same role and unit checks) apply.</summary>
public static class Security
{
    const string Smart = "cookie-or-bearer";
    const string CookieName = "emulation.auth";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IHostEnvironment env, IConfiguration configuration)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookiePolicy;
                o.LoginPath = "/dang-nhap";
                o.LogoutPath = "/dang-xuat";
                o.AccessDeniedPath = "/khong-co-quyen";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiStatus(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiStatus(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            // A forgotten attribute must not publish an endpoint: anything not marked AllowAnonymous needs a signed-in person.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSignInLimits(configuration);

        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "emulation.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookiePolicy;
        });
        return services;
    }

    /// <summary>Cookies are Secure whenever the request is HTTPS: directly, or as the trusted TLS proxy reports it
    /// (<c>Proxy:Enabled</c>, forwarded headers). Not "Always": on a plain-HTTP request (a Production host behind an
    /// unconfigured proxy, a health probe, the benchmark) anti-forgery then throws and every page answers 500.</summary>
    public const CookieSecurePolicy CookiePolicy = CookieSecurePolicy.SameAsRequest;

    /// <summary>Pages redirect to sign-in; the API answers 401/403 with ProblemDetails instead.</summary>
    static Task ApiStatus(HttpContext ctx, string redirect, int status)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            return Results.Problem(statusCode: status,
                title: status == 401 ? "Chưa đăng nhập" : "Không có quyền",
                detail: status == 401 ? "Vui lòng đăng nhập để tiếp tục." : "Bạn không có quyền thực hiện thao tác này.").ExecuteAsync(ctx);
        }
        ctx.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Credentials that no longer hold (a disabled account, an expired token): the API answers 401,
    /// and a page drops the cookie and carries on as a visitor (so it is sent to sign in).</summary>
    public static void UseAccountStatus(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var cookie = ctx.Request.Cookies.ContainsKey(CookieName);
        var presented = cookie || ctx.Request.Headers.Authorization.Count > 0;
        if (presented && ctx.User.Identity?.IsAuthenticated != true)
        {
            if (cookie) ctx.Response.Cookies.Delete(CookieName);
            if (IsApi(ctx.Request) && !ctx.Request.Path.StartsWithSegments("/api/auth/token"))
            {
                ctx.Response.StatusCode = 401;
                await Results.Problem(statusCode: 401, title: "Chưa đăng nhập",
                    detail: "Phiên đăng nhập đã hết hạn hoặc tài khoản đã bị khóa. Vui lòng đăng nhập lại.").ExecuteAsync(ctx);
                return;
            }
        }
        await next();
    });

    /// <summary>A browser's cookie is sent with any request, so an API call made with the cookie (not a bearer
    /// token) must also carry the anti-forgery token the page was given.</summary>
    public static void UseApiAntiforgery(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var unsafeMethod = !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method));
        var byCookie = ctx.User.Identity?.IsAuthenticated == true && ctx.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
        if (unsafeMethod && byCookie && IsApi(ctx.Request))
        {
            var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(ctx))
            {
                await Results.Problem(statusCode: 400, title: "Phiên làm việc không hợp lệ",
                    detail: "Trang đã hết hạn hoặc yêu cầu không xuất phát từ hệ thống. Hãy tải lại trang và thử lại.").ExecuteAsync(ctx);
                return;
            }
        }
        await next();
    });
}
