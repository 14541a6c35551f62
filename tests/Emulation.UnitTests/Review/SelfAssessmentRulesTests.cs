using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review;
using Emulation.Review.Reminders;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Microsoft.AspNetCore.Http;

namespace Emulation.UnitTests.ReviewRounds;

public sealed class SelfAssessmentRulesTests
{
    static readonly Guid Ward = Guid.NewGuid(), OtherWard = Guid.NewGuid(), Board = Guid.NewGuid(), Model = Guid.NewGuid();
    static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    static readonly ReviewUnitTree Tree = new([
        new ReviewUnit { Id = Ward, Kind = "commune", Name = "Phường 1", Active = true },
        new ReviewUnit { Id = OtherWard, Kind = "commune", Name = "Phường 5", Active = true },
        new ReviewUnit { Id = Board, Kind = "board", Name = "Ban", ParentId = Ward, Active = true }]);

    static ReviewAccess Officer(Guid unit) => new(new CurrentUser(Guid.NewGuid(), "canbo", "Cán bộ", [new RoleAssignment(Roles.Officer, unit)]), Tree);

    static Round Opened(RoundState state = RoundState.SelfAssessment)
    {
        var id = Guid.NewGuid();
        var round = Round.Create(new RoundCreated(id, "Sơ kết", RoundKind.Midterm, Guid.NewGuid(), "Dân vận khéo", Guid.NewGuid(), Board, ["co-so"], Guid.NewGuid(),
                new RoundDates(new(2026, 12, 10), new(2026, 12, 20), new(2026, 12, 28)), Guid.NewGuid(), Now))
            .Apply(new RoundOpened(id, Guid.NewGuid(), 1, RubricPresets.Provincial,
                [new CoveredModel(Model, "5 biết", "CM-2026-0001", Ward, "kinh-te", "co-so", null, null, null)], Guid.NewGuid(), Now));
        return state == RoundState.Scoring ? round.Apply(new ScoringStarted(id, Guid.NewGuid(), Now)) : round;
    }

    static int Status(IResult r) => ((IStatusCodeHttpResult)r).StatusCode!.Value;

    [Fact]
    public void A_draft_takes_partial_scores_and_totals_them_a_score_above_the_maximum_is_refused()
    {
        var round = Opened();
        var (ok, events) = SaveSelfAssessmentEndpoint.Decide(round, Model, null,
            new SaveSelfAssessment([new ScoreInput("hq", 7.5m, null, null)], 0), Officer(Ward), Now);
        var saved = Assert.IsType<SelfAssessmentSaved>(Assert.Single(events));
        Assert.Equal(22.5m, saved.Total);
        Assert.Equal("HQ", saved.Scores.Single().Code);

        var (above, none) = SaveSelfAssessmentEndpoint.Decide(round, Model, null,
            new SaveSelfAssessment([new ScoreInput("HQ", 10.5m, null, null)], 0), Officer(Ward), Now);
        Assert.Empty(none);
        Assert.Equal(400, Status(above));
    }

    [Fact]
    public void Refusals_come_in_order_not_found_forbidden_state_version()
    {
        var save = new SaveSelfAssessment([], 0);
        Assert.Equal(404, Status(SaveSelfAssessmentEndpoint.Decide(Opened(), Guid.NewGuid(), null, save, Officer(Ward), Now).Item1));
        var other = Officer(OtherWard);
        Assert.Equal(404, Status(SaveSelfAssessmentEndpoint.Decide(Opened(), Model, null, save, other, Now).Item1));
        Assert.Equal(409, Status(SaveSelfAssessmentEndpoint.Decide(Opened(RoundState.Scoring), Model, null, save, Officer(Ward), Now).Item1));
        Assert.Equal(400, Status(SaveSelfAssessmentEndpoint.Decide(Opened(), Model, null, save with { Version = null }, Officer(Ward), Now).Item1));
        Assert.Equal(409, Status(SaveSelfAssessmentEndpoint.Decide(Opened(), Model, null, save with { Version = 4 }, Officer(Ward), Now).Item1));
    }

    [Fact]
    public void Submitting_needs_every_criterion_scored_and_justified()
    {
        var errors = new Errors();
        SelfAssessmentRules.Scores(RubricPresets.Provincial, [new ScoreInput("HQ", 8, null, null)], submitting: true, errors);
        Assert.Contains("scores[0].justification", errors.Keys);
        Assert.Contains("criteria.TG.score", errors.Keys);
        var draft = new Errors();
        SelfAssessmentRules.Scores(RubricPresets.Provincial, [new ScoreInput("HQ", 8, null, null)], submitting: false, draft);
        Assert.True(draft.Ok);
    }

    [Fact]
    public void Reminders_go_to_units_not_submitted_within_n_days_of_the_deadline_and_after_it()
    {
        var round = Opened();
        var o = new ReviewReminderOptions { DaysBeforeDue = 7 };
        Assert.Empty(ReviewReminderRules.ForSelfAssessments([round], new HashSet<(Guid, Guid)>(), new(2026, 12, 2), o, Now));
        var due = Assert.Single(ReviewReminderRules.ForSelfAssessments([round], new HashSet<(Guid, Guid)>(), new(2026, 12, 3), o, Now));
        Assert.Equal(ReviewKeys.SelfAssessmentDue(round.Id, Model, new(2026, 12, 10)), due.Id);
        Assert.Equal((Roles.Officer, Ward), (due.Role, due.UnitId));
        var late = Assert.Single(ReviewReminderRules.ForSelfAssessments([round], new HashSet<(Guid, Guid)>(), new(2026, 12, 11), o, Now));
        Assert.StartsWith("danh-gia:tu-danh-gia-qua-han:", late.Id);
        Assert.Empty(ReviewReminderRules.ForSelfAssessments([round], new HashSet<(Guid, Guid)> { (round.Id, Model) }, new(2026, 12, 11), o, Now));
        Assert.Empty(ReviewReminderRules.ForSelfAssessments([Opened(RoundState.Scoring)], new HashSet<(Guid, Guid)>(), new(2026, 12, 11), o, Now));
    }
}
