using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Emulation.Host.Platform;

/// <summary>Opens a new connection each time, with a two-second limit: a pooled connection keeps answering while
/// PostgreSQL shuts down (it refuses only new sessions), which is why /health used to say healthy for the first
/// seconds of an outage.</summary>
public sealed class DatabaseHealthCheck(IConfiguration configuration) : IHealthCheck
{
    readonly string _connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Emulation"))
    {
        Pooling = false, Timeout = 2, CommandTimeout = 2, ApplicationName = "emulation-health"
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(limit.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            return await command.ExecuteScalarAsync(limit.Token) is 1
                ? HealthCheckResult.Healthy("PostgreSQL trả lời")
                : HealthCheckResult.Unhealthy("PostgreSQL không trả lời");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
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
