using Emulation.Contracts;
using Emulation.Review.Decisions;

namespace Emulation.UnitTests;

public sealed class DecisionRulesTests
{
    [Theory]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 6, 3, 9, false)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 6, 4, 9, true)]
    [InlineData(MajorityRule.MoreThanHalfOfPresent, 7, 4, 9, true)]
    [InlineData(MajorityRule.TwoThirdsOfPresent, 7, 4, 9, false)]
    [InlineData(MajorityRule.TwoThirdsOfPresent, 7, 5, 9, true)]
    [InlineData(MajorityRule.TwoThirdsOfPresent, 6, 4, 9, true)]
    [InlineData(MajorityRule.MoreThanHalfOfMembers, 6, 4, 9, false)]
    [InlineData(MajorityRule.MoreThanHalfOfMembers, 6, 5, 9, true)]
    public void A_vote_carries_by_the_rule_of_the_round(MajorityRule rule, int present, int votesFor, int members, bool carries) =>
        Assert.Equal(carries, DecisionRules.Carries(rule, new Vote(present, votesFor, present - votesFor), members));

    [Fact]
    public void A_vote_that_cannot_be_is_refused_field_by_field()
    {
        Assert.Empty(DecisionRules.VoteProblems(new Vote(7, 5, 1), 9));
        Assert.Contains(DecisionRules.VoteProblems(new Vote(0, 0, 0), 9), p => p.Field == "present");
        Assert.Contains(DecisionRules.VoteProblems(new Vote(10, 5, 1), 9), p => p.Field == "present" && p.Message.Contains("vượt quá"));
        Assert.Contains(DecisionRules.VoteProblems(new Vote(4, 4, 0), 9), p => p.Field == "present" && p.Message.Contains("quá bán"));
        Assert.Contains(DecisionRules.VoteProblems(new Vote(7, 5, 3), 9), p => p.Field == "for" && p.Message.Contains("(8)"));
        Assert.Contains(DecisionRules.VoteProblems(new Vote(7, -1, 0), 9), p => p.Field == "for");
        Assert.Empty(DecisionRules.VoteProblems(new Vote(3, 2, 0), 0));
    }

    [Fact]
    public void The_percentage_in_favour_is_rounded_to_a_tenth() =>
        Assert.Equal(85.7m, new Vote(7, 6, 1).ForPercent);

    [Fact]
    public void A_quota_counts_the_other_models_proposed_at_that_level_only()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var decided = new List<(Guid, Outcome, string?)>
        {
            (a, Outcome.Proposed, CommendationLevels.BangKhenTinh), (b, Outcome.Proposed, CommendationLevels.GiayKhenHuyen),
            (c, Outcome.Outstanding, null)
        };
        Assert.Equal(1, DecisionRules.Remaining(2, decided, CommendationLevels.BangKhenTinh, c));
        Assert.Equal(2, DecisionRules.Remaining(2, decided, CommendationLevels.BangKhenTinh, a));
        Assert.Null(DecisionRules.Remaining(null, decided, CommendationLevels.BangKhenTinh, c));
    }

    [Fact]
    public void The_funnel_counts_each_stage_with_those_that_went_further()
    {
        FunnelEntry Entry(string level, bool reporting, bool self, bool scored, Outcome? outcome) =>
            new(Guid.NewGuid(), level, "kinh-te", reporting, self, scored, outcome);
        var entries = new[]
        {
            Entry("co-so", true, true, true, Outcome.Proposed), Entry("co-so", true, true, true, Outcome.Outstanding),
            Entry("co-so", true, true, true, Outcome.Recognised), Entry("co-so", true, true, true, Outcome.NotRecognised),
            Entry("huyen", true, false, false, null), Entry("huyen", false, false, false, null)
        };
        Assert.Equal([6, 5, 4, 4, 3, 2, 1], Funnel.Of(entries).Select(s => s.Count));
        var byLevel = Funnel.By(entries, e => e.Level, ["huyen", "co-so"]);
        Assert.Equal(["huyen", "co-so"], byLevel.Select(g => g.Key));
        Assert.Equal([2, 1, 0, 0, 0, 0, 0], byLevel[0].Stages.Select(s => s.Count));
    }
}
