using Emulation.Kernel.Web;
using Emulation.Review.Rounds;

namespace Emulation.Review.Reminders;

/// <summary>One reviewer's place on one model of a round, and whether their scores are in.</summary>
public sealed record ScoringSeat(Guid RoundId, Guid ModelId, Guid ReviewerId, bool Submitted);

/// <summary>Which scoring reminders today calls for (pure). Rounds in scoring only. A reviewer gets one digest a day,
/// however many models and rounds they still have to score, from <see cref="ReviewReminderOptions.DaysBeforeDue"/> days
/// before the scoring deadline; once the deadline has passed with scores missing the board's secretary is told, and
/// <see cref="ReviewReminderOptions.EscalateAfterDays"/> days later the board's head: whoever holds the approver role at
/// the board (the Trưởng Ban signs the board's own decisions), or, on a board with no one in that role, its members.</summary>
public static class ScoringReminderRules
{
    public static IEnumerable<ReviewNotice> ForReviewers(IReadOnlyList<Round> rounds, IReadOnlyList<ScoringSeat> seats,
        DateOnly today, ReviewReminderOptions o, DateTimeOffset now)
    {
        var due = rounds.Where(r => r.State == RoundState.Scoring && r.Dates.ScoringDue.DayNumber - today.DayNumber <= o.DaysBeforeDue)
            .ToDictionary(r => r.Id);
        foreach (var reviewer in seats.Where(s => !s.Submitted && due.ContainsKey(s.RoundId)).GroupBy(s => s.ReviewerId))
        {
            var lines = reviewer.GroupBy(s => s.RoundId).Select(g => due[g.Key]).OrderBy(r => r.Dates.ScoringDue)
                .Select(r => $"Đợt “{r.Name}”: {reviewer.Count(s => s.RoundId == r.Id)} mô hình, {Deadline(r.Dates.ScoringDue, today)}.").ToList();
            var count = reviewer.Count();
            yield return new ReviewNotice
            {
                Id = ReviewKeys.ScoringDigest(reviewer.Key, today), Role = Roles.BoardMember, UnitId = due[reviewer.First().RoundId].BoardId,
                PersonId = reviewer.Key, Href = "/tham-dinh", CreatedAt = now.ToUniversalTime(),
                Title = $"Còn {count} mô hình chưa chấm điểm", Body = string.Join("\n", lines)
            };
        }
    }

    /// <param name="headed">The boards with someone in the approver role: their escalation goes to that role.</param>
    public static IEnumerable<ReviewNotice> ForMissingScores(IReadOnlyList<Round> rounds, IReadOnlyList<ScoringSeat> seats,
        IReadOnlyDictionary<Guid, string> names, IReadOnlySet<Guid> headed, DateOnly today, ReviewReminderOptions o, DateTimeOffset now)
    {
        foreach (var r in rounds.Where(r => r.State == RoundState.Scoring && today > r.Dates.ScoringDue))
        {
            var missing = seats.Where(s => s.RoundId == r.Id && !s.Submitted).ToList();
            if (missing.Count == 0) continue;
            var late = today.DayNumber - r.Dates.ScoringDue.DayNumber;
            var who = string.Join(", ", missing.GroupBy(s => s.ReviewerId)
                .Select(g => $"{names.GetValueOrDefault(g.Key, "(không rõ tên)")} ({g.Count()})"));
            var body = $"Đợt “{r.Name}”: hạn chấm điểm {Format.Date(r.Dates.ScoringDue)} đã qua {late} ngày, còn {missing.Count} phiếu chấm chưa nộp: {who}.";
            var href = $"/tham-dinh/{r.Id}/tien-do";
            yield return Notice(ReviewKeys.ScoresMissing(r.Id, r.Dates.ScoringDue), Roles.BoardSecretary, r, href, now,
                $"Quá hạn chấm điểm: còn {missing.Count} phiếu chưa nộp", body);
            if (late >= o.EscalateAfterDays)
                yield return Notice(ReviewKeys.ScoresMissingEscalated(r.Id, r.Dates.ScoringDue), headed.Contains(r.BoardId) ? Roles.Approver : Roles.BoardMember, r, href, now,
                    $"Báo cáo lãnh đạo Ban: đợt “{r.Name}” còn thiếu điểm", body + " Thư ký Ban đã được nhắc; đề nghị lãnh đạo Ban chỉ đạo hoàn thành.");
        }
    }

    static string Deadline(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        > 0 and var d => $"hạn {Format.Date(due)} (còn {d} ngày)",
        0 => $"hạn hôm nay {Format.Date(due)}",
        var d => $"hạn {Format.Date(due)} đã qua {-d} ngày"
    };

    static ReviewNotice Notice(string id, string role, Round r, string href, DateTimeOffset now, string title, string body) => new()
    {
        Id = id, Role = role, UnitId = r.BoardId, RoundId = r.Id, Href = href, CreatedAt = now.ToUniversalTime(), Title = title, Body = body
    };
}
