using Emulation.Kernel.Security;
using Emulation.Kernel.Web.Inbox;
using Marten;

namespace Emulation.Scope;

/// <summary>A module's role notices in the shared inbox: those addressed to a role the person holds at the unit they
/// hold it for, under the module's label; ids carry the module's prefix, which spares a query for other modules' notices.</summary>
public abstract class RoleNoticeSource<T>(IDocumentSession session, string label, string idPrefix, Func<T, string> href) : INoticeSource
    where T : RoleNotice
{
    public async Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct) =>
        (await RoleNotices.For<T>(session, user).OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct))
            .Select(r => new Notice(r.Id, label, r.Title, r.Body, href(r), r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    public Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct) => RoleNotices.CountUnreadAsync<T>(session, user, ct);

    public async Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct) =>
        id.StartsWith(idPrefix, StringComparison.Ordinal) && await RoleNotices.MarkReadAsync<T>(session, user, id, ct);
}
