using Emulation.Kernel.Mail;
using Emulation.Monitoring.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emulation.Monitoring.Reminders;

/// <summary>E-mails a stored monitoring notice, at most once, to the people holding its role at its unit (ADR 0007).</summary>
public static class EmailMonitoringNoticeHandler
{
    public static async Task Handle(EmailMonitoringNotice message, IDocumentStore store, IOptions<MonitoringReminderOptions> options,
        TimeProvider clock, ILogger<MonitoringNotice> log, CancellationToken ct)
    {
        var o = options.Value.Email;
        if (!o.Enabled) return;
        await using var session = store.QuerySession();
        var notice = await session.LoadAsync<MonitoringNotice>(message.NoticeId, ct);
        if (notice is null) return;
        var to = await RoleHolders.MailboxesAsync<MonitoringPerson>(session, notice.Role, notice.UnitId, ct);
        await new AtMostOnceMail(store, clock, log).SendAsync(o, notice.Id, to, notice.Title,
            $"{notice.Body}\n\nXem chi tiết: {o.Link(notice.Href)}", ct);
    }
}
