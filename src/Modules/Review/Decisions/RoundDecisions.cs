namespace Emulation.Review.Decisions;

/// <summary>The board's decision on one covered model; <see cref="Revision"/> counts how often it was taken (1 first),
/// the number a later change must name.</summary>
public sealed record ModelDecision(Guid ModelId, Outcome Outcome, string? Level, Vote Vote, string? Note, int Revision, Guid By, DateTimeOffset At);

/// <summary>The decisions stream of a round starts with its first use.</summary>
public sealed record DecisionsStarted(Guid RoundId, DateTimeOffset At);

/// <summary>How the meeting decides: the majority rule, the board's size (for the quorum and the "of members" rule) and
/// the most models each form of commendation may be proposed for (a level missing from the quotas has no limit).</summary>
public sealed record DecisionRulesSet(Guid RoundId, MajorityRule Rule, int Members, IReadOnlyDictionary<string, int> Quotas, Guid By, DateTimeOffset At);

public sealed record ModelDecided(Guid RoundId, Guid ModelId, Outcome Outcome, string? Level, Vote Vote, string? Note, int Revision, Guid By, DateTimeOffset At);

/// <summary>The meeting's particulars as the minutes need them; a later record replaces the earlier one whole.</summary>
public sealed record MeetingRecorded(Guid RoundId, Meeting Meeting, Guid By, DateTimeOffset At);

/// <summary>The board's decisions of one round (ADR 0024): a stream of its own beside the round's, so deciding never
/// contends with the round's steps, keyed by a name-based id of the round. Immutable; folded by Marten.</summary>
public sealed record RoundDecisions(Guid Id, Guid RoundId, MajorityRule Rule, int Members, IReadOnlyDictionary<string, int> Quotas,
    IReadOnlyList<ModelDecision> Decisions, long Version)
{
    /// <summary>The review meeting (họp xét) as the secretary recorded it; null until then.</summary>
    public Meeting? Meeting { get; init; }

    public RoundDecisions Apply(MeetingRecorded e) => this with { Meeting = e.Meeting };

    public static RoundDecisions Create(DecisionsStarted e) =>
        new(StreamFor(e.RoundId), e.RoundId, MajorityRule.MoreThanHalfOfPresent, 0, new Dictionary<string, int>(), [], 1);

    public RoundDecisions Apply(DecisionRulesSet e) => this with { Rule = e.Rule, Members = e.Members, Quotas = e.Quotas };

    public RoundDecisions Apply(ModelDecided e) => this with
    {
        Decisions = [.. Decisions.Where(d => d.ModelId != e.ModelId), new ModelDecision(e.ModelId, e.Outcome, e.Level, e.Vote, e.Note, e.Revision, e.By, e.At)]
    };

    public ModelDecision? For(Guid modelId) => Decisions.FirstOrDefault(d => d.ModelId == modelId);

    public static RoundDecisions Empty(Guid roundId) => Create(new DecisionsStarted(roundId, DateTimeOffset.MinValue)) with { Version = 0 };

    static readonly Guid Namespace = new("a4d3c1e2-7b65-4f0a-9c1d-2e8f5b7a6c30");

    /// <summary>A version 5 UUID of the round id: the same on every node, found from the round id alone.</summary>
    public static Guid StreamFor(Guid roundId) => Kernel.Identity.NameBasedId.Of(Namespace, roundId);

    /// <summary>The key of the transaction lock every change of a round's decisions takes first: quotas hold under
    /// concurrent decisions, and the stream's first event is written once.</summary>
    public static long LockKey(Guid roundId) => BitConverter.ToInt64(StreamFor(roundId).ToByteArray(), 0);
}
