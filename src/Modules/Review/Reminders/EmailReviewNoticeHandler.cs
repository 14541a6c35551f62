using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Review.Reminders;

/// <summary>E-mails a stored review notice at most once: a reviewer's digest to that reviewer, the rest to the role's holders.</summary>
public static class EmailReviewNoticeHandler
{
    public static Task Handle(EmailReviewNotice message, IDocumentStore store, IOptions<ReviewReminderOptions> options,
        TimeProvider clock, ILogger<ReviewNotice> log, CancellationToken ct) =>
        NoticeMail.SendAsync<ReviewNotice, ReviewPerson>(store, options.Value.Email, message.NoticeId, n => n.Href, clock, log, ct);
}
