using Emulation.Kernel.Security;
using Marten;

namespace Emulation.Scope;

/// <summary>A module's inbox message for everyone holding <see cref="Role"/> at <see cref="UnitId"/>, or for one person
/// when <see cref="PersonId"/> is set (a reviewer's digest is theirs alone, not their board's). Its id names what it is
/// about and the deadline or step, so the same notice is stored once however often or wherever the job runs (an
/// insert: a second one fails). Ids are unique across modules: the shared inbox and the mail intents go by them alone.</summary>
public abstract class RoleNotice
{
    public string Id { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Guid> ReadBy { get; set; } = [];
}

public static class RoleNotices
{
    /// <summary>A person's notices: those addressed to a role they hold at the unit they hold it for.</summary>
    public static IQueryable<T> For<T>(IQuerySession session, CurrentUser user) where T : RoleNotice
    {
        var officer = user.UnitsFor(Roles.Officer).ToArray();
        var secretary = user.UnitsFor(Roles.BoardSecretary).ToArray();
        var member = user.UnitsFor(Roles.BoardMember).ToArray();
        var approver = user.UnitsFor(Roles.Approver).ToArray();
        var person = user.Id;
        return session.Query<T>().Where(r => r.PersonId == person || r.PersonId == null && (
            (r.Role == Roles.Officer && r.UnitId.IsOneOf(officer)) || (r.Role == Roles.BoardSecretary && r.UnitId.IsOneOf(secretary))
            || (r.Role == Roles.BoardMember && r.UnitId.IsOneOf(member)) || (r.Role == Roles.Approver && r.UnitId.IsOneOf(approver))));
    }

    public static Task<int> CountUnreadAsync<T>(IQuerySession session, CurrentUser user, CancellationToken ct) where T : RoleNotice
    {
        var id = user.Id;
        return For<T>(session, user).Where(r => !r.ReadBy.Contains(id)).CountAsync(ct);
    }

    /// <summary>False when the person cannot see it. Committed here: the shared inbox's endpoint has no transaction of its own.</summary>
    public static async Task<bool> MarkReadAsync<T>(IDocumentSession session, CurrentUser user, string id, CancellationToken ct) where T : RoleNotice
    {
        var notice = await For<T>(session, user).Where(r => r.Id == id).FirstOrDefaultAsync(ct);
        if (notice is null) return false;
        if (notice.ReadBy.Contains(user.Id)) return true;
        notice.ReadBy.Add(user.Id);
        session.Store(notice);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Stores the candidates not stored yet and returns them. Insert, not upsert: if another node stored the same
    /// notice meanwhile, the transaction fails and is retried, and the retry finds it stored (ADR 0007).</summary>
    public static async Task<IReadOnlyList<T>> InsertNewAsync<T>(IDocumentSession session, IReadOnlyCollection<T> candidates) where T : RoleNotice
    {
        if (candidates.Count == 0) return [];
        var seen = (await session.LoadManyAsync<T>(candidates.Select(c => c.Id).ToArray())).Select(r => r.Id).ToHashSet();
        var fresh = candidates.Where(c => seen.Add(c.Id)).ToList();
        foreach (var notice in fresh) session.Insert(notice);
        return fresh;
    }
}
