using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;

namespace Emulation.UnitTests.ReviewRounds;

public sealed class RoundRulesTests
{
    static readonly Guid Province = Guid.NewGuid(), Ward = Guid.NewGuid(), Board = Guid.NewGuid(), OtherWard = Guid.NewGuid();
    static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    static ReviewUnitTree Tree() => new([
        new ReviewUnit { Id = Province, Kind = "province", Name = "Cà Mau", Active = true },
        new ReviewUnit { Id = Ward, Kind = "commune", Name = "Phường 1", ParentId = Province, Active = true },
        new ReviewUnit { Id = Board, Kind = "board", Name = "Ban", ParentId = Ward, CoversLevel = "co-so", Active = true },
        new ReviewUnit { Id = OtherWard, Kind = "commune", Name = "Phường 5", ParentId = Province, Active = true },
    ]);

    static ReviewAccess Secretary() =>
        new(new CurrentUser(Guid.NewGuid(), "thuky", "Thư ký", [new RoleAssignment(Roles.BoardSecretary, Board)]), Tree());

    static Round Draft(Guid campaign, Guid period) => Round.Create(new RoundCreated(Guid.NewGuid(), "Sơ kết", RoundKind.Midterm, campaign, "Dân vận khéo",
        period, Board, ["co-so"], Guid.NewGuid(), new RoundDates(new(2026, 12, 10), new(2026, 12, 20), new(2026, 12, 28)), Guid.NewGuid(), Now));

    [Theory]
    [InlineData(RoundState.Draft, RoundState.SelfAssessment, true)]
    [InlineData(RoundState.SelfAssessment, RoundState.Scoring, true)]
    [InlineData(RoundState.Scoring, RoundState.Deliberation, true)]
    [InlineData(RoundState.Deliberation, RoundState.Closed, true)]
    [InlineData(RoundState.Draft, RoundState.Scoring, false)]
    [InlineData(RoundState.SelfAssessment, RoundState.Closed, false)]
    [InlineData(RoundState.Scoring, RoundState.SelfAssessment, false)]
    [InlineData(RoundState.Closed, RoundState.Closed, false)]
    public void A_round_moves_one_step_forward_at_a_time(RoundState from, RoundState to, bool allowed) =>
        Assert.Equal(allowed, RoundRules.MoveRefusal(from, to) is null);

    [Fact]
    public void Dates_must_be_in_order()
    {
        var errors = new Errors();
        Assert.Null(RoundRules.Dates(new(2026, 12, 20), new(2026, 12, 10), new(2026, 12, 5), errors));
        Assert.Contains("scoringDue", errors.Keys);
        Assert.Contains("meetingOn", errors.Keys);
        Assert.NotNull(RoundRules.Dates(new(2026, 12, 10), new(2026, 12, 10), new(2026, 12, 10), new Errors()));
    }

    [Fact]
    public void Opening_covers_only_the_accepted_models_of_the_boards_units_at_the_rounds_levels_and_freezes_the_latest_rubric_version()
    {
        var campaign = Guid.NewGuid();
        var period = Guid.NewGuid();
        var round = Draft(campaign, period);
        var rubric = Rubric.Create(new RubricCreated(round.RubricId, "Bộ", Board, RubricPresets.Provincial, Guid.NewGuid(), Now))
            .Apply(new RubricRevised(round.RubricId, 2, RubricPresets.Provincial.Take(3).ToList(), null, Guid.NewGuid(), Now));
        ReviewedModel M(Guid unit, string status = "accepted", string level = "co-so") => new()
        {
            Id = Guid.NewGuid(), Name = "Mô hình", Status = status, UnitId = unit, CampaignId = campaign, PeriodId = period, LevelCode = level, FieldCode = "kinh-te"
        };
        var ours = M(Ward);
        var candidates = new[] { ours, M(OtherWard), M(Ward, "withdrawn"), M(Ward, level: "tinh") };

        var (result, events) = MoveRoundEndpoint.Decide(round, new MoveRound("self-assessment", 1), Secretary(), rubric, candidates, Now);
        var opened = Assert.IsType<RoundOpened>(Assert.Single(events));
        Assert.Equal(ours.Id, Assert.Single(opened.Models).ModelId);
        Assert.Equal(2, opened.RubricVersion);
        Assert.Equal(3, opened.Criteria.Count);

        var (nothing, none) = MoveRoundEndpoint.Decide(round, new MoveRound("self-assessment", 1), Secretary(), rubric, [M(OtherWard)], Now);
        Assert.Empty(none);
        Assert.Equal(409, ((Microsoft.AspNetCore.Http.IStatusCodeHttpResult)nothing).StatusCode);
    }
}
