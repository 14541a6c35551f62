using Emulation.Review.Ranking;
using Emulation.Review.Scoring;

namespace Emulation.UnitTests.Reviewing;

public sealed class AggregateAndRankingTests
{
    [Fact]
    public void Aggregate_gives_mean_median_min_max_spread_and_flags_disagreement_above_the_threshold()
    {
        var a = ScoreAggregate.Of([70m, 85.5m, 90m], 15m)!;
        Assert.Equal((3, 81.83m, 85.5m, 70m, 90m, 20m, true), (a.Count, a.Mean, a.Median, a.Min, a.Max, a.Spread, a.Disagreement));
        var even = ScoreAggregate.Of([80m, 70m, 75m, 90m], 20m)!;
        Assert.Equal((78.75m, 77.5m, 20m, false), (even.Mean, even.Median, even.Spread, even.Disagreement));
        Assert.Null(ScoreAggregate.Of([], 15m));
    }

    [Fact]
    public void A_ranking_entry_counts_the_totals_of_the_reviewers_assigned_now_and_tells_a_reviewer_who_has_not_submitted()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), model = Guid.NewGuid();
        // b submitted, then was taken off: their total stays stored but no longer counts; c is assigned and has not submitted.
        var entry = RankingEntryProjection.Entry(model, [a, c], [b], [a, b], [80m, 40m], c);
        Assert.Equal([80m], entry.Totals);
        Assert.Equal((2, false, true), (entry.Assigned, entry.Declared, entry.Pending));
        var forA = RankingEntryProjection.Entry(model, [a, c], [b], [a, b], [80m, 40m], a);
        Assert.False(forA.Pending);
        Assert.True(RankingEntryProjection.Entry(model, [a, c], [b], [a, b], [80m, 40m], b).Declared);
        // Assigned again, their submitted scorecard counts again.
        Assert.Equal([80m, 40m], RankingEntryProjection.Entry(model, [a, c, b], [], [a, b], [80m, 40m], a).Totals);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips_per_field_and_level()
    {
        Guid Id(int i) => new($"00000000-0000-0000-0000-{i:x12}");
        var ranked = Rankings.Of([
            new RankInput(Id(1), "kinh-te", "co-so", 88m), new RankInput(Id(2), "kinh-te", "co-so", 90m),
            new RankInput(Id(3), "kinh-te", "co-so", 90m), new RankInput(Id(4), "kinh-te", "co-so", null),
            new RankInput(Id(5), "kinh-te", "co-so", 70m), new RankInput(Id(6), "van-hoa", "co-so", 60m),
            new RankInput(Id(7), "kinh-te", "huyen", 50m)]);
        var economy = ranked.Where(r => r.Field == "kinh-te" && r.Level == "co-so").ToList();
        Assert.Equal([Id(2), Id(3), Id(1), Id(5), Id(4)], economy.Select(r => r.ModelId));
        Assert.Equal([1, 1, 3, 4, null], economy.Select(r => r.Rank));
        Assert.Equal([true, true, false, false, false], economy.Select(r => r.Tied));
        Assert.Equal(1, ranked.Single(r => r.ModelId == Id(6)).Rank);
        Assert.Equal(1, ranked.Single(r => r.ModelId == Id(7)).Rank);
    }

    [Fact]
    public void A_run_of_assignments_gives_each_round_model_and_reviewer_once_in_the_order_appended()
    {
        Guid round = Guid.NewGuid(), other = Guid.NewGuid(), m = Guid.NewGuid(), n = Guid.NewGuid(), a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var at = DateTimeOffset.UnixEpoch;
        var pairs = RankingEntryProjection.AssignedPairs([
            new(round, m, [a, b], Emulation.Review.Assignment.AssignedHow.Bulk, a, at),
            new(round, n, [b, b], Emulation.Review.Assignment.AssignedHow.Bulk, a, at),
            new(round, m, [c, a], Emulation.Review.Assignment.AssignedHow.Bulk, a, at),
            new(other, m, [a], Emulation.Review.Assignment.AssignedHow.Manual, a, at),
        ]);
        Assert.Equal([(round, m, a), (round, m, b), (round, n, b), (round, m, c), (other, m, a)], pairs);
    }
}
