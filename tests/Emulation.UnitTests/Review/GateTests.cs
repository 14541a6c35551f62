using Emulation.Review.Decisions;
using Emulation.Review.Ranking;
using Emulation.Review.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.UnitTests.Reviewing;

/// <summary>Gate criteria "must be met whatever the total" (ADR 0064): the model's verdict from its scorecards, the ranking,
/// and the decision.</summary>
public sealed class GateTests
{
    [Fact]
    public void A_model_meets_its_gates_only_when_more_than_half_of_its_submitted_scorecards_do()
    {
        Assert.Null(GateVerdict.Of([]));
        Assert.True(GateVerdict.Of([true]));
        Assert.False(GateVerdict.Of([false]));
        Assert.True(GateVerdict.Of([true, true, false]));
        Assert.False(GateVerdict.Of([true, false]));
        Assert.False(GateVerdict.Of([true, false, false]));
    }

    [Fact]
    public void A_ranking_entry_takes_the_gate_verdict_from_the_scorecards_that_count()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), model = Guid.NewGuid();
        Assert.True(RankingEntryProjection.Entry(model, [a, b, c], [], [a, b, c], [80m, 70m, 60m], a, [true, true, false]).GatesMet);
        // b is taken off: their passing scorecard stops counting, one of two is not a majority.
        Assert.False(RankingEntryProjection.Entry(model, [a, c], [], [a, b, c], [80m, 70m, 60m], a, [true, true, false]).GatesMet);
        // A row kept before gates were recorded has no verdict.
        Assert.Null(RankingEntryProjection.Entry(model, [a], [], [a], [80m], a, []).GatesMet);
        Assert.Null(RankingEntryProjection.Entry(model, [a], [], [], [], a, []).GatesMet);
    }

    [Fact]
    public void A_gate_failure_ranks_below_every_pass_whatever_its_mean_and_ties_stay_ties()
    {
        Guid Id(int i) => new($"00000000-0000-0000-0000-{i:x12}");
        var ranked = Rankings.Of([
            new RankInput(Id(1), "kinh-te", "co-so", 95m, GatesMet: false), new RankInput(Id(2), "kinh-te", "co-so", 80m),
            new RankInput(Id(3), "kinh-te", "co-so", 80m), new RankInput(Id(4), "kinh-te", "co-so", 60m),
            new RankInput(Id(5), "kinh-te", "co-so", 95m, GatesMet: false), new RankInput(Id(6), "kinh-te", "co-so", 80m, GatesMet: false),
            new RankInput(Id(7), "kinh-te", "co-so", null)]);
        Assert.Equal([Id(2), Id(3), Id(4), Id(1), Id(5), Id(6), Id(7)], ranked.Select(r => r.ModelId));
        Assert.Equal([1, 1, 3, 4, 4, 6, null], ranked.Select(r => r.Rank));
        Assert.Equal([true, true, false, true, true, false, false], ranked.Select(r => r.Tied));
    }

    static DecideModel Command(string outcome, string? level = null) => new(outcome, level, 7, 6, 1, null, 0);

    [Theory]
    [InlineData("recognised", null)]
    [InlineData("outstanding", null)]
    [InlineData("proposed", "bang-khen-tinh")]
    public void A_model_that_failed_the_gates_is_only_not_recognised_and_the_refusal_names_outcome(string outcome, string? level)
    {
        var decisions = RoundDecisions.Empty(Guid.NewGuid());
        var model = Guid.NewGuid();
        var (refused, none) = DecideModelEndpoint.Decide(decisions, model, Command(outcome, level), Guid.NewGuid(), DateTimeOffset.UnixEpoch, gatesMet: false);
        var problem = Assert.IsType<ProblemHttpResult>(refused);
        Assert.Equal(400, problem.StatusCode);
        var errors = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors;
        Assert.Equal([DecideModelEndpoint.GateFailed], errors["outcome"]);
        Assert.Empty(none);

        var (notRecognised, events) = DecideModelEndpoint.Decide(decisions, model, new DecideModel("not-recognised", null, 7, 1, 6, null, 0), Guid.NewGuid(),
            DateTimeOffset.UnixEpoch, gatesMet: false);
        Assert.Equal(200, Assert.IsAssignableFrom<IStatusCodeHttpResult>(notRecognised).StatusCode);
        Assert.Single(events);
        // Met, or not known (no scorecard submitted): the board decides.
        Assert.Single(DecideModelEndpoint.Decide(decisions, model, Command(outcome, level), Guid.NewGuid(), DateTimeOffset.UnixEpoch, gatesMet: true).Item2);
        Assert.Single(DecideModelEndpoint.Decide(decisions, model, Command(outcome, level), Guid.NewGuid(), DateTimeOffset.UnixEpoch, gatesMet: null).Item2);
    }
}
