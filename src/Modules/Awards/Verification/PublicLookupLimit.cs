using System.Threading.RateLimiting;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Awards.Verification;

/// <summary>The public lookup answers anyone, so each client address gets a fixed number of searches a minute
/// (<c>Awards:PublicLookup:PerMinute</c>, 30 by default); past it a Vietnamese 429 with Retry-After. The policy keeps its
/// own rejection answer so the sign-in limiter's message is not shown here.</summary>
public static class PublicLookupLimit
{
    public const string Policy = "awards-public-lookup";

    public static IServiceCollection AddPublicLookupLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Awards:PublicLookup:PerMinute", 30);
        services.AddRateLimiter(o => o.AddPolicy(Policy, new LookupPolicy(perMinute)));
        return services;
    }

    sealed class LookupPolicy(int perMinute) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var http = context.HttpContext;
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString();
            await Results.Problem(title: "Tra cứu quá nhiều lần",
                detail: $"Máy của bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng chờ {seconds} giây rồi thử lại.", statusCode: 429).ExecuteAsync(http);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
