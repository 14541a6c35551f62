using System.Text.Json;
using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Kernel.Web.Inbox;

public sealed record MarkNoticeRead(string? Id);

public sealed record NoticeRead(string Id);

/// <summary>Every module's notices in one list: the page, its API and the header badge ask each
/// <see cref="INoticeSource"/> and merge what they answer.</summary>
public sealed class SharedInbox(IEnumerable<INoticeSource> sources)
{
    public const int Shown = 200;

    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        var all = new List<Notice>();
        foreach (var source in sources) all.AddRange(await source.ListAsync(user, Shown, ct));
        return all.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id, StringComparer.Ordinal).Take(Shown).ToList();
    }

    public async Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct)
    {
        var count = 0;
        foreach (var source in sources) count += await source.CountUnreadAsync(user, ct);
        return count;
    }

    public async Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct)
    {
        foreach (var source in sources)
            if (await source.MarkReadAsync(user, id, ct)) return true;
        return false;
    }

    public static IServiceCollection AddSharedInbox(IServiceCollection services)
    {
        services.AddScoped<SharedInbox>();
        services.AddScoped<IHeaderBadge, InboxBadge>();
        services.AddSingleton<IModulePages, InboxPages>();
        return services;
    }
}

public sealed class InboxBadge(SharedInbox inbox) : IHeaderBadge
{
    public string Href => "/hop-thu";
    public string Label => "Nhắc việc";
    public Task<int> CountAsync(CurrentUser user, CancellationToken ct) => inbox.CountUnreadAsync(user, ct);
}

/// <summary>The page and its API; the modules' own inbox endpoints (e.g. `/api/registry/inbox`) stay as they were.</summary>
public sealed class InboxPages : IModulePages
{
    /// <summary>Reads the body itself: a minimal API's own binding failure names no field, and the forms (and
    /// integrations) are told which field was wrong, in Vietnamese, as every other endpoint does.</summary>
    static async Task<IResult> MarkRead(HttpContext ctx, SharedInbox inbox)
    {
        if (!ctx.Request.HasJsonContentType())
            return Results.Problem(title: "Định dạng không được hỗ trợ", detail: "Hãy gửi dữ liệu dạng JSON (Content-Type: application/json).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        MarkNoticeRead? command;
        try { command = await ctx.Request.ReadFromJsonAsync<MarkNoticeRead>(ctx.RequestAborted); }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.") ? path[2..] : "$";
            return Problems.Validation(field, field == "id" ? "Mã nhắc việc (id) phải là một đoạn chữ." : "Dữ liệu gửi lên không đúng định dạng JSON.");
        }
        if (string.IsNullOrWhiteSpace(command?.Id)) return Problems.Validation("id", "Thiếu mã nhắc việc (id).");
        return command.Id.Length > 300 || !await inbox.MarkReadAsync(ctx.CurrentUser(), command.Id, ctx.RequestAborted)
            ? Problems.NotFound("Không tìm thấy nhắc việc.")
            : Results.Ok(new NoticeRead(command.Id));
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/hop-thu", InboxPage.Get).RequireAuthorization();
        app.MapGet("/api/inbox", (HttpContext ctx, SharedInbox inbox) => inbox.ListAsync(ctx.CurrentUser(), ctx.RequestAborted))
            .RequireAuthorization().WithTags("Inbox").WithSummary("Nhắc việc và thông báo của mọi phân hệ gửi tới người đang đăng nhập");
        app.MapPost("/api/inbox/read", MarkRead).Accepts<MarkNoticeRead>("application/json").Produces<NoticeRead>()
            .RequireAuthorization().WithTags("Inbox").WithSummary("Đánh dấu một nhắc việc đã đọc");
    }
}
