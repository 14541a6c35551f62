using System.Text.Json.Serialization;

namespace Emulation.Review.Rounds;

public enum RoundKind { Yearly, Midterm, Final }

/// <summary>The steps of a round, in the only order they happen.</summary>
public enum RoundState { Draft, SelfAssessment, Scoring, Deliberation, Closed }

public sealed record RoundDates(DateOnly SelfAssessmentDue, DateOnly ScoringDue, DateOnly MeetingOn);

/// <summary>A model the round covers, as the feed showed it when the round opened (the list is frozen then).</summary>
public sealed record CoveredModel(Guid ModelId, string Name, string? Code, Guid UnitId, string FieldCode, string LevelCode,
    Guid? ProvinceId, Guid? DistrictId, Guid? CommuneId);

public sealed record RoundStep(RoundState To, Guid By, DateTimeOffset At);

public sealed record DatesExtension(RoundDates From, RoundDates To, string Reason, Guid By, DateTimeOffset At);

public sealed record RoundCreated(Guid RoundId, string Name, RoundKind Kind, Guid CampaignId, string CampaignName, Guid PeriodId,
    Guid BoardId, IReadOnlyList<string> Levels, Guid RubricId, RoundDates Dates, Guid By, DateTimeOffset At);

/// <summary>Self-assessment opens: the rubric version and the covered models are frozen here, for the rest of the round.</summary>
public sealed record RoundOpened(Guid RoundId, Guid RubricId, int RubricVersion, IReadOnlyList<Rubrics.Criterion> Criteria,
    IReadOnlyList<CoveredModel> Models, Guid By, DateTimeOffset At);

public sealed record ScoringStarted(Guid RoundId, Guid By, DateTimeOffset At);
public sealed record DeliberationStarted(Guid RoundId, Guid By, DateTimeOffset At);

/// <summary>Results published: the round is over.</summary>
public sealed record RoundClosed(Guid RoundId, Guid By, DateTimeOffset At);

public sealed record RoundDatesExtended(Guid RoundId, RoundDates Dates, string Reason, Guid By, DateTimeOffset At);

/// <summary>A review round of a board over a campaign's period: a yearly review, a sơ kết or a tổng kết. Immutable; folded
/// by Marten from its stream (the round's id).</summary>
public sealed partial record Round(
    Guid Id, string Name, RoundKind Kind, Guid CampaignId, string CampaignName, Guid PeriodId, Guid BoardId, IReadOnlyList<string> Levels,
    Guid RubricId, int? RubricVersion, IReadOnlyList<Rubrics.Criterion> Criteria, RoundDates Dates, RoundState State,
    IReadOnlyList<CoveredModel> Models, IReadOnlyList<RoundStep> Steps, IReadOnlyList<DatesExtension> Extensions, DateTimeOffset CreatedAt, long Version)
{
    public static Round Create(RoundCreated e) =>
        new(e.RoundId, e.Name, e.Kind, e.CampaignId, e.CampaignName, e.PeriodId, e.BoardId, e.Levels, e.RubricId, null, [], e.Dates,
            RoundState.Draft, [], [new RoundStep(RoundState.Draft, e.By, e.At)], [], e.At, 1);

    public Round Apply(RoundOpened e) => this with
    {
        State = RoundState.SelfAssessment, RubricId = e.RubricId, RubricVersion = e.RubricVersion, Criteria = e.Criteria, Models = e.Models,
        Steps = [.. Steps, new RoundStep(RoundState.SelfAssessment, e.By, e.At)]
    };

    public Round Apply(ScoringStarted e) => Moved(RoundState.Scoring, e.By, e.At);
    public Round Apply(DeliberationStarted e) => Moved(RoundState.Deliberation, e.By, e.At);
    public Round Apply(RoundClosed e) => Moved(RoundState.Closed, e.By, e.At);

    public Round Apply(RoundDatesExtended e) =>
        this with { Dates = e.Dates, Extensions = [.. Extensions, new DatesExtension(Dates, e.Dates, e.Reason, e.By, e.At)] };

    Round Moved(RoundState to, Guid by, DateTimeOffset at) => this with { State = to, Steps = [.. Steps, new RoundStep(to, by, at)] };

    public CoveredModel? Model(Guid modelId) => Models.FirstOrDefault(m => m.ModelId == modelId);

    [JsonIgnore] public bool Opened => State != RoundState.Draft;
}
