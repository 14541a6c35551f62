using Emulation.Review.Assignment;
using Emulation.Review.Following;
using Emulation.Review.Models;
using Emulation.Review.Rubrics;
using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;

namespace Emulation.Review.Seed;

/// <summary>What the scored demo rounds share: the three reviewers of the provincial board (the member who is not the
/// secretary, then the two invited experts) and a model's self-assessment, assignment and scorecards as events.</summary>
static class DemoScoring
{
    public static List<ReviewPerson> Reviewers(IEnumerable<ReviewPerson> people, Guid boardId)
    {
        var all = people.ToList();
        return all.Where(p => p.Active && p.Holds(Roles.BoardMember, boardId) && !p.Holds(Roles.BoardSecretary, boardId))
            .Concat(all.Where(p => p.Active && p.Holds(Roles.Expert, boardId)).OrderBy(p => p.FullName, StringComparer.Ordinal)).Take(3).ToList();
    }

    public static void SelfAssess(IDocumentSession session, Guid roundId, ReviewedModel m, IReadOnlyList<Criterion> criteria, FollowedRecord? record, Guid by, DateTimeOffset at)
    {
        var id = ModelSelfAssessment.StreamFor(roundId, m.Id);
        var links = LatestReport(record);
        var scores = criteria.Select((c, k) => new SelfScore(c.Code, c.IsGate ? c.MaxPoints : Math.Round(c.MaxPoints * 0.8m, 2), "Đơn vị tự đánh giá theo kết quả báo cáo tiến độ.",
            k == 0 ? links : [])).ToList();
        var result = ModelSelfAssessment.Result(criteria, scores);
        session.Events.StartStream<ModelSelfAssessment>(id, new SelfAssessmentSubmitted(id, roundId, m.Id, m.UnitId, scores, result.Total, result.GatesMet, by, at));
    }

    /// <summary>The model's latest standing progress report (and its evidence) from the monitoring copy, as the
    /// self-assessment form would link them, so a reviewer can open what the unit cites (ADR 0066); none without a record.</summary>
    public static IReadOnlyList<EvidenceLink> LatestReport(FollowedRecord? record)
    {
        if (record?.Reports.OrderByDescending(r => r.SubmittedAt).FirstOrDefault() is not { } report) return [];
        return [new EvidenceLink("report", report.ReportId, "Báo cáo tiến độ " + report.PeriodWords),
            .. record.Evidence.Where(e => e.ReportId == report.ReportId).Select(e => new EvidenceLink("evidence", e.FileId, e.FileName))];
    }

    public static void Assign(IDocumentSession session, Guid roundId, Guid modelId, IEnumerable<ReviewPerson> reviewers, Guid by, DateTimeOffset at) =>
        session.Events.StartStream<ModelReview>(ReviewIds.ModelReview(roundId, modelId),
            new ReviewersAssigned(roundId, modelId, reviewers.Select(r => r.Id).ToList(), AssignedHow.Automatic, by, at));

    /// <summary>A scorecard giving each criterion <paramref name="share"/> of its maximum (in half points); the gates
    /// met unless <paramref name="gatesMet"/> says otherwise.</summary>
    public static void Score(IDocumentSession session, Guid roundId, Guid modelId, ReviewPerson reviewer, IReadOnlyList<Criterion> criteria,
        decimal share, DateTimeOffset at, bool gatesMet = true)
    {
        var scores = criteria.ToDictionary(c => c.Code, c => c.IsGate ? (gatesMet ? c.MaxPoints : 0) : Math.Round(c.MaxPoints * share * 2, MidpointRounding.AwayFromZero) / 2);
        var result = RubricScore.Total(criteria, scores);
        session.Events.StartStream<Scorecard>(ReviewIds.Scorecard(roundId, modelId, reviewer.Id),
            new ScoresSubmitted(roundId, modelId, reviewer.Id, scores, ToUnit(share), ToBoard(share), result.Total, result.GatesMet, reviewer.Id, at));
    }

    /// <summary>The reviewer who scored far below the others explains why, opening the discussion of the disagreement.</summary>
    public static void Disagree(IDocumentSession session, Guid roundId, Guid modelId, ReviewPerson reviewer, DateTimeOffset at) =>
        session.Events.Append(ReviewIds.ModelReview(roundId, modelId), new DiscussionCommented(roundId, modelId, Guid.NewGuid(),
            "Tôi chấm thấp vì số hộ tham gia chỉ đạt một nửa chỉ tiêu đăng ký, chưa có đơn vị nào đến học tập nhân rộng. Đề nghị Ban xem lại báo cáo quý gần nhất trước khi họp.",
            reviewer.Id, reviewer.FullName, at));

    static string ToUnit(decimal share) => share < 0.5m
        ? "Kết quả chưa tương xứng với chỉ tiêu đăng ký; cần bổ sung số liệu đo được."
        : "Mô hình thiết thực, được người dân đồng tình; nên tổng kết cách làm để nhân rộng.";

    static string? ToBoard(decimal share) => share < 0.5m ? "Đề nghị chưa xét khen thưởng ở đợt này." : null;
}
