using System.Text.Json.Serialization;

namespace Emulation.Monitoring.Following;

public enum ReportStatus { Draft, Submitted }

/// <summary>The value a target reached, measured on a date.</summary>
public sealed record TargetReading(int Target, decimal Value, DateOnly MeasuredOn);

/// <summary>What the unit tells about the period besides the figures. Money in đồng.</summary>
public sealed record Narrative(string? WhatWasDone, string? Participants, decimal? MoneySpent, int? PeopleReached, string? Difficulties);

/// <summary>A progress report for one period. A submitted report is never changed: a later report that
/// <see cref="Corrects"/> it takes its place and the history keeps both.</summary>
public sealed record ProgressReport(Guid Id, string Period, ReportStatus Status, IReadOnlyList<TargetReading> Readings, Narrative Narrative,
    Guid? Corrects, Guid By, DateTimeOffset SavedAt, DateTimeOffset? SubmittedAt, string? Reason = null);

public sealed record ReportDraftSaved(Guid ModelId, Guid ReportId, string Period, IReadOnlyList<TargetReading> Readings, Narrative Narrative,
    Guid? Corrects, Guid By, DateTimeOffset At) : IFollowedEvent;

/// <param name="Reason">Why a correction was made (set only when <paramref name="Corrects"/> is).</param>
public sealed record ReportSubmitted(Guid ModelId, Guid ReportId, string Period, IReadOnlyList<TargetReading> Readings, Narrative Narrative,
    Guid? Corrects, Guid By, DateTimeOffset At, string? Reason = null) : IFollowedEvent;

public sealed partial record FollowedModel
{
    public FollowedModel Apply(ReportDraftSaved e) => this with
    {
        Reports = [.. Reports.Where(r => r.Id != e.ReportId), new ProgressReport(e.ReportId, e.Period, ReportStatus.Draft, e.Readings, e.Narrative, e.Corrects, e.By, e.At, null)]
    };

    public FollowedModel Apply(ReportSubmitted e) => this with
    {
        Reports = [.. Reports.Where(r => r.Id != e.ReportId), new ProgressReport(e.ReportId, e.Period, ReportStatus.Submitted, e.Readings, e.Narrative, e.Corrects, e.By, e.At, e.At, e.Reason)]
    };

    public ProgressReport? Report(Guid id) => Reports.FirstOrDefault(r => r.Id == id);

    [JsonIgnore] public IEnumerable<ProgressReport> Submitted => Reports.Where(r => r.Status == ReportStatus.Submitted);

    /// <summary>The submitted reports that stand: those no later submitted report corrects.</summary>
    [JsonIgnore] public IReadOnlyList<ProgressReport> Standing
    {
        get
        {
            var corrected = Submitted.Where(r => r.Corrects is not null).Select(r => r.Corrects!.Value).ToHashSet();
            return Submitted.Where(r => !corrected.Contains(r.Id)).ToList();
        }
    }
}
