using Emulation.Kernel;
using Emulation.Review.Following;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Review.Seed;

/// <summary>The provincial board's sơ kết over the seed's provincial models of Cà Mau (2020-2023): the preset rubric,
/// the round opened for self-assessment, most units' self-assessments submitted, one still a draft, one not started,
/// so the round page, the reminders and the reviewers (added on top by the scoring seed) have something real.</summary>
public sealed class ReviewDemoSeed(ILogger<ReviewDemoSeed> log) : IDemoSeed
{
    public int Order => 40;
    const string Board = "CM-BDV";

    static readonly string[] Reasons =
    [
        "Các chỉ tiêu đăng ký đều có số liệu đo qua các kỳ báo cáo; phần lớn đã đạt hoặc vượt.",
        "Đông đảo hội viên, người dân tham gia; các đoàn thể cùng phối hợp thực hiện.",
        "Đã có đơn vị bạn đến học tập; cách làm được hướng dẫn thành tài liệu.",
        "Có tổ tự quản duy trì thường xuyên; kinh phí do người dân đóng góp hằng năm.",
        "Cách làm mới, phù hợp điều kiện địa phương, giải quyết được việc khó.",
        "Chi phí thấp; vận động được nguồn lực xã hội hóa từ doanh nghiệp, mạnh thường quân.",
        "Chỉ tiêu chính đã được đo trong báo cáo tiến độ và đạt giá trị mục tiêu.",
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        // The monitoring copies too: the self-assessments link the models' real progress reports.
        var feeds = services.GetRequiredService<Feeds>();
        if (!await feeds.WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromSeconds(60), ct) || !await feeds.WaitUntilCopiedAsync(Feed.Monitoring, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Review demo data: the Registry and Monitoring feeds did not reach Review within 60 s.");
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Query<Round>().AnyAsync(ct)) return;
        var tree = await services.GetRequiredService<ReviewUnits>().TreeAsync(ct);
        if (tree.ByCode(Board) is not { } board) return;
        var covered = tree.CoveredBy(board.Id);
        var models = (await session.Query<ReviewedModel>().Where(m => m.Status == ModelStatusCodes.Accepted && m.LevelCode == StandardLevels.Province).ToListAsync(ct))
            .Where(m => covered.Contains(m.UnitId) && m.CampaignId is not null).ToList();
        // The sơ kết period is the one holding most of these models (the feed carries no period names).
        var period = models.GroupBy(m => m.PeriodId).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (period is null) return;
        var chosen = period.OrderBy(m => m.Code).ToList();
        var people = await session.Query<ReviewPerson>().ToListAsync(ct);
        var records = await FollowedRecords.ForAsync(session, chosen.Select(m => m.Id).ToList(), ct);
        var secretary = people.FirstOrDefault(p => p.Holds(Roles.BoardSecretary, board.Id))?.Id ?? Guid.Empty;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = now.VietnamDate();

        var rubricId = Guid.NewGuid();
        var criteria = RubricPresets.Provincial;
        session.Events.StartStream<Rubric>(rubricId, new RubricCreated(rubricId, RubricPresets.ProvincialName, board.Id, criteria, secretary, now.AddDays(-20)));

        var roundId = Guid.NewGuid();
        var first = chosen[0];
        var covers = chosen.Select(m => new CoveredModel(m.Id, m.Name, m.Code, m.UnitId, m.FieldCode, m.LevelCode, m.ProvinceId, m.DistrictId, m.CommuneId)).ToList();
        session.Events.StartStream<Round>(roundId,
            new RoundCreated(roundId, "Sơ kết 3 năm phong trào “Dân vận khéo” 2020-2023", RoundKind.Midterm, first.CampaignId!.Value, first.CampaignName ?? "",
                first.PeriodId, board.Id, [StandardLevels.Province], rubricId, new RoundDates(today.AddDays(7), today.AddDays(21), today.AddDays(30)), secretary, now.AddDays(-15)),
            new RoundOpened(roundId, rubricId, 1, criteria, covers, secretary, now.AddDays(-14)));
        session.Events.Append(rubricId, new RubricVersionFrozen(rubricId, 1, roundId, now.AddDays(-14)));

        for (var i = 0; i < chosen.Count; i++)
        {
            var m = chosen[i];
            if (i == chosen.Count - 1) continue;
            var officer = people.FirstOrDefault(p => p.Holds(Roles.Officer, m.UnitId))?.Id ?? Guid.Empty;
            var links = DemoScoring.LatestReport(records.GetValueOrDefault(m.Id));
            var scores = criteria.Select((c, k) => new SelfScore(c.Code, c.IsGate ? (i % 4 == 2 ? 0 : 1) : Score(i, k), Reasons[k], k == 0 ? links : [])).ToList();
            var result = ModelSelfAssessment.Result(criteria, scores);
            var id = ModelSelfAssessment.StreamFor(roundId, m.Id);
            var at = now.AddDays(-10 + i);
            object e = i == chosen.Count - 2
                ? new SelfAssessmentSaved(id, roundId, m.Id, m.UnitId, scores.Take(3).ToList(), ModelSelfAssessment.Result(criteria, scores.Take(3).ToList()).Total, false, officer, at)
                : new SelfAssessmentSubmitted(id, roundId, m.Id, m.UnitId, scores, result.Total, result.GatesMet, officer, at);
            session.Events.StartStream<ModelSelfAssessment>(id, e);
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation("Review demo data: round over {Count} models of {Board}", chosen.Count, board.Name);
    }

    /// <summary>Scores between 5 and 9,5 that differ by model and criterion, so the totals spread.</summary>
    static decimal Score(int model, int criterion) => 5m + (model * 3 + criterion * 2) % 10 * 0.5m;
}
