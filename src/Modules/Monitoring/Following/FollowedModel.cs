using System.Text.Json.Serialization;

namespace Emulation.Monitoring.Following;

public enum FollowState { Active, Paused, Discontinued, Merged }

/// <summary>A target of the accepted dossier, numbered from 1 in the dossier's order (the number a report names).</summary>
public sealed record FollowedTarget(int No, string Indicator, string UnitOfMeasure, decimal? Baseline, decimal? TargetValue, DateOnly? DueDate)
{
    [JsonIgnore] public bool Measurable => TargetValue is not null;
}

/// <summary>What Monitoring keeps of the accepted dossier, so that every past state can be rebuilt from this stream
/// alone (time travel needs no other data).</summary>
public sealed record ModelFacts(
    string Name, string? Code, string Kind, Guid UnitId, Guid? BoardId, Guid? CampaignId, string? CampaignName, Guid PeriodId,
    string FieldCode, string LevelCode, IReadOnlyList<FollowedTarget> Targets, string SourceStatus);

/// <summary>The model was accepted: following starts, with the facts and the reporting schedule in force.</summary>
/// <param name="ReportsFrom">For a model whose acceptance was imported from a register (ADR 0036): the day it was
/// imported, from which progress reports are owed; none before it, so years of history do not turn into overdue reports.</param>
public sealed record FollowingStarted(Guid ModelId, ModelFacts Facts, DateTimeOffset AcceptedAt, ReportingSchedule Schedule, long SourceVersion, DateTimeOffset At,
    DateOnly? ReportsFrom = null) : IFollowedEvent;

/// <summary>A later state of the registration (a new version in the Registry's feed) changed some facts.</summary>
public sealed record FollowedFactsChanged(Guid ModelId, ModelFacts Facts, long SourceVersion, DateTimeOffset At) : IFollowedEvent;

public sealed record ReportingScheduleChanged(Guid ModelId, ReportingSchedule Schedule, Guid By, DateTimeOffset At) : IFollowedEvent;

/// <summary>An accepted model followed against its targets: one stream per model, keyed by the Registry's model id
/// through <see cref="StreamFor"/> (the model id itself names the Registry's stream in the same event store).
/// Immutable; built from its events by Marten (Create/Apply here and in the partial files beside it).</summary>
public sealed partial record FollowedModel(
    Guid Id, Guid ModelId, ModelFacts Facts, DateTimeOffset AcceptedAt, ReportingSchedule Schedule, FollowState State,
    StateMark? Mark, ResumeRequest? PendingResume, IReadOnlyList<ProgressReport> Reports, long SourceVersion, long Version)
{
    public static FollowedModel Create(FollowingStarted e) =>
        new(StreamFor(e.ModelId), e.ModelId, e.Facts, e.AcceptedAt, e.Schedule, FollowState.Active, null, null, [], e.SourceVersion, 1)
            { ReportsFrom = e.ReportsFrom };

    /// <summary>The day from which reports are owed: the acceptance, or the import of an acceptance from a register.</summary>
    public DateOnly? ReportsFrom { get; init; }

    public FollowedModel Apply(FollowedFactsChanged e) => this with { Facts = e.Facts, SourceVersion = e.SourceVersion };

    public FollowedModel Apply(ReportingScheduleChanged e) => this with { Schedule = e.Schedule };

    static readonly Guid Namespace = new("6f1c2a52-3d0e-4f8b-9a57-0d7e4b1c9e21");

    /// <summary>The followed stream of a model: a name-based (version 5) UUID of the model id, the same on every node
    /// and every replay, so the feed, the API and the pages find the stream from the model id alone.</summary>
    public static Guid StreamFor(Guid modelId) => Kernel.Identity.NameBasedId.Of(Namespace, modelId);

    [JsonIgnore] public DateOnly AcceptedOn => Kernel.VietnamClock.VietnamDate(AcceptedAt);
    [JsonIgnore] public DateOnly ReportingFrom => ReportsFrom is { } from && from > AcceptedOn ? from : AcceptedOn;
    [JsonIgnore] public Guid UnitId => Facts.UnitId;
    [JsonIgnore] public Guid? BoardId => Facts.BoardId;

    /// <summary>The Registry withdrew or rejected the model after acceptance, or the board stopped it: nothing more is reported.</summary>
    [JsonIgnore] public bool Closed => State is FollowState.Discontinued or FollowState.Merged || Facts.SourceStatus != ModelStatusCodes.Accepted;

    public FollowedTarget? Target(int no) => Facts.Targets.FirstOrDefault(t => t.No == no);
}

/// <summary>Every event of a followed stream says which model and when it happened in the world (not when it was
/// stored): time travel folds the events whose <see cref="At"/> falls on or before the day asked about.</summary>
public interface IFollowedEvent
{
    Guid ModelId { get; }
    DateTimeOffset At { get; }
}
