using Emulation.Kernel.Mail;
using Emulation.Registry.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Registry.Reminders;

/// <summary>E-mails a stored reminder or notice, at most once, to the people holding its role at its unit (ADR 0007).</summary>
public static class EmailReminderHandler
{
    public static async Task Handle(EmailReminder message, IDocumentStore store, IOptions<ReminderOptions> options,
        TimeProvider clock, ILogger<Reminder> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.Enabled) return;
        await using var session = store.QuerySession();
        var reminder = await session.LoadAsync<Reminder>(message.ReminderId, ct);
        if (reminder is null) return;
        var to = await RoleHolders.MailboxesAsync<Recipient>(session, reminder.Role, reminder.UnitId, ct);
        await new AtMostOnceMail(store, clock, log).SendAsync(o, reminder.Id, to, reminder.Title,
            $"{reminder.Body}\n\nXem hồ sơ: {o.Link($"/mo-hinh/{reminder.ModelId}")}", ct);
    }
}
