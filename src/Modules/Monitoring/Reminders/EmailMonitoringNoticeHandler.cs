using Emulation.Monitoring.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Monitoring.Reminders;

/// <summary>E-mails a stored monitoring notice, at most once, to the people holding its role at its unit (ADR 0007).</summary>
public static class EmailMonitoringNoticeHandler
{
    public static Task Handle(EmailMonitoringNotice message, IDocumentStore store, IOptions<MonitoringReminderOptions> options,
        TimeProvider clock, ILogger<MonitoringNotice> log, CancellationToken ct) =>
        NoticeMail.SendAsync<MonitoringNotice, MonitoringPerson>(store, options.Value.Email, message.NoticeId, n => n.Href, clock, log, ct);
}
