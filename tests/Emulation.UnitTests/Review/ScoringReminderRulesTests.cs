using Emulation.Review.Reminders;
using Emulation.Review.Rounds;

namespace Emulation.UnitTests.ReviewRounds;

public sealed class ScoringReminderRulesTests
{
    static readonly Guid Board = Guid.NewGuid(), An = Guid.NewGuid(), Binh = Guid.NewGuid();
    static readonly DateTimeOffset Now = new(2026, 12, 18, 2, 0, 0, TimeSpan.Zero);
    static readonly ReviewReminderOptions Options = new() { DaysBeforeDue = 7, EscalateAfterDays = 3 };
    static readonly IReadOnlySet<Guid> NoHead = new HashSet<Guid>();
    static readonly IReadOnlyDictionary<Guid, string> Names = new Dictionary<Guid, string> { [An] = "Nguyễn Văn An", [Binh] = "Lê Thị Bình" };

    static Round InScoring(string name, DateOnly scoringDue)
    {
        var id = Guid.NewGuid();
        var by = Guid.NewGuid();
        return Round.Create(new RoundCreated(id, name, RoundKind.Midterm, Guid.NewGuid(), "Dân vận khéo", Guid.NewGuid(), Board, ["tinh"], Guid.NewGuid(),
                new RoundDates(scoringDue.AddDays(-10), scoringDue, scoringDue.AddDays(8)), by, Now.AddDays(-30)))
            .Apply(new RoundOpened(id, Guid.NewGuid(), 1, [], [], by, Now.AddDays(-29)))
            .Apply(new ScoringStarted(id, by, Now.AddDays(-5)));
    }

    [Fact]
    public void A_reviewer_gets_one_digest_a_day_for_every_unscored_model_of_every_round_near_its_deadline()
    {
        var near = InScoring("Sơ kết 2020-2023", new DateOnly(2026, 12, 20));
        var other = InScoring("Năm 2026", new DateOnly(2026, 12, 24));
        var far = InScoring("Tổng kết", new DateOnly(2027, 1, 30));
        var seats = new List<ScoringSeat>
        {
            new(near.Id, Guid.NewGuid(), An, false), new(near.Id, Guid.NewGuid(), An, false), new(near.Id, Guid.NewGuid(), An, true),
            new(other.Id, Guid.NewGuid(), An, false), new(far.Id, Guid.NewGuid(), An, false), new(near.Id, Guid.NewGuid(), Binh, true),
        };

        var today = new DateOnly(2026, 12, 18);
        var digest = Assert.Single(ScoringReminderRules.ForReviewers([near, other, far], seats, today, Options, Now));
        Assert.Equal(An, digest.PersonId);
        Assert.Equal(ReviewKeys.ScoringDigest(An, today), digest.Id);
        Assert.Equal("Còn 3 mô hình chưa chấm điểm", digest.Title);
        Assert.Equal("Đợt “Sơ kết 2020-2023”: 2 mô hình, hạn 20/12/2026 (còn 2 ngày).\nĐợt “Năm 2026”: 1 mô hình, hạn 24/12/2026 (còn 6 ngày).", digest.Body);

        var tomorrow = Assert.Single(ScoringReminderRules.ForReviewers([near, other, far], seats, today.AddDays(1), Options, Now));
        Assert.NotEqual(digest.Id, tomorrow.Id);
    }

    [Fact]
    public void Nothing_is_sent_when_every_score_is_in_or_the_round_is_not_scoring()
    {
        var round = InScoring("Sơ kết", new DateOnly(2026, 12, 20));
        var deliberating = round.Apply(new DeliberationStarted(round.Id, Guid.NewGuid(), Now));
        var unscored = new List<ScoringSeat> { new(round.Id, Guid.NewGuid(), An, false) };
        Assert.Empty(ScoringReminderRules.ForReviewers([round], [new(round.Id, Guid.NewGuid(), An, true)], new DateOnly(2026, 12, 19), Options, Now));
        Assert.Empty(ScoringReminderRules.ForReviewers([deliberating], unscored, new DateOnly(2026, 12, 19), Options, Now));
        Assert.Empty(ScoringReminderRules.ForMissingScores([deliberating], unscored, Names, NoHead, new DateOnly(2026, 12, 30), Options, Now));
    }

    [Fact]
    public void Missing_scores_after_the_deadline_tell_the_secretary_then_the_members_of_a_board_without_a_head()
    {
        var round = InScoring("Sơ kết", new DateOnly(2026, 12, 20));
        var seats = new List<ScoringSeat>
        {
            new(round.Id, Guid.NewGuid(), An, false), new(round.Id, Guid.NewGuid(), An, false), new(round.Id, Guid.NewGuid(), Binh, false),
            new(round.Id, Guid.NewGuid(), Binh, true),
        };
        Assert.Empty(ScoringReminderRules.ForMissingScores([round], seats, Names, NoHead, new DateOnly(2026, 12, 20), Options, Now));

        var secretary = Assert.Single(ScoringReminderRules.ForMissingScores([round], seats, Names, NoHead, new DateOnly(2026, 12, 21), Options, Now));
        Assert.Equal(Roles.BoardSecretary, secretary.Role);
        Assert.Equal(Board, secretary.UnitId);
        Assert.Null(secretary.PersonId);
        Assert.Contains("còn 3 phiếu chấm chưa nộp: Nguyễn Văn An (2), Lê Thị Bình (1)", secretary.Body);
        Assert.Equal($"/tham-dinh/{round.Id}/tien-do", secretary.Href);

        var later = ScoringReminderRules.ForMissingScores([round], seats, Names, NoHead, new DateOnly(2026, 12, 23), Options, Now).ToList();
        Assert.Equal([Roles.BoardSecretary, Roles.BoardMember], later.Select(n => n.Role));
        Assert.Equal(secretary.Id, later[0].Id);
        Assert.Contains("hạn chấm điểm 20/12/2026 đã qua 3 ngày", later[1].Body);
    }

    [Fact]
    public void The_escalation_goes_to_the_boards_head_when_someone_holds_the_approver_role_there()
    {
        var round = InScoring("Sơ kết", new DateOnly(2026, 12, 20));
        var seats = new List<ScoringSeat> { new(round.Id, Guid.NewGuid(), An, false) };
        var headed = new HashSet<Guid> { Board };
        Assert.Equal([Roles.BoardSecretary], ScoringReminderRules.ForMissingScores([round], seats, Names, headed, new DateOnly(2026, 12, 22), Options, Now).Select(n => n.Role));
        var later = ScoringReminderRules.ForMissingScores([round], seats, Names, headed, new DateOnly(2026, 12, 23), Options, Now).ToList();
        Assert.Equal([Roles.BoardSecretary, Roles.Approver], later.Select(n => n.Role));
        Assert.All(later, n => Assert.Equal(Board, n.UnitId));
    }
}
