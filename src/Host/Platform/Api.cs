using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Emulation.Host.Platform.Binding;
using Microsoft.AspNetCore.Http.Features;

namespace Emulation.Host.Platform;

public static class Api
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            // Status-only answers (from authorization, routing) get the same Vietnamese wording as ours.
            Binding.BindingProblems.Customize(ctx);
            if (ctx.ProblemDetails.Detail is null && Vietnamese.TryGetValue(ctx.ProblemDetails.Status ?? 0, out var text))
                (ctx.ProblemDetails.Title, ctx.ProblemDetails.Detail) = text;
        });
        services.AddExceptionHandler<DatabaseDownHandler>();
        services.AddExceptionHandler<ConflictHandler>();
        services.AddOpenApi(OpenApiSetup.Configure);
        services.AddOutputCache();
        services.AddBinding();
        return services;
    }

    static readonly Dictionary<int, (string, string)> Vietnamese = new()
    {
        [400] = ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ."),
        [401] = ("Chưa đăng nhập", "Vui lòng đăng nhập để tiếp tục."),
        [403] = ("Không có quyền", "Bạn không có quyền thực hiện thao tác này."),
        [404] = ("Không tìm thấy", "Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu."),
        [405] = ("Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức yêu cầu."),
        [415] = ("Định dạng không được hỗ trợ", "Hãy gửi dữ liệu dạng JSON (Content-Type: application/json).")
    };

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Pages get a Vietnamese page for a status without a body; the API gets ProblemDetails.
        app.UseStatusCodePages(async status =>
        {
            var ctx = status.HttpContext;
            if (!Security.IsApi(ctx.Request) && ctx.Request.Headers.Accept.ToString().Contains("text/html"))
            {
                var page = ctx.Response.StatusCode == 403 ? await Emulation.Kernel.Web.PageResults.Forbidden(ctx) : await Emulation.Kernel.Web.PageResults.NotFound(ctx);
                if (ctx.Response.StatusCode is 403 or 404) { await page.ExecuteAsync(ctx); return; }
            }
            await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = { Status = ctx.Response.StatusCode }
            });
        });
        app.UseQueryLimits();
        app.UseOutputCache();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Emulation API v1");
            o.DocumentTitle = "Emulation API";
        });
        return app;
    }

    /// <summary>Concurrent edits: whoever saves second gets a 409, and nothing of theirs is stored.</summary>
    sealed class ConflictHandler(IProblemDetailsService problems, ILogger<ConflictHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
        {
            var (status, title, detail) = exception switch
            {
                ConcurrencyException or EventStreamUnexpectedMaxEventIdException
                    or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                    (409, "Xung đột dữ liệu", Emulation.Kernel.Web.Problems.StaleVersion),
                DocumentAlreadyExistsException =>
                    (409, "Xung đột dữ liệu", "Dữ liệu này vừa được người khác tạo. Hãy tải lại trang và kiểm tra."),
                BadHttpRequestException => (400, "Yêu cầu không hợp lệ", "Không đọc được dữ liệu gửi lên: hãy kiểm tra các trường và gửi lại."),
                System.Text.Json.JsonException => (400, "Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng định dạng JSON."),
                _ => (0, "", "")
            };
            if (status == 0)
            {
                var inner = exception.InnerException;
                if (inner is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
                    (status, title, detail) = (409, "Xung đột dữ liệu", Emulation.Kernel.Web.Problems.StaleVersion);
                else return false;
            }
            log.LogInformation("Request refused with {Status}: {Message}", status, exception.Message);
            ctx.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                Exception = exception,
                ProblemDetails = { Status = status, Title = title, Detail = detail }
            });
        }
    }
}
