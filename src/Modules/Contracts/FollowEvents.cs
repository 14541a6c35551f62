namespace Emulation.Contracts;

/// <summary>A followed model's state after the change at <paramref name="Version"/> of its Monitoring stream, relayed
/// in the event store's order (ADR 0011, ADR 0023): what other modules (Review) need of the monitoring record, never
/// the time-dependent health. <paramref name="State"/> is one of <see cref="FollowStateCodes"/>; <paramref name="Reports"/>
/// are the submitted reports that stand (a corrected report is replaced by its correction); <paramref name="Targets"/>
/// give each measurable target's progress by its latest reading.</summary>
public sealed record FollowUpdated(
    Guid ModelId, string State, IReadOnlyList<FollowedReport> Reports, IReadOnlyList<FollowedEvidence> Evidence,
    IReadOnlyList<FollowedTargetProgress> Targets, long Version, DateTimeOffset At);

/// <param name="Period">The reporting period's key (e.g. <c>2026-Q3</c>); <paramref name="PeriodWords"/> says it in Vietnamese.</param>
public sealed record FollowedReport(Guid ReportId, string Period, string PeriodWords, DateTimeOffset SubmittedAt);

public sealed record FollowedEvidence(Guid FileId, Guid ReportId, string FileName, string ContentType, long Size);

/// <param name="Percent">Direction-aware share of the way from the baseline to the target (null before a reading).</param>
/// <param name="Met">Reached at some reading (a target met stays met).</param>
public sealed record FollowedTargetProgress(int No, string Indicator, decimal? Percent, bool Met);

public static class FollowStateCodes
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Discontinued = "discontinued";
    public const string Merged = "merged";
}
