using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Marten;

namespace Emulation.Review.Decisions;

/// <summary>A model's submitted scores as the board decides on them: the mean of the totals of its assigned reviewers,
/// how many scorecards count, and whether the model met the gate criteria (<see cref="GateVerdict"/>).</summary>
public sealed record ModelMean(decimal Mean, int Cards, bool GatesMet);

/// <param name="Shown">The models whose scores the caller may read.</param>
/// <param name="Conflicted">Models the caller is conflicted with (declared, or from the roles they hold).</param>
/// <param name="Owed">Models the caller is assigned to and has not submitted a scorecard on.</param>
public sealed record RoundMeans(IReadOnlyDictionary<Guid, ModelMean> Shown, IReadOnlySet<Guid> Conflicted, IReadOnlySet<Guid> Owed)
{
    public bool Hidden(Guid model) => Conflicted.Contains(model) || Owed.Contains(model);
}

/// <summary>Each covered model's scores, as the ranking counts them (ADR 0064). Scores are independent: a caller never
/// reads the scores of a model they are conflicted with, nor of one they still owe a scorecard on, and nobody reads the
/// means on the meeting's page or minutes before the round reaches deliberation.</summary>
public static class RoundScores
{
    sealed record Card(Guid ModelId, Guid ReviewerId, decimal Total, bool GatesMet, bool Submitted);

    /// <summary>Every model's scores, whoever asks: for the rules (a gate failure refuses recognition), never for a page.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ModelMean>> AllAsync(IQuerySession session, Guid roundId, CancellationToken ct)
    {
        var (means, _, _) = await ReadAsync(session, roundId, ct);
        return means;
    }

    /// <summary>The scores of one model, for the rules.</summary>
    public static async Task<ModelMean?> OfAsync(IQuerySession session, Guid roundId, Guid modelId, CancellationToken ct)
    {
        var review = await session.LoadAsync<ModelReview>(ReviewIds.ModelReview(roundId, modelId), ct);
        var cards = await session.Query<Scorecard>().Where(s => s.RoundId == roundId && s.ModelId == modelId && s.Submitted).ToListAsync(ct);
        return Mean(cards.Where(c => review?.Reviewers.Contains(c.ReviewerId) == true).Select(c => (c.Total, c.GatesMet)).ToList());
    }

    /// <summary>What <paramref name="caller"/> may read of the round's scores.</summary>
    public static async Task<RoundMeans> ForAsync(IQuerySession session, ReviewRound caller, CancellationToken ct)
    {
        var round = caller.Round;
        if (round.State < RoundState.Deliberation)
            return new RoundMeans(new Dictionary<Guid, ModelMean>(), new HashSet<Guid>(), round.Models.Select(m => m.ModelId).ToHashSet());
        var (means, reviews, cards) = await ReadAsync(session, round.Id, ct);
        var me = caller.User.Id;
        var ties = caller.MyTies;
        var conflicted = round.Models.Where(m => caller.Conflicted(reviews.GetValueOrDefault(m.ModelId), m, me, ties)).Select(m => m.ModelId).ToHashSet();
        var submitted = cards.Where(c => c.ReviewerId == me && c.Submitted).Select(c => c.ModelId).ToHashSet();
        var owed = reviews.Values.Where(r => r.Reviewers.Contains(me) && !submitted.Contains(r.ModelId)).Select(r => r.ModelId).ToHashSet();
        return new RoundMeans(means.Where(m => !conflicted.Contains(m.Key) && !owed.Contains(m.Key)).ToDictionary(), conflicted, owed);
    }

    static async Task<(IReadOnlyDictionary<Guid, ModelMean>, IReadOnlyDictionary<Guid, ModelReview>, IReadOnlyList<Card>)> ReadAsync(
        IQuerySession session, Guid roundId, CancellationToken ct)
    {
        var reviews = (await ReviewRound.ReviewsAsync(session, roundId, ct)).ToDictionary(r => r.ModelId);
        var cards = await session.Query<Scorecard>().Where(s => s.RoundId == roundId)
            .Select(s => new Card(s.ModelId, s.ReviewerId, s.Total, s.GatesMet, s.Submitted)).ToListAsync(ct);
        var means = cards.Where(c => c.Submitted && reviews.TryGetValue(c.ModelId, out var r) && r.Reviewers.Contains(c.ReviewerId))
            .GroupBy(c => c.ModelId).ToDictionary(g => g.Key, g => Mean(g.Select(c => (c.Total, c.GatesMet)).ToList())!);
        return (means, reviews, cards);
    }

    static ModelMean? Mean(IReadOnlyList<(decimal Total, bool GatesMet)> cards) => cards.Count == 0 ? null
        : new ModelMean(Math.Round(cards.Average(c => c.Total), 2), cards.Count, GateVerdict.Of(cards.Select(c => c.GatesMet)) ?? true);
}
