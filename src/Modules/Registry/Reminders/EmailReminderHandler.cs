using Emulation.Registry.Units;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marten;
using JasperFx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Emulation.Registry.Reminders;

/// <summary>E-mails a stored reminder at most once (off by default). The inbox is the reminder's channel of record;
/// the e-mail is a courtesy copy, so losing one in a crash is preferred to sending it twice.</summary>
public static class EmailReminderHandler
{
    // The store, not a session: the intent must be committed on its own, before sending, not with the message's transaction.
    public static async Task Handle(EmailReminder message, IDocumentStore store, IOptions<ReminderOptions> options,
        TimeProvider clock, ILogger<Reminder> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.Enabled) return;
        await using var session = store.LightweightSession();
        var reminder = await session.LoadAsync<Reminder>(message.ReminderId, ct);
        if (reminder is null) return;

        var intent = new ReminderEmail(reminder.Id, clock.GetUtcNow());
        session.Insert(intent);
        try { await session.SaveChangesAsync(ct); }
        catch (DocumentAlreadyExistsException)
        {
            await using var check = store.QuerySession();
            var earlier = await check.LoadAsync<ReminderEmail>(reminder.Id, ct);
            if (earlier is { SentAt: null, Failure: null })
                log.LogWarning("Reminder {Id}: an earlier attempt recorded its e-mail at {ClaimedAt} and never confirmed it; not sent again", reminder.Id, earlier.ClaimedAt);
            return;
        }

        var key = Recipient.Key(reminder.Role, reminder.UnitId);
        var recipients = (await session.Query<Recipient>().Where(r => r.Active && r.Email != null).ToListAsync(ct))
            .Where(r => r.Roles.Contains(key)).ToList();
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
                release.Delete<ReminderEmail>(intent.Id);
                await release.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            try { await smtp.SendAsync(Mail(reminder, recipients, o), ct); }
            catch (Exception e)
            {
                // The server may have taken the message before the failure: record it and do not try again.
                await Record(store, intent with { Failure = e.Message });
                log.LogError(e, "Reminder {Id}: the e-mail may not have been sent; not retried (at most once)", reminder.Id);
                return;
            }
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        await Record(store, intent with { SentAt = clock.GetUtcNow(), Recipients = recipients.Count });
        log.LogInformation("Reminder {Id} e-mailed to {Count} recipients", reminder.Id, recipients.Count);
    }

    static MimeMessage Mail(Reminder reminder, IReadOnlyList<Recipient> recipients, EmailOptions o)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        foreach (var r in recipients) mail.To.Add(new MailboxAddress(r.FullName, r.Email!));
        mail.Subject = reminder.Title;
        mail.Body = new TextPart("plain") { Text = $"{reminder.Body}\n\nXem hồ sơ: {o.BaseUrl.TrimEnd('/')}/mo-hinh/{reminder.ModelId}" };
        return mail;
    }

    static async Task Record(IDocumentStore store, ReminderEmail outcome)
    {
        await using var session = store.LightweightSession();
        session.Store(outcome);
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
