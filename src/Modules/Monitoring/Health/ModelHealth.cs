using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;

namespace Emulation.Monitoring.Health;

public enum HealthCode { OnTrack, AtRisk, Behind, ReportOverdue, Stalled, Paused, Discontinued }

/// <summary>A model's health on a day, with the words shown to people ("Chậm báo cáo quý 3/2026, 12 ngày").</summary>
public sealed record ModelHealth(HealthCode Code, string Words, IReadOnlyList<TargetProgress> Targets,
    ReportingPeriod? NextPeriod, int OverdueDays, ProgressReport? LastReport)
{
    public string CodeName => HealthLabels.Code(Code);
    public string Label => HealthLabels.Label(Code);

    /// <summary>Behind a target's time line by this many points or more: at risk; twice as many: behind.</summary>
    public const decimal AtRiskGap = 10m, BehindGap = 25m;

    /// <summary>The rules of ADR 0017, in order: a closed model is discontinued; a paused one paused; two or more due
    /// periods in a row without a standing report: stalled; the last due period without one: report overdue; a target
    /// past due and not met, or (by its latest reading; a target not yet measured is not judged) 25 points behind its time line: behind; 10 points behind: at risk; otherwise on track.
    /// Open inspection actions past their due date count against it: one lowers on track to at risk and at risk to
    /// behind; three or more make it behind.</summary>
    public static ModelHealth Evaluate(FollowedModel m, DateOnly today, int overdueActions = 0)
    {
        var standing = m.Standing.Where(r => r.SubmittedAt is { } at && Kernel.VietnamClock.VietnamDate(at) <= today).ToList();
        var targets = m.Facts.Targets.Select(t => TargetProgress.Of(t, standing.SelectMany(r => r.Readings), today, m.AcceptedOn)).ToList();
        var last = standing.OrderBy(r => r.SubmittedAt).LastOrDefault();
        var due = ReportingPeriod.DueBy(m.Schedule, m.ReportingFrom, today).ToList();
        // The period to report next is the oldest of the unreported run since the last report: a gap years back
        // (before reporting began) is not what the unit must write now, and reminders and "due soon" lists read this.
        var open = ReportingPeriod.Open(m.Schedule, m.ReportingFrom, today).ToList();
        var unreported = open.AsEnumerable().Reverse().TakeWhile(p => !Covered(p, standing)).LastOrDefault();
        var next = open.Count == 0 ? ReportingPeriod.Containing(m.Schedule, m.ReportingFrom)
            : Covered(open[^1], standing) ? open[^1].Next() : unreported;
        var missing = due.AsEnumerable().Reverse().TakeWhile(p => !Covered(p, standing)).Reverse().ToList();
        var overdueDays = missing.Count > 0 ? today.DayNumber - missing[0].Due.DayNumber : 0;

        ModelHealth Result(HealthCode code, string words) => new(code, words, targets, m.Closed ? null : next, overdueDays, last);

        if (m.Closed) return Result(HealthCode.Discontinued, Closed(m));
        if (m.State == FollowState.Paused) return Result(HealthCode.Paused, $"Tạm dừng từ {Format.Date(Kernel.VietnamClock.VietnamDate(m.Mark!.At))}: {m.Mark.Reason}");
        var actions = overdueActions > 0 ? $"; {overdueActions} việc sau kiểm tra quá hạn" : "";
        if (missing.Count >= 2)
            return Result(HealthCode.Stalled, $"Không báo cáo {missing.Count} kỳ liên tiếp (từ {missing[0].Words}), chậm {overdueDays} ngày{actions}");
        if (missing.Count == 1)
            return Result(HealthCode.ReportOverdue, $"Chậm báo cáo {missing[0].Words}, {overdueDays} ngày{actions}");

        var (code, words) = Progress(targets);
        if (overdueActions >= 3 || overdueActions >= 1 && code == HealthCode.AtRisk) code = HealthCode.Behind;
        else if (overdueActions >= 1 && code == HealthCode.OnTrack) code = HealthCode.AtRisk;
        return Result(code, words + actions);
    }

    static (HealthCode, string) Progress(IReadOnlyList<TargetProgress> targets)
    {
        var late = targets.FirstOrDefault(t => t.Late);
        if (late is not null) return (HealthCode.Behind, $"Chỉ tiêu “{late.Target.Indicator}” quá hạn {Format.Date(late.Target.DueDate!.Value)} chưa đạt");
        var worst = targets.Where(t => t.Target.Measurable && !t.Met && t.Expected is not null && t.Percent is not null)
            .Select(t => (t, Gap: t.Expected!.Value - (t.Percent ?? 0m))).OrderByDescending(x => x.Gap).FirstOrDefault();
        if (worst.t is not null && worst.Gap >= BehindGap)
            return (HealthCode.Behind, $"Chỉ tiêu “{worst.t.Target.Indicator}” đạt {Percent(worst.t.Percent)}, cần khoảng {Percent(worst.t.Expected)}");
        if (worst.t is not null && worst.Gap >= AtRiskGap)
            return (HealthCode.AtRisk, $"Chỉ tiêu “{worst.t.Target.Indicator}” đạt {Percent(worst.t.Percent)}, cần khoảng {Percent(worst.t.Expected)}");
        var met = targets.Count(t => t.Met);
        var measurable = targets.Count(t => t.Target.Measurable);
        return (HealthCode.OnTrack, measurable == 0 ? "Báo cáo đúng hạn" : $"Đúng tiến độ, đạt {met}/{measurable} chỉ tiêu");
    }

    static string Percent(decimal? p) => Format.Number(p ?? 0m) + " %";

    static string Closed(FollowedModel m) => m.State switch
    {
        FollowState.Merged => $"Đã sáp nhập vào mô hình {m.Mark!.MergedIntoCode}: {m.Mark.Reason}",
        FollowState.Discontinued => $"Dừng hoạt động từ {Format.Date(Kernel.VietnamClock.VietnamDate(m.Mark!.At))}: {m.Mark.Reason}",
        _ => m.Facts.SourceStatus == ModelStatusCodes.Withdrawn ? "Đơn vị đã rút đăng ký" : "Đăng ký không còn hiệu lực"
    };

    /// <summary>A period counts as reported when a standing report's period overlaps it (a quarterly report inside a
    /// period of a yearly schedule counts, so a changed schedule does not make old reports vanish).</summary>
    public static bool Covered(ReportingPeriod period, IEnumerable<ProgressReport> standing) =>
        standing.Any(r => ReportingPeriod.TryParse(r.Period, out var p) && p.Overlaps(period));
}

