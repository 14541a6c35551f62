using Emulation.Kernel.Security;
using Emulation.Kernel.Web.Inbox;
using Marten;

namespace Emulation.Monitoring.Reminders;

/// <summary>The monitoring reminders in the shared inbox: those addressed to a role the person holds at the unit they hold it for.</summary>
public sealed class MonitoringNotices(IDocumentSession session) : INoticeSource
{
    public static IQueryable<MonitoringNotice> For(IQuerySession session, CurrentUser user)
    {
        var officer = user.UnitsFor(Roles.Officer).ToArray();
        var secretary = user.UnitsFor(Roles.BoardSecretary).ToArray();
        return session.Query<MonitoringNotice>().Where(r =>
            (r.Role == Roles.Officer && r.UnitId.IsOneOf(officer)) || (r.Role == Roles.BoardSecretary && r.UnitId.IsOneOf(secretary)));
    }

    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct) =>
        (await For(session, user).OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct))
            .Select(r => new Notice(r.Id, "Theo dõi mô hình", r.Title, r.Body, r.Href, r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    public Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct)
    {
        var id = user.Id;
        return For(session, user).Where(r => !r.ReadBy.Contains(id)).CountAsync(ct);
    }

    public async Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct)
    {
        if (!id.StartsWith("theo-doi:", StringComparison.Ordinal)) return false;
        var notice = await For(session, user).Where(r => r.Id == id).FirstOrDefaultAsync(ct);
        if (notice is null) return false;
        if (!notice.ReadBy.Contains(user.Id))
        {
            notice.ReadBy.Add(user.Id);
            session.Store(notice);
            await session.SaveChangesAsync(ct);
        }
        return true;
    }
}
