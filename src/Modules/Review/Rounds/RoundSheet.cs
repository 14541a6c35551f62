using Emulation.Review.Rubrics;
using Marten;

namespace Emulation.Review.Rounds;

/// <summary>What another part of Review (assignment, scoring, ranking) needs of a round, and its public shape (ADR 0021):
/// the state, the board, the rubric version with its criteria (frozen at opening; empty in draft) and the covered
/// models with their unit, field, level and place.</summary>
public sealed record RoundSheet(
    Guid Id, string Name, RoundKind Kind, RoundState State, Guid BoardId, Guid CampaignId, Guid PeriodId, IReadOnlyList<string> Levels,
    RoundDates Dates, Guid RubricId, int? RubricVersion, IReadOnlyList<Criterion> Criteria, IReadOnlyList<CoveredModel> Models, long Version)
{
    public static RoundSheet Of(Round r) =>
        new(r.Id, r.Name, r.Kind, r.State, r.BoardId, r.CampaignId, r.PeriodId, r.Levels, r.Dates, r.RubricId, r.RubricVersion, r.Criteria, r.Models, r.Version);

    public bool Covers(Guid modelId) => Models.Any(m => m.ModelId == modelId);
}

/// <summary>Reads rounds for the rest of the module: no access check here (the caller applies its own rules).</summary>
public static class RoundSheets
{
    public static async Task<RoundSheet?> LoadAsync(IQuerySession session, Guid roundId, CancellationToken ct = default) =>
        await session.LoadAsync<Round>(roundId, ct) is { } round ? RoundSheet.Of(round) : null;

    /// <summary>The scoring total of a model's scores on the round's frozen criteria.</summary>
    public static RubricResult Total(RoundSheet round, IReadOnlyDictionary<string, decimal> scores) => RubricScore.Total(round.Criteria, scores);
}
