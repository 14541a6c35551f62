using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Summary;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Emulation.Monitoring.Reminders;

public static class SendMonitoringRemindersHandler
{
    public static async Task<OutgoingMessages> Handle(SendMonitoringReminders _, IDocumentSession session,
        IOptions<MonitoringReminderOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var today = InspectionSteps.Today(now);
        var horizon = today.AddDays(o.DaysBeforeDue);
        var candidates = new List<MonitoringNotice>();

        // The summary carries each model's next report and its due date (the first period not yet reported, ADR 0017).
        var reports = await session.Query<MonitoringSummary>()
            .Where(s => s.State == "active" && s.Health != "discontinued" && s.NextDueOn != null && s.NextDueOn <= horizon).ToListAsync();
        candidates.AddRange(ReminderRules.ForReports(
            reports.Select(s => new ReportDeadline(s.Id, s.Name, s.UnitId, s.BoardId, s.NextPeriodWords ?? s.NextPeriod ?? "", s.NextDueOn!.Value)),
            today, o, now, ModelLinks.Href));

        var actions = await session.Query<OpenAction>().Where(a => a.ClosedAt == null && a.AnsweredOn == null && a.DueOn <= horizon).ToListAsync();
        candidates.AddRange(ReminderRules.ForActions(actions, today, o, now));

        var messages = new OutgoingMessages();
        foreach (var notice in await RoleNotices.InsertNewAsync(session, candidates))
            if (o.Email.Enabled) messages.Add(new EmailMonitoringNotice(notice.Id));
        return messages;
    }
}
