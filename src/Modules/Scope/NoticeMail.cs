using Emulation.Kernel.Mail;
using Marten;
using Microsoft.Extensions.Logging;

namespace Emulation.Scope;

/// <summary>Mails a stored notice at most once (ADR 0007): to its one person when it names one, else to the people
/// holding its role at its unit, from the module's own copy of the Directory's people. The notice is the record; the
/// mail a courtesy copy with a link back.</summary>
public static class NoticeMail
{
    public static async Task SendAsync<TNotice, TPerson>(IDocumentStore store, MailOptions o, string noticeId, Func<TNotice, string> href,
        TimeProvider clock, ILogger log, CancellationToken ct, string linkLabel = "Xem chi tiết")
        where TNotice : RoleNotice where TPerson : PersonCopy
    {
        if (!o.Enabled) return;
        await using var session = store.QuerySession();
        var notice = await session.LoadAsync<TNotice>(noticeId, ct);
        if (notice is null) return;
        IReadOnlyList<MailRecipient> to = notice.PersonId is { } id
            ? await session.LoadAsync<TPerson>(id, ct) is { Active: true, Email: { } email } p ? [new MailRecipient(email, p.FullName)] : []
            : await RoleHolders.MailboxesAsync<TPerson>(session, notice.Role, notice.UnitId, ct);
        await new AtMostOnceMail(store, clock, log).SendAsync(o, notice.Id, to, notice.Title, $"{notice.Body}\n\n{linkLabel}: {o.Link(href(notice))}", ct);
    }
}