public static class HealthLabels
{
    public static readonly IReadOnlyList<HealthCode> All = Enum.GetValues<HealthCode>();

    public static string Code(HealthCode c) => c switch
    {
        HealthCode.OnTrack => "on-track", HealthCode.AtRisk => "at-risk", HealthCode.Behind => "behind",
        HealthCode.ReportOverdue => "report-overdue", HealthCode.Stalled => "stalled", HealthCode.Paused => "paused",
        _ => "discontinued"
    };

    public static string Label(HealthCode c) => c switch
    {
        HealthCode.OnTrack => "Đúng tiến độ", HealthCode.AtRisk => "Có nguy cơ chậm", HealthCode.Behind => "Chậm tiến độ",
        HealthCode.ReportOverdue => "Chậm báo cáo", HealthCode.Stalled => "Ngừng báo cáo", HealthCode.Paused => "Tạm dừng",
        _ => "Dừng hoạt động"
    };

    /// <summary>The tag colour pages use (Kernel's app.css: ok, warn, bad).</summary>
    public static string Tag(HealthCode c) => c switch
    {
        HealthCode.OnTrack => "ok", HealthCode.AtRisk or HealthCode.ReportOverdue or HealthCode.Paused => "warn", _ => "bad"
    };

    public static HealthCode? Parse(string? code) => All.Select(c => (HealthCode?)c).FirstOrDefault(c => Code(c!.Value) == code);
}
