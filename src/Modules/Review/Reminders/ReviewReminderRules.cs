using Emulation.Kernel.Web;
using Emulation.Review.Rounds;

namespace Emulation.Review.Reminders;

/// <summary>Which reminders today calls for (pure: the job stores those not stored yet). Only rounds in self-assessment,
/// only models whose unit has not submitted; at most one of each kind per deadline, because the id names it.</summary>
public static class ReviewReminderRules
{
    public static IEnumerable<ReviewNotice> ForSelfAssessments(IEnumerable<Round> rounds, IReadOnlySet<(Guid Round, Guid Model)> submitted,
        DateOnly today, ReviewReminderOptions o, DateTimeOffset now)
    {
        foreach (var r in rounds.Where(r => r.State == RoundState.SelfAssessment))
        {
            var due = r.Dates.SelfAssessmentDue;
            var late = today.DayNumber - due.DayNumber;
            if (late <= 0 && -late > o.DaysBeforeDue) continue;
            foreach (var m in r.Models.Where(m => !submitted.Contains((r.Id, m.ModelId))))
            {
                var href = $"/danh-gia/{r.Id}/tu-danh-gia/{m.ModelId}";
                yield return late <= 0
                    ? Notice(ReviewKeys.SelfAssessmentDue(r.Id, m.ModelId, due), r, m, href, now,
                        $"Sắp đến hạn tự đánh giá: “{m.Name}”",
                        $"Đợt “{r.Name}”: hạn tự đánh giá mô hình “{m.Name}” là ngày {Format.Date(due)} (còn {-late} ngày).")
                    : Notice(ReviewKeys.SelfAssessmentOverdue(r.Id, m.ModelId, due), r, m, href, now,
                        $"Quá hạn tự đánh giá: “{m.Name}”",
                        $"Đợt “{r.Name}”: mô hình “{m.Name}” chưa nộp bản tự đánh giá, hạn đã hết ngày {Format.Date(due)}. Đề nghị đơn vị nộp sớm.");
            }
        }
    }

    static ReviewNotice Notice(string id, Round r, CoveredModel m, string href, DateTimeOffset now, string title, string body) => new()
    {
        Id = id, Role = Roles.Officer, UnitId = m.UnitId, RoundId = r.Id, ModelId = m.ModelId, Href = href,
        CreatedAt = now.ToUniversalTime(), Title = title, Body = body
    };
}
