using Emulation.Kernel.Mail;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Review.Reminders;

/// <summary>E-mails a stored review notice, at most once (ADR 0007): to its one person when it has one (a reviewer's
/// digest), else to the people holding its role at its unit.</summary>
public static class EmailReviewNoticeHandler
{
    public static async Task Handle(EmailReviewNotice message, IDocumentStore store, IOptions<ReviewReminderOptions> options,
        TimeProvider clock, ILogger<ReviewNotice> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.Enabled) return;
        await using var session = store.QuerySession();
        var notice = await session.LoadAsync<ReviewNotice>(message.NoticeId, ct);
        if (notice is null) return;
        IReadOnlyList<MailRecipient> to;
        if (notice.PersonId is { } id)
            to = await session.LoadAsync<ReviewPerson>(id, ct) is { Active: true, Email: { } email } p ? [new MailRecipient(email, p.FullName)] : [];
        else
            to = await RoleHolders.MailboxesAsync<ReviewPerson>(session, notice.Role, notice.UnitId, ct);
        await new AtMostOnceMail(store, clock, log).SendAsync(o, notice.Id, to, notice.Title, $"{notice.Body}\n\nXem chi tiết: {o.Link(notice.Href)}", ct);
    }
}
