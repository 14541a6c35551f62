using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;

namespace Emulation.Monitoring.Reports;

public sealed record ReadingInput(int? Target, decimal? Value, DateOnly? MeasuredOn);

/// <summary>The fields a progress report carries, whichever command sends them.</summary>
public interface IReportFields
{
    IReadOnlyList<ReadingInput>? Readings { get; }
    string? WhatWasDone { get; }
    string? Participants { get; }
    decimal? MoneySpent { get; }
    long? PeopleReached { get; }
    string? Difficulties { get; }
}

/// <summary>What a progress report must satisfy (ADR 0017). Pure: the model, the fields, the day it is.</summary>
public static class ReportRules
{
    public const int MaxText = 4000, MaxReadings = 50;
    public const decimal MaxValue = 1_000_000_000_000_000m;

    public static string? StateRefusal(FollowedModel m) =>
        m.Facts.SourceStatus == ModelStatusCodes.Withdrawn ? "Đơn vị đã rút đăng ký mô hình này: không nhận báo cáo tiến độ."
        : m.Facts.SourceStatus != ModelStatusCodes.Accepted ? "Đăng ký mô hình không còn hiệu lực: không nhận báo cáo tiến độ."
        : m.State == FollowState.Discontinued ? "Mô hình đã được Ban đánh dấu dừng hoạt động: không nhận báo cáo tiến độ."
        : m.State == FollowState.Merged ? $"Mô hình đã sáp nhập vào mô hình {m.Mark?.MergedIntoCode}: báo cáo ở mô hình đó."
        : null;

    /// <summary>Reads the period a report is for: a key of the model's schedule ("2026-Q3"), begun, not before acceptance.</summary>
    public static ReportingPeriod? Period(FollowedModel m, string? key, DateOnly today, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(key)) { errors.Add(true, "period", "Vui lòng chọn kỳ báo cáo."); return null; }
        if (!ReportingPeriod.TryParse(key.Trim(), out var period))
        {
            errors.Add(true, "period", "Kỳ báo cáo không hợp lệ: ghi dạng 2026-Q3 (quý), 2026-H1 (6 tháng) hoặc 2026-N (năm).");
            return null;
        }
        if (period.Schedule != m.Schedule)
            errors.Add(true, "period", $"Mô hình báo cáo {ScheduleLabels.Words(m.Schedule).ToLowerInvariant()}: hãy chọn kỳ đúng lịch báo cáo.");
        else if (period.Start > today) errors.Add(true, "period", $"Kỳ {period.Words} chưa bắt đầu: chưa báo cáo được.");
        else if (period.End < ReportingPeriod.Containing(m.Schedule, m.AcceptedOn).Start)
            errors.Add(true, "period", $"Kỳ {period.Words} trước khi mô hình được công nhận ({Format.Date(m.AcceptedOn)}).");
        return errors.ContainsKey("period") ? null : period;
    }

    public static (IReadOnlyList<TargetReading> Readings, Narrative Narrative) Content(FollowedModel m, IReportFields f, DateOnly today, Errors errors)
    {
        var readings = new List<TargetReading>();
        var inputs = f.Readings ?? [];
        if (inputs.Count > MaxReadings) errors.Add(true, "readings", $"Báo cáo có quá nhiều số liệu (tối đa {MaxReadings}).");
        for (var i = 0; i < inputs.Count && i < MaxReadings; i++)
        {
            var r = inputs[i];
            var at = $"readings[{i}]";
            // A row left empty on the form is no reading.
            if (r is null || r.Value is null && r.MeasuredOn is null) continue;
            var target = r.Target is { } no ? m.Target(no) : null;
            errors.Add(r.Target is null, $"{at}.target", "Vui lòng chọn chỉ tiêu của số liệu.")
                .Add(r.Target is not null && target is null, $"{at}.target", $"Mô hình không có chỉ tiêu số {r.Target}.")
                .Add(target is not null && readings.Any(x => x.Target == target.No), $"{at}.target", $"Chỉ tiêu “{target?.Indicator}” đã có số liệu trong báo cáo này.")
                .Add(r.Value is null, $"{at}.value", $"Vui lòng nhập giá trị đạt được{Of(target)}.")
                .Add(r.Value is { } v && Math.Abs(v) > MaxValue, $"{at}.value", "Giá trị quá lớn.")
                .Add(r.MeasuredOn is null, $"{at}.measuredOn", $"Vui lòng nhập ngày đo{Of(target)}.")
                .Add(r.MeasuredOn > today, $"{at}.measuredOn", $"Ngày đo{Of(target)} không được sau hôm nay ({Format.Date(today)}).")
                .Add(r.MeasuredOn < m.AcceptedOn.AddYears(-1), $"{at}.measuredOn", $"Ngày đo{Of(target)} quá xa trước ngày công nhận mô hình ({Format.Date(m.AcceptedOn)}).");
            if (target is not null && r.Value is { } value && r.MeasuredOn is { } on) readings.Add(new TargetReading(target.No, value, on));
        }
        errors.Optional(f.WhatWasDone, "whatWasDone", "nội dung đã thực hiện", MaxText)
            .Optional(f.Participants, "participants", "lực lượng tham gia", MaxText)
            .Optional(f.Difficulties, "difficulties", "khó khăn, vướng mắc", MaxText)
            .Add(f.MoneySpent < 0, "moneySpent", "Kinh phí đã chi không được âm.")
            .Add(f.MoneySpent > MaxValue, "moneySpent", "Kinh phí đã chi quá lớn.")
            .Add(f.PeopleReached < 0, "peopleReached", "Số người được tiếp cận không được âm.")
            .Add(f.PeopleReached > 1_000_000_000, "peopleReached", "Số người được tiếp cận quá lớn.");
        var narrative = new Narrative(FollowedSteps.Clean(f.WhatWasDone), FollowedSteps.Clean(f.Participants), f.MoneySpent,
            f.PeopleReached is { } p ? (int)Math.Min(p, int.MaxValue) : null, FollowedSteps.Clean(f.Difficulties));
        return (readings, narrative);
    }

    /// <summary>A submitted report tells what was done and gives every measurable target a figure.</summary>
    public static void Complete(FollowedModel m, IReadOnlyList<TargetReading> readings, Narrative narrative, IReportFields f, Errors errors)
    {
        errors.Add(narrative.WhatWasDone is null, "whatWasDone", "Vui lòng nhập nội dung đã thực hiện trong kỳ.");
        var inputs = f.Readings ?? [];
        foreach (var t in m.Facts.Targets.Where(t => t.Measurable && readings.All(r => r.Target != t.No)))
        {
            var index = inputs.Select((r, i) => (r, i)).FirstOrDefault(x => x.r?.Target == t.No).i;
            var field = inputs.Any(r => r?.Target == t.No) ? $"readings[{index}].value" : "readings";
            errors.Add(true, field, $"Vui lòng nhập giá trị đạt được của chỉ tiêu “{t.Indicator}”.");
        }
    }

    static string Of(FollowedTarget? t) => t is null ? "" : $" của chỉ tiêu “{t.Indicator}”";

    public static ProgressReport? StandingFor(FollowedModel m, ReportingPeriod period) =>
        m.Standing.FirstOrDefault(r => r.Period == period.Key);

    public static ProgressReport? DraftFor(FollowedModel m, string periodKey) =>
        m.Reports.FirstOrDefault(r => r.Status == ReportStatus.Draft && r.Period == periodKey);
}

public sealed record ReportSaved(Guid Id, Guid ReportId, long Version);
