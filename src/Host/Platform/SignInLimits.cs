using System.Threading.RateLimiting;
using Emulation.Directory.SignIn;
using Microsoft.AspNetCore.RateLimiting;

namespace Emulation.Host.Platform;

/// <summary>Password guessing is slowed per client address on both doors (the form and the token endpoint), on top
/// of the per-account lockout, which alone lets one address try every account in turn.</summary>
public static class SignInLimitsSetup
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("SignIn:AttemptsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInLimits.Policy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
                const string title = "Thử đăng nhập quá nhiều lần";
                var detail = $"Máy của bạn đã thử đăng nhập quá nhiều lần trong một phút. Vui lòng chờ {(int)Math.Ceiling(wait.TotalSeconds)} giây rồi thử lại.";
                if (Security.IsApi(http.Request))
                    await Results.Problem(title: title, detail: detail, statusCode: 429).ExecuteAsync(http);
                else
                    await PlainPage.Write(http, title, detail, "/dang-nhap", "Quay lại trang đăng nhập");
            };
        });
        return services;
    }
}
