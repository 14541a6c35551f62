using Emulation.Kernel.Web;
using Emulation.Review.Rubrics;

namespace Emulation.UnitTests.ReviewRounds;

public sealed class RubricScoreTests
{
    static readonly IReadOnlyList<Criterion> Preset = RubricPresets.Provincial;

    static Dictionary<string, decimal> All(decimal score, decimal gate = 1) =>
        Preset.ToDictionary(c => c.Code, c => c.IsGate ? gate : score);

    [Fact]
    public void Full_marks_total_100_and_half_marks_50()
    {
        Assert.Equal(100m, RubricScore.Total(Preset, All(10)).Total);
        Assert.Equal(50m, RubricScore.Total(Preset, All(5)).Total);
    }

    [Fact]
    public void Weights_are_shares_of_100_each_criterion_counted_against_its_own_maximum()
    {
        var scores = All(0);
        scores["HQ"] = 10;   // weight 30 of 100
        scores["ST"] = 7.5m; // weight 10: 7.5/10 of it
        Assert.Equal(37.5m, RubricScore.Total(Preset, scores).Total);
    }

    [Fact]
    public void A_gate_not_met_fails_whatever_the_total()
    {
        var result = RubricScore.Total(Preset, All(10, gate: 0));
        Assert.Equal(100m, result.Total);
        Assert.False(result.GatesMet);
        Assert.Equal(["CT"], result.FailedGates);
        Assert.False(result.Passes(50));
        Assert.True(RubricScore.Total(Preset, All(6)).Passes(50));
    }

    [Fact]
    public void Missing_scores_count_as_zero_and_a_missing_gate_as_not_met()
    {
        var result = RubricScore.Total(Preset, new Dictionary<string, decimal> { ["HQ"] = 10 });
        Assert.Equal(30m, result.Total);
        Assert.False(result.Complete);
        Assert.Contains("CT", result.Missing);
        Assert.False(result.GatesMet);
    }

    [Fact]
    public void Weights_that_do_not_sum_to_100_are_normalised()
    {
        IReadOnlyList<Criterion> two = [new("A", "A", 4, 1, [], null, null), new("B", "B", 10, 3, [], null, null)];
        Assert.Equal(25m, RubricScore.Total(two, new Dictionary<string, decimal> { ["A"] = 4, ["B"] = 0 }).Total);
        Assert.Equal(87.5m, RubricScore.Total(two, new Dictionary<string, decimal> { ["A"] = 2, ["B"] = 10 }).Total);
    }

    [Fact]
    public void Bands_name_a_score()
    {
        var hq = Preset[0];
        Assert.Equal("Chưa đạt", hq.Band(4));
        Assert.Equal("Đạt", hq.Band(7));
        Assert.Equal("Tốt", hq.Band(8));
    }

    [Fact]
    public void Criteria_rules_refuse_overlapping_bands_duplicate_codes_and_no_weight()
    {
        var errors = new Errors();
        RubricRules.Criteria([
            new CriterionInput("a", "Một", 10, 0, [new BandInput(0, 5, "Thấp"), new BandInput(5, 10, "Cao")], null, null),
            new CriterionInput("A", "Hai", 10, 0, null, 11, null)
        ], errors);
        Assert.Contains("criteria[0].bands[1]", errors.Keys);
        Assert.Contains("criteria[1].code", errors.Keys);
        Assert.Contains("criteria[1].gateMinimum", errors.Keys);

        var noWeight = new Errors();
        RubricRules.Criteria([new CriterionInput("A", "Một", 10, 0, null, null, null)], noWeight);
        Assert.Contains("criteria", noWeight.Keys);

        var fine = new Errors();
        var made = RubricRules.Criteria(Preset.Select(RubricRules.Input).ToList(), fine);
        Assert.True(fine.Ok);
        Assert.Equal(Preset.Select(c => c.Code), made.Select(c => c.Code));
    }
}
