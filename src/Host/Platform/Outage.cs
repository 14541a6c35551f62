using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Emulation.Host.Platform;

/// <summary>While PostgreSQL does not answer, every request that needs it is told so: a 503 with
/// <c>Retry-After</c>, as a Vietnamese ProblemDetails for the API and a Vietnamese page for a browser,
/// instead of an English (or empty) 500.</summary>
public sealed class DatabaseDownHandler(IProblemDetailsService problems, ILogger<DatabaseDownHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    const string Title = "Hệ thống tạm gián đoạn";
    const string Detail = "Cơ sở dữ liệu đang không trả lời. Dữ liệu của bạn chưa được lưu; vui lòng thử lại sau ít phút.";

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (!IsDatabaseDown(exception)) return false;
        log.LogWarning("PostgreSQL did not answer: {Message}", exception.GetBaseException().Message);
        ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        if (!Security.IsApi(ctx.Request) && ctx.Request.Headers.Accept.ToString().Contains("text/html"))
        {
            await PlainPage.Write(ctx, Title, Detail, ctx.Request.Path + ctx.Request.QueryString, "Thử lại");
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = Title, Detail = Detail }
        });
    }

    /// <summary>Connection failures, timeouts and the server's own "shutting down"/"starting up" refusals;
    /// a constraint violation or a bad query is not an outage.</summary>
    public static bool IsDatabaseDown(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
                return pg.SqlState.StartsWith("08") || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
            if (e is NpgsqlException or SocketException) return true;
        }
        return false;
    }
}
