using Microsoft.AspNetCore.HttpOverrides;

namespace Emulation.Host.Platform;

/// <summary>What a browser is told about every answer: no framing, no type sniffing, no script or style that the
/// application did not serve from its own files, and no full address in the Referer sent to other sites.</summary>
public static class SecurityHeaders
{
    const string Strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                          "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    // Swagger UI and the Hangfire dashboard are third-party pages that style elements inline.
    const string ThirdParty = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
                              "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((ctx, next) =>
    {
        var headers = ctx.Response.Headers;
        var thirdParty = ctx.Request.Path.StartsWithSegments("/api-docs") || ctx.Request.Path.StartsWithSegments("/hangfire");
        headers.ContentSecurityPolicy = thirdParty ? ThirdParty : Strict;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next();
    });

    /// <summary>Behind a TLS-terminating proxy (<c>Proxy:Enabled</c>), the scheme and client address come from
    /// the proxy's X-Forwarded-* headers, and browsers are told to use HTTPS only (HSTS). Only proxies listed in
    /// <c>Proxy:KnownProxies</c> (loopback by default) are believed.</summary>
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var address in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = configuration.GetValue<bool>("Proxy:HstsIncludeSubDomains");
        });
        return services;
    }

    public static void UseProxySupport(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Proxy:Enabled")) return;
        app.UseForwardedHeaders();
        app.UseHsts();
    }
}
