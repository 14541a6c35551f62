using Emulation.Registry.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Registry.Reminders;

/// <summary>E-mails a stored reminder or notice, at most once, to the people holding its role at its unit (ADR 0007).</summary>
public static class EmailReminderHandler
{
    public static Task Handle(EmailReminder message, IDocumentStore store, IOptions<ReminderOptions> options,
        TimeProvider clock, ILogger<Reminder> log, CancellationToken ct) =>
        NoticeMail.SendAsync<Reminder, Recipient>(store, options.Value.Email, message.ReminderId, r => $"/mo-hinh/{r.ModelId}", clock, log, ct, "Xem hồ sơ");
}
