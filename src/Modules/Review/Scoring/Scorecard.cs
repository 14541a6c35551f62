namespace Emulation.Review.Scoring;

/// <summary>The scores saved as a draft: the reviewer may come back to them; nobody else sees them.</summary>
public sealed record ScoresDrafted(Guid RoundId, Guid ModelId, Guid ReviewerId, IReadOnlyDictionary<string, decimal> Scores,
    string? ToUnit, string? ToBoard, decimal Total, bool GatesMet, Guid By, DateTimeOffset At);

/// <summary>The scores submitted (first time or revised before the deadline): they count in the model's aggregate.</summary>
public sealed record ScoresSubmitted(Guid RoundId, Guid ModelId, Guid ReviewerId, IReadOnlyDictionary<string, decimal> Scores,
    string? ToUnit, string? ToBoard, decimal Total, bool GatesMet, Guid By, DateTimeOffset At);

/// <summary>One reviewer's scorecard for one model in one round: its own stream (<see cref="Assignment.ReviewIds.Scorecard"/>),
/// so three reviewers scoring the same model at once never touch the same stream.</summary>
public sealed partial record Scorecard(Guid Id, Guid RoundId, Guid ModelId, Guid ReviewerId, IReadOnlyDictionary<string, decimal> Scores,
    string? ToUnit, string? ToBoard, decimal Total, bool GatesMet, bool Submitted, DateTimeOffset? SubmittedAt, int Revisions,
    DateTimeOffset UpdatedAt, long Version)
{
    public static Scorecard Create(ScoresDrafted e) =>
        new(Assignment.ReviewIds.Scorecard(e.RoundId, e.ModelId, e.ReviewerId), e.RoundId, e.ModelId, e.ReviewerId, e.Scores, e.ToUnit, e.ToBoard,
            e.Total, e.GatesMet, false, null, 0, e.At, 1);

    public static Scorecard Create(ScoresSubmitted e) =>
        new(Assignment.ReviewIds.Scorecard(e.RoundId, e.ModelId, e.ReviewerId), e.RoundId, e.ModelId, e.ReviewerId, e.Scores, e.ToUnit, e.ToBoard,
            e.Total, e.GatesMet, true, e.At, 0, e.At, 1);

    public Scorecard Apply(ScoresDrafted e) =>
        this with { Scores = e.Scores, ToUnit = e.ToUnit, ToBoard = e.ToBoard, Total = e.Total, GatesMet = e.GatesMet, UpdatedAt = e.At };

    public Scorecard Apply(ScoresSubmitted e) => this with
    {
        Scores = e.Scores, ToUnit = e.ToUnit, ToBoard = e.ToBoard, Total = e.Total, GatesMet = e.GatesMet, UpdatedAt = e.At,
        Revisions = Submitted ? Revisions + 1 : Revisions, Submitted = true, SubmittedAt = e.At
    };
}
