using Emulation.Kernel.Security;
using Emulation.Kernel.Web.Inbox;
using Emulation.Scope;
using Marten;

namespace Emulation.Review.Reminders;

/// <summary>The review reminders in the shared inbox: those addressed to a role the person holds at the unit they hold it for.</summary>
public sealed class ReviewNotices(IDocumentSession session) : INoticeSource
{
    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct) =>
        (await RoleNotices.For<ReviewNotice>(session, user).OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct))
            .Select(r => new Notice(r.Id, "Đánh giá mô hình", r.Title, r.Body, r.Href, r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    public Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct) => RoleNotices.CountUnreadAsync<ReviewNotice>(session, user, ct);

    public async Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct) =>
        id.StartsWith(ReviewKeys.Prefix, StringComparison.Ordinal) && await RoleNotices.MarkReadAsync<ReviewNotice>(session, user, id, ct);
}
