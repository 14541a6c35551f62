using Emulation.Kernel;
using Emulation.Review.Assignment;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Review.Seed;

/// <summary>The provincial board's tổng kết over the 2020-2025 models it covers, in scoring: three reviewers on every
/// model (the board member and the two invited experts), nearly every scorecard in, one model where the reviewers
/// disagree and have begun to discuss it, and one model the board member has still to score, so each demo account has
/// its next step: the member scores, the secretary follows the progress, moves to the meeting and decides.</summary>
public sealed class ScoringDemoSeed(ILogger<ScoringDemoSeed> log) : IDemoSeed
{
    public int Order => 42;
    const string Board = "CM-BDV";
    public const string RoundName = "Tổng kết 5 năm phong trào “Dân vận khéo” 2020-2025";

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var feeds = services.GetRequiredService<Feeds>();
        if (!await feeds.WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(60), ct) || !await feeds.WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Review scoring demo data: the Directory and Registry feeds did not reach Review within 60 s.");
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Query<Round>().AnyAsync(r => r.Name == RoundName, ct)) return;
        var tree = await services.GetRequiredService<ReviewUnits>().TreeAsync(ct);
        if (tree.ByCode(Board) is not { } board) return;
        var rubric = await session.Query<Rubric>().FirstOrDefaultAsync(r => r.BoardId == board.Id, ct);
        if (rubric is null) return;
        var covered = tree.CoveredBy(board.Id);
        var accepted = (await session.Query<ReviewedModel>().Where(m => m.Status == ModelStatusCodes.Accepted && m.LevelCode == StandardLevels.Province).ToListAsync(ct))
            .Where(m => covered.Contains(m.UnitId) && m.CampaignId is not null).ToList();
        // The sơ kết seed took the period with the most models; this round takes the next (the 2020-2025 tổng kết).
        var models = accepted.GroupBy(m => m.PeriodId).OrderByDescending(g => g.Count()).Skip(1).FirstOrDefault()?.OrderBy(m => m.Code).ToList();
        if (models is null || models.Count < 2) return;
        var people = await session.Query<ReviewPerson>().ToListAsync(ct);
        // The member who is not the secretary first (the demo leaves one model for them), then the invited experts.
        var reviewers = people.Where(p => p.Active && p.Holds(Roles.BoardMember, board.Id) && !p.Holds(Roles.BoardSecretary, board.Id))
            .Concat(people.Where(p => p.Active && p.Holds(Roles.Expert, board.Id)).OrderBy(p => p.FullName, StringComparer.Ordinal)).Take(3).ToList();
        if (reviewers.Count < 3) return;
        var secretary = people.FirstOrDefault(p => p.Holds(Roles.BoardSecretary, board.Id))?.Id ?? Guid.Empty;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = now.VietnamDate();
        var criteria = rubric.Versions[0].Criteria;

        var roundId = Guid.NewGuid();
        var first = models[0];
        session.Events.StartStream<Round>(roundId,
            new RoundCreated(roundId, RoundName, RoundKind.Final, first.CampaignId!.Value, first.CampaignName ?? "", first.PeriodId, board.Id,
                [StandardLevels.Province], rubric.Id, new RoundDates(today.AddDays(-4), today.AddDays(6), today.AddDays(12)), secretary, now.AddDays(-30)),
            new RoundOpened(roundId, rubric.Id, 1, criteria,
                models.Select(m => new CoveredModel(m.Id, m.Name, m.Code, m.UnitId, m.FieldCode, m.LevelCode, m.ProvinceId, m.DistrictId, m.CommuneId)).ToList(),
                secretary, now.AddDays(-29)),
            new ScoringStarted(roundId, secretary, now.AddDays(-3)));
        session.Events.Append(rubric.Id, new RubricVersionFrozen(rubric.Id, 1, roundId, now.AddDays(-29)));

        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var at = now.AddDays(-3).AddHours(i);
            session.Events.StartStream<ModelReview>(ReviewIds.ModelReview(roundId, m.Id),
                new ReviewersAssigned(roundId, m.Id, reviewers.Select(r => r.Id).ToList(), AssignedHow.Automatic, secretary, at));
            var self = ModelSelfAssessment.StreamFor(roundId, m.Id);
            var selfScores = criteria.Select(c => new SelfScore(c.Code, c.IsGate ? c.MaxPoints : Math.Round(c.MaxPoints * 0.8m, 2), "Đơn vị tự đánh giá theo kết quả báo cáo tiến độ.", [])).ToList();
            var selfResult = ModelSelfAssessment.Result(criteria, selfScores);
            session.Events.StartStream<ModelSelfAssessment>(self,
                new SelfAssessmentSubmitted(self, roundId, m.Id, m.UnitId, selfScores, selfResult.Total, selfResult.GatesMet, Guid.Empty, now.AddDays(-6)));
            for (var k = 0; k < reviewers.Count; k++)
            {
                var reviewer = reviewers[k];
                // The board member's last model is left for the demo account to score.
                if (i == models.Count - 1 && k == 0) continue;
                var share = i == 1 && k == 2 ? 0.45m : 0.72m + (i * 3 + k * 5) % 20 / 100m;
                var scores = criteria.ToDictionary(c => c.Code, c => c.IsGate ? c.MaxPoints : Math.Round(c.MaxPoints * share * 2, MidpointRounding.AwayFromZero) / 2);
                var result = RubricScore.Total(criteria, scores);
                session.Events.StartStream<Scorecard>(ReviewIds.Scorecard(roundId, m.Id, reviewer.Id),
                    new ScoresSubmitted(roundId, m.Id, reviewer.Id, scores, ToUnit(share), ToBoardNote(share), result.Total, result.GatesMet, reviewer.Id, at.AddHours(2 + k)));
            }
            if (i == 1)
                session.Events.Append(ReviewIds.ModelReview(roundId, m.Id), new DiscussionCommented(roundId, m.Id, Guid.NewGuid(),
                    "Tôi chấm thấp vì số hộ tham gia chỉ đạt một nửa chỉ tiêu đăng ký, chưa có đơn vị nào đến học tập nhân rộng. Đề nghị Ban xem lại báo cáo quý gần nhất trước khi họp.",
                    reviewers[2].Id, reviewers[2].FullName, at.AddHours(6)));
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation("Review demo data: {Round} in scoring over {Count} models", RoundName, models.Count);
    }

    static string ToUnit(decimal share) => share < 0.5m
        ? "Kết quả chưa tương xứng với chỉ tiêu đăng ký; cần bổ sung số liệu đo được."
        : "Mô hình thiết thực, được người dân đồng tình; nên tổng kết cách làm để nhân rộng.";

    static string? ToBoardNote(decimal share) => share < 0.5m ? "Đề nghị chưa xét khen thưởng ở đợt này." : null;
}
