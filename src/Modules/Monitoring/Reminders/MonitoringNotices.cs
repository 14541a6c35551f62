using Emulation.Kernel.Security;
using Emulation.Kernel.Web.Inbox;
using Emulation.Scope;
using Marten;

namespace Emulation.Monitoring.Reminders;

/// <summary>The monitoring reminders in the shared inbox: those addressed to a role the person holds at the unit they hold it for.</summary>
public sealed class MonitoringNotices(IDocumentSession session) : INoticeSource
{
    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct) =>
        (await RoleNotices.For<MonitoringNotice>(session, user).OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct))
            .Select(r => new Notice(r.Id, "Theo dõi mô hình", r.Title, r.Body, r.Href, r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    public Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct) => RoleNotices.CountUnreadAsync<MonitoringNotice>(session, user, ct);

    // The prefix spares a query for the other modules' notices.
    public async Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct) =>
        id.StartsWith("theo-doi:", StringComparison.Ordinal) && await RoleNotices.MarkReadAsync<MonitoringNotice>(session, user, id, ct);
}
