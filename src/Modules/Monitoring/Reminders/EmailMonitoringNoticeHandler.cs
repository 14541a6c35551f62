using Emulation.Monitoring.Units;
using JasperFx;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Emulation.Monitoring.Reminders;

/// <summary>E-mails a stored monitoring notice at most once, by the path the Registry's reminders take (ADR 0007):
/// the inbox is the record, the e-mail a courtesy copy, so losing one in a crash is preferred to sending it twice.</summary>
public static class EmailMonitoringNoticeHandler
{
    // The store, not the message's session: the intent must be committed on its own, before sending.
    public static async Task Handle(EmailMonitoringNotice message, IDocumentStore store, IOptions<MonitoringReminderOptions> options,
        TimeProvider clock, ILogger<MonitoringNotice> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.Enabled) return;
        await using var session = store.LightweightSession();
        var notice = await session.LoadAsync<MonitoringNotice>(message.NoticeId, ct);
        if (notice is null) return;

        var intent = new MonitoringNoticeEmail(notice.Id, clock.GetUtcNow());
        session.Insert(intent);
        try { await session.SaveChangesAsync(ct); }
        catch (DocumentAlreadyExistsException)
        {
            log.LogWarning("Notice {Id}: an e-mail was already claimed for it; not sent again", notice.Id);
            return;
        }

        var key = MonitoringPerson.Key(notice.Role, notice.UnitId);
        var recipients = (await session.Query<MonitoringPerson>().Where(p => p.Active && p.Email != null).ToListAsync(ct))
            .Where(p => p.Roles.Contains(key)).ToList();
        if (recipients.Count > 0)
        {
            using var smtp = new SmtpClient();
            try
            {
                await smtp.ConnectAsync(o.Host, o.Port, o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Nothing reached the server yet: give the intent back so the message's retry can send.
                await using var release = store.LightweightSession();
                release.Delete<MonitoringNoticeEmail>(intent.Id);
                await release.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            try { await smtp.SendAsync(Mail(notice, recipients, o), ct); }
            catch (Exception e)
            {
                // The server may have taken it before failing: record the failure and do not try again.
                await Record(store, intent with { Failure = e.Message });
                log.LogError(e, "Notice {Id}: the e-mail may not have been sent; not retried (at most once)", notice.Id);
                return;
            }
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        await Record(store, intent with { SentAt = clock.GetUtcNow(), Recipients = recipients.Count });
    }

    static MimeMessage Mail(MonitoringNotice notice, IReadOnlyList<MonitoringPerson> recipients, NoticeEmailOptions o)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        foreach (var r in recipients) mail.To.Add(new MailboxAddress(r.FullName, r.Email!));
        mail.Subject = notice.Title;
        mail.Body = new TextPart("plain") { Text = $"{notice.Body}\n\nXem chi tiết: {o.BaseUrl.TrimEnd('/')}{notice.Href}" };
        return mail;
    }

    static async Task Record(IDocumentStore store, MonitoringNoticeEmail outcome)
    {
        await using var session = store.LightweightSession();
        session.Store(outcome);
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
