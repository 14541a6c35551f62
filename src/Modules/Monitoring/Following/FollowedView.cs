using Emulation.Monitoring.Health;
using Emulation.Monitoring.Marks;
using Emulation.Monitoring.Units;

namespace Emulation.Monitoring.Following;

public sealed record TargetView(int No, string Indicator, string UnitOfMeasure, decimal? Baseline, decimal? TargetValue, DateOnly? DueDate,
    decimal? Latest, DateOnly? MeasuredOn, decimal? Percent, bool Met, DateOnly? MetOn, bool Late, decimal? Expected);

public sealed record ReportView(Guid Id, string Period, string PeriodWords, string Status, IReadOnlyList<TargetReading> Readings,
    Narrative Narrative, Guid? Corrects, Guid? CorrectedBy, string? Reason, string By, DateTimeOffset SavedAt, DateTimeOffset? SubmittedAt);

public sealed record PeriodOption(string Key, string Words, DateOnly Due, bool Reported);

/// <summary>A followed model as it stood on <see cref="AsOf"/> (today unless a past day was asked), with its health
/// evaluated on that day and the steps the caller may take (only today).</summary>
public sealed record FollowedView(
    Guid Id, long Version, DateOnly AsOf, bool IsToday, string Name, string? Code, string Kind, Guid UnitId, string UnitName, string UnitPath,
    Guid? BoardId, string BoardName, Guid? CampaignId, string? CampaignName, string FieldCode, string LevelCode, DateOnly AcceptedOn,
    string Schedule, string ScheduleWords, string State, string StateWords, StateMark? Mark, ResumeRequest? PendingResume,
    string Health, string HealthLabel, string HealthWords, string HealthTag, string? NextPeriod, string? NextPeriodWords, DateOnly? NextDueOn,
    int OverdueDays, int OverdueActions, IReadOnlyList<TargetView> Targets, IReadOnlyList<ReportView> Reports, IReadOnlyList<PeriodOption> OpenPeriods,
    IReadOnlyList<string> Actions)
{
    public static FollowedView Of(FollowedModel m, DateOnly asOf, bool isToday, MonitoringAccess access, int overdueActions,
        IReadOnlyDictionary<Guid, string> people)
    {
        var health = ModelHealth.Evaluate(m, asOf, overdueActions);
        var tree = access.Tree;
        var board = tree.FollowingBoard(m);
        var unitSees = access.IsModelUnit(m);
        var correctedBy = m.Submitted.Where(r => r.Corrects is not null).ToDictionary(r => r.Corrects!.Value, r => r.Id);
        var standing = m.Standing;
        var reports = m.Reports.Where(r => r.Status == ReportStatus.Submitted || unitSees)
            .OrderByDescending(r => r.Period).ThenByDescending(r => r.SubmittedAt ?? r.SavedAt)
            .Select(r => new ReportView(r.Id, r.Period, ReportingPeriod.TryParse(r.Period, out var p) ? p.Words : r.Period,
                r.Status == ReportStatus.Draft ? "draft" : correctedBy.ContainsKey(r.Id) ? "corrected" : "submitted",
                r.Readings, r.Narrative, r.Corrects, correctedBy.TryGetValue(r.Id, out var c) ? c : null, r.Reason,
                people.GetValueOrDefault(r.By, ""), r.SavedAt, r.SubmittedAt)).ToList();
        var open = ReportingPeriod.Open(m.Schedule, m.AcceptedOn, asOf).Reverse()
            .Select(p => new PeriodOption(p.Key, p.Words, p.Due, ModelHealth.Covered(p, standing))).ToList();
        return new FollowedView(
            m.ModelId, m.Version, asOf, isToday, m.Facts.Name, m.Facts.Code, m.Facts.Kind, m.UnitId, tree.Name(m.UnitId), tree.Path(m.UnitId),
            board, tree.Name(board), m.Facts.CampaignId, m.Facts.CampaignName, m.Facts.FieldCode, m.Facts.LevelCode, m.AcceptedOn,
            ScheduleLabels.Code(m.Schedule), ScheduleLabels.Words(m.Schedule), StateLabels.Code(m.State), StateLabels.Words(m.State), m.Mark, m.PendingResume,
            health.CodeName, health.Label, health.Words, HealthLabels.Tag(health.Code), health.NextPeriod?.Key, health.NextPeriod?.Words,
            health.NextPeriod?.Due, health.OverdueDays, overdueActions,
            health.Targets.Select(t => new TargetView(t.Target.No, t.Target.Indicator, t.Target.UnitOfMeasure, t.Target.Baseline, t.Target.TargetValue,
                t.Target.DueDate, t.Latest, t.MeasuredOn, t.Percent, t.Met, t.MetOn, t.Late, t.Expected)).ToList(),
            reports, open, isToday ? StepsFor(m, access) : []);
    }

    static IReadOnlyList<string> StepsFor(FollowedModel m, MonitoringAccess access)
    {
        var actions = new List<string>();
        if (access.IsModelUnit(m))
        {
            if (Emulation.Monitoring.Reports.ReportRules.StateRefusal(m) is null) actions.Add("report");
            if (MarkRules.Refusal(m, "request-resume") is null) actions.Add("request-resume");
        }
        if (access.BoardCoversModel(m))
            actions.AddRange(new[] { "pause", "discontinue", "merge", "resume" }.Where(step => MarkRules.Refusal(m, step) is null));
        return actions;
    }
}
