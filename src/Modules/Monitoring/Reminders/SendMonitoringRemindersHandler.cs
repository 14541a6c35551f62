using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Summary;
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
        if (candidates.Count == 0) return messages;
        var existing = (await session.LoadManyAsync<MonitoringNotice>(candidates.Select(c => c.Id).ToArray())).Select(r => r.Id).ToHashSet();
        foreach (var notice in candidates.Where(c => existing.Add(c.Id)))
        {
            // Insert, not upsert: if another node stored the same reminder meanwhile, this transaction fails and is retried,
            // and the retry finds it stored. Either way it is delivered once (ADR 0007).
            session.Insert(notice);
            if (o.Email.Enabled) messages.Add(new EmailMonitoringNotice(notice.Id));
        }
        return messages;
    }
}
