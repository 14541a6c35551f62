using System.Text.Json.Serialization;
using Emulation.Review.Rubrics;

namespace Emulation.Review.SelfAssessment;

public enum SelfAssessmentState { Draft, Submitted }

/// <summary>A report or an evidence file from the model's monitoring that backs a score, chosen among those Review's copy
/// of the monitoring record holds (ADR 0066), with the title taken from it; a link without an id is a document outside
/// the system, named by the officer.</summary>
public sealed record EvidenceLink(string Kind, Guid? Id, string Title);

public sealed record SelfScore(string Code, decimal? Score, string? Justification, IReadOnlyList<EvidenceLink> Links);

public sealed record SelfAssessmentSaved(Guid Id, Guid RoundId, Guid ModelId, Guid UnitId, IReadOnlyList<SelfScore> Scores,
    decimal Total, bool GatesMet, Guid By, DateTimeOffset At);

public sealed record SelfAssessmentSubmitted(Guid Id, Guid RoundId, Guid ModelId, Guid UnitId, IReadOnlyList<SelfScore> Scores,
    decimal Total, bool GatesMet, Guid By, DateTimeOffset At);

/// <summary>A unit's assessment of its own model in a round, on the round's frozen criteria: one stream per round and
/// model (<see cref="StreamFor"/>). Drafts are saved over; once submitted it is the unit's word and does not change.</summary>
public sealed partial record ModelSelfAssessment(Guid Id, Guid RoundId, Guid ModelId, Guid UnitId, IReadOnlyList<SelfScore> Scores,
    decimal Total, bool GatesMet, SelfAssessmentState State, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, Guid? SubmittedBy, long Version)
{
    public static ModelSelfAssessment Create(SelfAssessmentSaved e) =>
        new(e.Id, e.RoundId, e.ModelId, e.UnitId, e.Scores, e.Total, e.GatesMet, SelfAssessmentState.Draft, e.At, null, null, 1);

    public static ModelSelfAssessment Create(SelfAssessmentSubmitted e) =>
        new(e.Id, e.RoundId, e.ModelId, e.UnitId, e.Scores, e.Total, e.GatesMet, SelfAssessmentState.Submitted, e.At, e.At, e.By, 1);

    public ModelSelfAssessment Apply(SelfAssessmentSaved e) => this with { Scores = e.Scores, Total = e.Total, GatesMet = e.GatesMet, UpdatedAt = e.At };

    public ModelSelfAssessment Apply(SelfAssessmentSubmitted e) => this with
    {
        Scores = e.Scores, Total = e.Total, GatesMet = e.GatesMet, State = SelfAssessmentState.Submitted, UpdatedAt = e.At, SubmittedAt = e.At, SubmittedBy = e.By
    };

    [JsonIgnore] public bool Submitted => State == SelfAssessmentState.Submitted;

    public SelfScore? Score(string code) => Scores.FirstOrDefault(s => s.Code == code);

    static readonly Guid Namespace = new("2b7e52c4-6a1f-4d35-8e0c-5f9a3d17c6b8");

    /// <summary>The stream of a model's self-assessment in a round: a name-based (version 5) UUID of both ids, so the API
    /// and the pages find it from the round and the model alone, on every node and every replay.</summary>
    public static Guid StreamFor(Guid roundId, Guid modelId) => Kernel.Identity.NameBasedId.Of(Namespace, roundId, modelId);

    public static RubricResult Result(IReadOnlyList<Criterion> criteria, IReadOnlyList<SelfScore> scores) =>
        RubricScore.Total(criteria, scores.Where(s => s.Score is not null).ToDictionary(s => s.Code, s => s.Score!.Value));
}
