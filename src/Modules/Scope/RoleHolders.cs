using Emulation.Kernel.Mail;
using Marten;

namespace Emulation.Scope;

public static class RoleHolders
{
    /// <summary>The people holding <paramref name="role"/> at <paramref name="unit"/> who can be mailed, from a
    /// module's own copy of the Directory's people.</summary>
    public static async Task<IReadOnlyList<MailRecipient>> MailboxesAsync<TPerson>(IQuerySession session, string role, Guid unit, CancellationToken ct)
        where TPerson : PersonCopy
    {
        var key = PersonCopy.Key(role, unit);
        return (await session.Query<TPerson>().Where(p => p.Active && p.Email != null).ToListAsync(ct))
            .Where(p => p.Roles.Contains(key)).Select(p => new MailRecipient(p.Email!, p.FullName)).ToList();
    }
}
