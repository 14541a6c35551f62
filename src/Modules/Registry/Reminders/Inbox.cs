using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Kernel.Web.Inbox;
using Emulation.Scope;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Reminders;

public sealed record InboxItem(string Id, string Title, string Body, Guid ModelId, DateTimeOffset CreatedAt, bool Read);

/// <summary>A person's reminders: those addressed to a role they hold at the unit they hold it for.</summary>
public static class Inbox
{
    public static IQueryable<Reminder> For(IQuerySession session, CurrentUser user) => RoleNotices.For<Reminder>(session, user);

    public static async Task<IReadOnlyList<InboxItem>> ItemsAsync(IQuerySession session, CurrentUser user, CancellationToken ct) =>
        (await For(session, user).OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct))
            .Select(r => new InboxItem(r.Id, r.Title, r.Body, r.ModelId, r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    [WolverineGet("/api/registry/inbox"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IReadOnlyList<InboxItem>> List(IQuerySession session, HttpContext ctx) => ItemsAsync(session, ctx.CurrentUser(), ctx.RequestAborted);

    [WolverinePost("/api/registry/inbox/read"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InboxItemRead>(StatusCodes.Status200OK)]
    public static async Task<IResult> MarkRead(MarkRead command, IDocumentSession session, HttpContext ctx) =>
        await RoleNotices.MarkReadAsync<Reminder>(session, ctx.CurrentUser(), command.Id ?? "", ctx.RequestAborted)
            ? Results.Ok(new InboxItemRead(command.Id!))
            : Problems.NotFound("Không tìm thấy nhắc việc.");
}

public sealed record MarkRead(string? Id);

public sealed record InboxItemRead(string Id);

/// <summary>The registry's reminders and notices in the shared inbox.</summary>
public sealed class RegistryNotices(IDocumentSession session) : INoticeSource
{
    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct) =>
        (await Inbox.For(session, user).OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct))
            .Select(r => new Notice(r.Id, "Đăng ký mô hình", r.Title, r.Body, $"/mo-hinh/{r.ModelId}", r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    public Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct) => RoleNotices.CountUnreadAsync<Reminder>(session, user, ct);

    public Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct) => RoleNotices.MarkReadAsync<Reminder>(session, user, id, ct);
}
