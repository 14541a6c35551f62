using Emulation.Kernel;
using Emulation.Review.Decisions;
using Emulation.Review.Following;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Review.Seed;

/// <summary>The provincial board's closed review of the district- and commune-level models of the Cà Mau sơ kết
/// (2020-2023), results published: the models the conference honoured proposed for the provincial chairman's Bằng
/// khen and the board head's Giấy khen, with the meeting's votes, so Awards has a published proposal list (ADR 0028).
/// Every model was self-assessed and scored by three reviewers; one disagreement was discussed and decided.
/// Only models and collective exemplars are in the seeds' registry, so the recipients are collectives.</summary>
public sealed class ReviewAwardsDemoSeed(ILogger<ReviewAwardsDemoSeed> log) : IDemoSeed
{
    public int Order => 45;
    const string Board = "CM-BDV";
    public const string RoundName = "Hội nghị sơ kết 3 năm phong trào “Dân vận khéo” 2020-2023 (mô hình cấp huyện, cấp xã)";

    static readonly Dictionary<string, (string Level, string Note)> Proposed = new()
    {
        ["Cá chình - bống tượng"] = (CommendationLevels.BangKhenTinh, "Thu nhập bình quân của hộ tham gia tăng rõ; nhiều hộ trong xã làm theo"),
        ["Nuôi cua đinh thương phẩm"] = (CommendationLevels.BangKhenTinh, "Vận động hộ nghèo tham gia, giúp nhiều hộ thoát nghèo bền vững"),
        ["5 không, 3 sạch"] = (CommendationLevels.BangKhenTinh, "Người dân tự giác giữ gìn vệ sinh, an ninh trật tự ở khu phố"),
        ["Mái ấm tình thương"] = (CommendationLevels.BangKhenTinh, "Vận động xã hội hóa xây dựng nhà cho hộ khó khăn về nhà ở"),
        ["Ấp điểm không có tội phạm và tệ nạn xã hội"] = (CommendationLevels.GiayKhenBanDanVanTinh, "Nhiều năm liền ấp không có tội phạm, tệ nạn xã hội"),
        ["Đưa màu xuống ruộng"] = (CommendationLevels.GiayKhenBanDanVanTinh, "Nhân rộng thành công mô hình của Hội Nông dân tỉnh tại địa phương"),
    };

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Query<Round>().AnyAsync(r => r.Name == RoundName, ct)) return;
        var tree = await services.GetRequiredService<ReviewUnits>().TreeAsync(ct);
        if (tree.ByCode(Board) is not { } board) return;
        var covered = tree.CoveredBy(board.Id);
        var models = (await session.Query<ReviewedModel>().Where(m => m.Status == ModelStatusCodes.Accepted && m.LevelCode == StandardLevels.District).ToListAsync(ct))
            .Where(m => covered.Contains(m.UnitId) && m.CampaignId is not null).ToList();
        var period = models.GroupBy(m => m.PeriodId).OrderByDescending(g => g.Count()).FirstOrDefault();
        var rubric = (await session.Query<Rubric>().ToListAsync(ct)).FirstOrDefault(r => r.BoardId == board.Id);
        if (period is null || rubric is null) return;
        var chosen = period.OrderBy(m => m.Code).ToList();
        var people = await session.Query<ReviewPerson>().ToListAsync(ct);
        var records = await FollowedRecords.ForAsync(session, chosen.Select(m => m.Id).ToList(), ct);
        var secretary = people.FirstOrDefault(p => p.Holds(Roles.BoardSecretary, board.Id))?.Id ?? Guid.Empty;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = now.VietnamDate();
        var first = chosen[0];
        var roundId = Guid.NewGuid();
        var criteria = rubric.Versions[0].Criteria;
        var covers = chosen.Select(m => new CoveredModel(m.Id, m.Name, m.Code, m.UnitId, m.FieldCode, m.LevelCode, m.ProvinceId, m.DistrictId, m.CommuneId)).ToList();
        session.Events.StartStream<Round>(roundId,
            new RoundCreated(roundId, RoundName, RoundKind.Midterm, first.CampaignId!.Value, first.CampaignName ?? "", first.PeriodId, board.Id,
                [StandardLevels.District], rubric.Id, new RoundDates(today.AddDays(-50), today.AddDays(-35), today.AddDays(-25)), secretary, now.AddDays(-60)),
            new RoundOpened(roundId, rubric.Id, rubric.Versions[0].No, criteria, covers, secretary, now.AddDays(-58)),
            new ScoringStarted(roundId, secretary, now.AddDays(-45)),
            new DeliberationStarted(roundId, secretary, now.AddDays(-30)));
        session.Events.Append(rubric.Id, new RubricVersionFrozen(rubric.Id, rubric.Versions[0].No, roundId, now.AddDays(-58)));
        // Self-assessed, then scored by three reviewers each; on one model a reviewer scored far below the others (and
        // found its gate unmet), explained why, and the meeting recognised it without proposing it.
        var reviewers = DemoScoring.Reviewers(people, board.Id);
        var disputed = reviewers.Count == 3 ? chosen.FirstOrDefault(m => !Proposed.ContainsKey(m.Name)) : null;
        if (reviewers.Count == 3)
            for (var i = 0; i < chosen.Count; i++)
            {
                var m = chosen[i];
                var officer = people.FirstOrDefault(p => p.Holds(Roles.Officer, m.UnitId))?.Id ?? Guid.Empty;
                DemoScoring.SelfAssess(session, roundId, m, criteria, records.GetValueOrDefault(m.Id), officer, now.AddDays(-52).AddHours(i));
                DemoScoring.Assign(session, roundId, m.Id, reviewers, secretary, now.AddDays(-45));
                var high = Proposed.ContainsKey(m.Name) ? 0.86m : 0.72m;
                for (var k = 0; k < reviewers.Count; k++)
                {
                    var low = m == disputed && k == 2;
                    DemoScoring.Score(session, roundId, m.Id, reviewers[k], criteria, low ? 0.45m : high + (i * 3 + k * 5) % 10 / 100m,
                        now.AddDays(-42).AddHours(i * 3 + k), gatesMet: !low);
                }
                if (m == disputed) DemoScoring.Disagree(session, roundId, m.Id, reviewers[2], now.AddDays(-38));
            }
        var decisionsId = RoundDecisions.StreamFor(roundId);
        var decided = new List<object>
        {
            new DecisionsStarted(roundId, now.AddDays(-26)),
            new DecisionRulesSet(roundId, MajorityRule.MoreThanHalfOfPresent, 9, new Dictionary<string, int>(), secretary, now.AddDays(-26))
        };
        foreach (var m in chosen)
        {
            var proposed = Proposed.TryGetValue(m.Name, out var p);
            decided.Add(m == disputed
                ? new ModelDecided(roundId, m.Id, Outcome.Recognised, null, new Vote(8, 6, 2),
                    "Hội đồng thảo luận ý kiến chấm điểm khác nhau; công nhận, chưa đề nghị khen thưởng đợt này", 1, secretary, now.AddDays(-25))
                : new ModelDecided(roundId, m.Id, proposed ? Outcome.Proposed : Outcome.Outstanding, proposed ? p.Level : null,
                    new Vote(8, proposed ? 8 : 7, proposed ? 0 : 1), proposed ? p.Note : null, 1, secretary, now.AddDays(-25)));
        }
        // The meeting as the secretary recorded it, so the round's minutes and proposal list are ready to print.
        decided.Add(new MeetingRecorded(roundId, new Meeting("07/BB-BDVTU", today.AddDays(-25), "08:00", "10:30", "Hội trường Ban Dân vận Tỉnh ủy Cà Mau",
            new MeetingPerson("Lê Văn Sử", "Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Hội đồng"), new MeetingPerson("Võ Minh Trí", "Chuyên viên Ban Dân vận Tỉnh ủy"),
            [new("Huỳnh Thị Mai", "Phó Trưởng Ban Dân vận Tỉnh ủy"), new("Trần Thanh Sơn", "Giảng viên Trường Chính trị tỉnh"),
             new("Lý Thị Hồng", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"), new("Nguyễn Hoàng Nam", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"),
             new("Phan Thị Thu", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"), new("Đỗ Văn Bình", "Phó Chủ tịch Hội Nông dân tỉnh"),
             new("Tạ Minh Quân", "Phó Bí thư Tỉnh đoàn")],
            [new("Châu Văn Lợi", "Phó Chủ tịch Hội Cựu chiến binh tỉnh (đi công tác)")],
            "Hội đồng thống nhất công nhận các mô hình tiêu biểu và đề nghị khen thưởng theo danh sách kèm theo."), secretary, now.AddDays(-25)));
        session.Events.StartStream<RoundDecisions>(decisionsId, decided.ToArray());
        session.Events.Append(roundId, new RoundClosed(roundId, secretary, now.AddDays(-24)));
        await session.SaveChangesAsync(ct);
        log.LogInformation("Review demo data: closed round with {Count} proposals for awards", chosen.Count(m => Proposed.ContainsKey(m.Name)));
    }
}
