using Emulation.Kernel.Web;

namespace Emulation.Review.Rounds;

/// <summary>The words and the order of a round's life, and what its dates must satisfy.</summary>
public static class RoundRules
{
    public const int MaxName = 200;
    public const int MaxReason = 1000;

    public static string Code(RoundState s) => s switch
    {
        RoundState.Draft => "draft",
        RoundState.SelfAssessment => "self-assessment",
        RoundState.Scoring => "scoring",
        RoundState.Deliberation => "deliberation",
        _ => "closed"
    };

    public static RoundState? Parse(string? code) =>
        Enum.GetValues<RoundState>().Cast<RoundState?>().FirstOrDefault(s => Code(s!.Value) == code?.Trim());

    public static string Name(RoundState s) => s switch
    {
        RoundState.Draft => "Dự thảo",
        RoundState.SelfAssessment => "Tự đánh giá",
        RoundState.Scoring => "Chấm điểm",
        RoundState.Deliberation => "Họp xét",
        _ => "Đã công bố kết quả"
    };

    /// <summary>What the secretary clicks to move to the state.</summary>
    public static string Action(RoundState s) => s switch
    {
        RoundState.SelfAssessment => "Mở tự đánh giá",
        RoundState.Scoring => "Chuyển sang chấm điểm",
        RoundState.Deliberation => "Chuyển sang họp xét",
        RoundState.Closed => "Công bố kết quả",
        _ => ""
    };

    public static string KindName(RoundKind k) => k switch
    {
        RoundKind.Yearly => "Đánh giá hằng năm",
        RoundKind.Midterm => "Sơ kết",
        _ => "Tổng kết"
    };

    public static RoundState? Next(RoundState s) => s == RoundState.Closed ? null : s + 1;

    /// <summary>Why the round cannot move from <paramref name="from"/> to <paramref name="to"/>, or null when it can: one step
    /// forward at a time, never back, never past the end.</summary>
    public static string? MoveRefusal(RoundState from, RoundState to)
    {
        if (from == RoundState.Closed) return "Đợt đánh giá đã công bố kết quả, không chuyển bước được nữa.";
        if (to <= from) return $"Đợt đánh giá đang ở bước \"{Name(from)}\", không quay lại hoặc lặp lại bước \"{Name(to)}\" được.";
        if (to != Next(from)) return $"Không bỏ qua bước được: từ \"{Name(from)}\" phải chuyển sang \"{Name(Next(from)!.Value)}\" trước.";
        return null;
    }

    /// <summary>Self-assessment due, then scoring due, then the meeting: each on or after the one before.</summary>
    public static RoundDates? Dates(DateOnly? selfAssessmentDue, DateOnly? scoringDue, DateOnly? meetingOn, Errors errors)
    {
        errors.Add(selfAssessmentDue is null, "selfAssessmentDue", "Vui lòng nhập hạn tự đánh giá.")
            .Add(scoringDue is null, "scoringDue", "Vui lòng nhập hạn chấm điểm.")
            .Add(meetingOn is null, "meetingOn", "Vui lòng nhập ngày họp xét.")
            .Add(scoringDue < selfAssessmentDue, "scoringDue", "Hạn chấm điểm phải từ hạn tự đánh giá trở về sau.")
            .Add(meetingOn < scoringDue, "meetingOn", "Ngày họp xét phải từ hạn chấm điểm trở về sau.");
        return errors.Ok ? new RoundDates(selfAssessmentDue!.Value, scoringDue!.Value, meetingOn!.Value) : null;
    }
}
