using Emulation.Kernel.Web;
using Emulation.Monitoring.Inspections;

namespace Emulation.Monitoring.Reminders;

/// <summary>The next progress report a model owes: what it covers (e.g. "quý 3/2026") and the day it is due.</summary>
public sealed record ReportDeadline(Guid ModelId, string ModelName, Guid UnitId, Guid? BoardId, string Covers, DateOnly DueOn);

/// <summary>Which reminders the state of today calls for (pure: the job stores those not stored yet). A deadline gives
/// at most one reminder of each kind, because the id names the subject and the deadline.</summary>
public static class ReminderRules
{
    public static IEnumerable<MonitoringNotice> ForReports(IEnumerable<ReportDeadline> deadlines, DateOnly today, MonitoringReminderOptions o, DateTimeOffset now,
        Func<Guid, string> modelHref)
    {
        foreach (var d in deadlines)
        {
            var late = today.DayNumber - d.DueOn.DayNumber;
            if (late <= 0 && -late <= o.DaysBeforeDue)
                yield return Notice(Keys.ReportDue(d.ModelId, d.DueOn), Roles.Officer, d.UnitId, d.ModelId, modelHref(d.ModelId), now,
                    $"Sắp đến hạn báo cáo: “{d.ModelName}”",
                    $"Báo cáo tiến độ {d.Covers} của mô hình “{d.ModelName}” đến hạn ngày {Format.Date(d.DueOn)} (còn {-late} ngày).");
            if (late > 0)
                yield return Notice(Keys.ReportOverdue(d.ModelId, d.DueOn), Roles.Officer, d.UnitId, d.ModelId, modelHref(d.ModelId), now,
                    $"Quá hạn báo cáo: “{d.ModelName}”",
                    $"Báo cáo tiến độ {d.Covers} của mô hình “{d.ModelName}” đã quá hạn từ ngày {Format.Date(d.DueOn)}. Đề nghị đơn vị gửi báo cáo sớm.");
            if (late >= o.EscalateAfterDays && d.BoardId is { } board)
                yield return Notice(Keys.ReportEscalated(d.ModelId, d.DueOn), Roles.BoardSecretary, board, d.ModelId, modelHref(d.ModelId), now,
                    $"Đơn vị chậm báo cáo {late} ngày: “{d.ModelName}”",
                    $"Báo cáo tiến độ {d.Covers} của mô hình “{d.ModelName}” hạn ngày {Format.Date(d.DueOn)}, đến nay quá hạn {late} ngày, đơn vị vẫn chưa gửi.");
        }
    }

    public static IEnumerable<MonitoringNotice> ForActions(IEnumerable<OpenAction> actions, DateOnly today, MonitoringReminderOptions o, DateTimeOffset now)
    {
        foreach (var a in actions.Where(a => a.ClosedAt is null && a.AnsweredOn is null))
        {
            var late = today.DayNumber - a.DueOn.DayNumber;
            if (late <= 0 && -late <= o.DaysBeforeDue)
                yield return Notice(Keys.ActionDue(a.Id, a.DueOn), Roles.Officer, a.UnitId, a.ModelId, ActionsHref, now,
                    $"Sắp đến hạn việc sau kiểm tra: “{a.ModelName}”",
                    $"Việc “{a.Description}” (sau {InspectionLabels.Kind(a.Kind).ToLowerInvariant()} ngày {Format.Date(a.VisitedOn)}) đến hạn ngày {Format.Date(a.DueOn)}.");
            if (late > 0)
                yield return Notice(Keys.ActionOverdue(a.Id, a.DueOn), Roles.Officer, a.UnitId, a.ModelId, ActionsHref, now,
                    $"Quá hạn việc sau kiểm tra: “{a.ModelName}”",
                    $"Việc “{a.Description}” hạn ngày {Format.Date(a.DueOn)} chưa được đơn vị trả lời.");
        }
    }

    public const string ActionsHref = "/theo-doi/viec-sau-kiem-tra";

    static MonitoringNotice Notice(string id, string role, Guid unit, Guid model, string href, DateTimeOffset now, string title, string body) =>
        new() { Id = id, Role = role, UnitId = unit, ModelId = model, Href = href, CreatedAt = now.ToUniversalTime(), Title = title, Body = body };
}
