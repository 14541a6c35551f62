using Emulation.Review.Assignment;
using Emulation.Review.Scoring;
using Marten;

namespace Emulation.Review.Decisions;

/// <summary>Each covered model's mean of the submitted totals of its assigned reviewers, as the ranking counts it. The
/// meeting and its minutes show every mean: the board decides on all of them, whoever prints the minutes.</summary>
public static class RoundScores
{
    sealed record Card(Guid ModelId, Guid ReviewerId, decimal Total);
    sealed record Assigned(Guid ModelId, IReadOnlyList<Guid> Reviewers);

    public static async Task<IReadOnlyDictionary<Guid, decimal>> MeansAsync(IQuerySession session, Guid roundId, CancellationToken ct)
    {
        var assigned = (await session.Query<ModelReview>().Where(r => r.RoundId == roundId)
            .Select(r => new Assigned(r.ModelId, r.Reviewers)).ToListAsync(ct)).ToDictionary(a => a.ModelId, a => a.Reviewers);
        var cards = await session.Query<Scorecard>().Where(s => s.RoundId == roundId && s.Submitted)
            .Select(s => new Card(s.ModelId, s.ReviewerId, s.Total)).ToListAsync(ct);
        return cards.Where(c => assigned.TryGetValue(c.ModelId, out var r) && r.Contains(c.ReviewerId))
            .GroupBy(c => c.ModelId).ToDictionary(g => g.Key, g => Math.Round(g.Average(c => c.Total), 2));
    }
}
