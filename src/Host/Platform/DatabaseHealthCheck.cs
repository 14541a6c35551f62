using System.Text.Json;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Emulation.Host.Platform;

public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", ct);
            return one.Count == 1 ? HealthCheckResult.Healthy("PostgreSQL trả lời") : HealthCheckResult.Unhealthy("PostgreSQL không trả lời");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Không kết nối được PostgreSQL", e);
        }
    }

    public static Task WriteJson(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description })
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
