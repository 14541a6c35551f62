using Emulation.Registry.Units;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Emulation.Registry.Reminders;

/// <summary>Sends a stored reminder by e-mail once (off by default). The sent time is stored with the reminder,
/// so a retried message does not send again.</summary>
public static class EmailReminderHandler
{
    public static async Task Handle(EmailReminder message, IDocumentSession session, IOptions<ReminderOptions> options,
        TimeProvider clock, ILogger<Reminder> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        var reminder = await session.LoadAsync<Reminder>(message.ReminderId, ct);
        if (!o.Enabled || reminder is null || reminder.EmailedAt is not null) return;

        var key = Recipient.Key(reminder.Role, reminder.UnitId);
        var recipients = (await session.Query<Recipient>().Where(r => r.Active && r.Email != null).ToListAsync(ct))
            .Where(r => r.Roles.Contains(key)).ToList();
        if (recipients.Count > 0)
        {
            var mail = new MimeMessage();
            mail.From.Add(MailboxAddress.Parse(o.From));
            foreach (var r in recipients) mail.To.Add(new MailboxAddress(r.FullName, r.Email!));
            mail.Subject = reminder.Title;
            mail.Body = new TextPart("plain") { Text = $"{reminder.Body}\n\nXem hồ sơ: {o.BaseUrl.TrimEnd('/')}/mo-hinh/{reminder.ModelId}" };
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(o.Host, o.Port, o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            await smtp.SendAsync(mail, ct);
            await smtp.DisconnectAsync(true, ct);
        }
        reminder.EmailedAt = clock.GetUtcNow();
        session.Store(reminder);
        log.LogInformation("Reminder {Id} e-mailed to {Count} recipients", reminder.Id, recipients.Count);
    }
}
