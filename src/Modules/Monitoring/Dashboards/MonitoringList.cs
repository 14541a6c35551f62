using Emulation.Kernel.Export;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Health;
using Emulation.Monitoring.Summary;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Emulation.Kernel;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Monitoring.Dashboards;

/// <summary>The unit's dashboard as the API answers it: the summaries as list rows.</summary>
public sealed record UnitDashboardView(int Days, IReadOnlyList<MonitoringRow> ReportsDue, IReadOnlyList<Inspections.OpenAction> Actions, IReadOnlyList<Bar> ByHealth,
    IReadOnlyList<MonitoringRow> Models);

public sealed record MonitoringRow(Guid Id, string Name, string? Code, Guid UnitId, string UnitName, string FieldCode, string Field, string State,
    string Health, string HealthLabel, string HealthWords, DateOnly? LastReportOn, string? NextPeriod, DateOnly? NextDueOn, int ReportsCount,
    int OverdueDays, int OverdueActions)
{
    public static MonitoringRow Of(MonitoringSummary s) => new(s.Id, s.Name, s.Code, s.UnitId, s.UnitName, s.FieldCode, StandardFields.Name(s.FieldCode),
        s.State, s.Health, s.HealthLabel, s.HealthWords, s.LastReportOn, s.NextPeriodWords, s.NextDueOn, s.ReportsCount, s.OverdueDays, s.OverdueActions);
}

public sealed record MonitoringResults(IReadOnlyList<MonitoringRow> Items, long Total, int Page, int PageSize);

/// <summary>The monitoring list, its Excel export and the dashboards' figures as JSON, all over the same scope and filter.</summary>
public static class MonitoringListEndpoints
{
    public const int MaxExportRows = 50_000;

    public static async Task<MonitoringResults> SearchAsync(IQuerySession session, MonitoringAccess access, MonitoringFilter f, CancellationToken ct)
    {
        var query = DashboardScope.Filter(DashboardScope.List(session, access), f);
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 100);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)size)));
        var rows = await Sorted(query).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new MonitoringResults(rows.Select(MonitoringRow.Of).ToList(), total, page, size);
    }

    // The worst first: overdue longest, then by name.
    static IQueryable<MonitoringSummary> Sorted(IQueryable<MonitoringSummary> q) => q.OrderByDescending(s => s.OverdueDays).ThenBy(s => s.Name);

    static MonitoringFilter Filter(string? health, string? field, Guid? district, Guid? commune, string? state, string? q, string? reports, string? month,
        int? page, int? pageSize) =>
        new(health, field, district, commune, state, q is { Length: > 200 } ? q[..200] : q, reports, page ?? 1, pageSize ?? 20,
            string.IsNullOrWhiteSpace(month) ? null : month.Trim());

    static IResult? MonthRefusal(string? month) =>
        string.IsNullOrWhiteSpace(month) || MonitoringFilter.IsMonth(month.Trim()) ? null
            : Problems.Validation("month", "Tháng gửi báo cáo phải viết dạng năm-tháng, ví dụ 2026-11.");

    [WolverineGet("/api/monitoring/list"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<MonitoringResults>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(IQuerySession session, MonitoringUnits units, HttpContext ctx,
        string? health, string? field, Guid? district, Guid? commune, string? state, string? q, string? reports, string? month, int? page, int? pageSize)
    {
        if (MonthRefusal(month) is { } refusal) return refusal;
        var access = new MonitoringAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        return Results.Ok(await SearchAsync(session, access, Filter(health, field, district, commune, state, q, reports, month, page, pageSize), ctx.RequestAborted));
    }

    [WolverineGet("/api/monitoring/list/export"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Export(IQuerySession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock, string? format,
        string? health, string? field, Guid? district, Guid? commune, string? state, string? q, string? reports, string? month)
    {
        if (MonthRefusal(month) is { } refusal) return refusal;
        var access = new MonitoringAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        var f = Filter(health, field, district, commune, state, q, reports, month, 1, 20);
        var rows = await Sorted(DashboardScope.Filter(DashboardScope.List(session, access), f)).Take(MaxExportRows).ToListAsync(ctx.RequestAborted);
        var table = new Table("Theo dõi mô hình", Columns, rows.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.Code, r.Name, r.UnitName, StandardFields.Name(r.FieldCode), r.HealthLabel, r.HealthWords, r.ReportsCount, r.LastReportOn,
            r.NextPeriodWords, r.NextDueOn, r.OverdueDays, r.OverdueActions
        ]).ToList());
        var stamp = clock.VietnamNow().ToString("yyyyMMdd-HHmm");
        return format == "csv"
            ? Results.File(table.ToCsv(), "text/csv; charset=utf-8", $"theo-doi-mo-hinh-{stamp}.csv")
            : Results.File(table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"theo-doi-mo-hinh-{stamp}.xlsx");
    }

    static readonly Column[] Columns =
    [
        new("STT", 6), new("Mã đăng ký", 15), new("Tên mô hình, điển hình", 45), new("Đơn vị", 32), new("Lĩnh vực", 22),
        new("Tình trạng", 18), new("Diễn giải", 40), new("Số báo cáo", 10), new("Báo cáo gần nhất", 14), new("Kỳ báo cáo tiếp theo", 20),
        new("Hạn báo cáo", 14), new("Số ngày chậm", 10), new("Việc sau kiểm tra quá hạn", 12)
    ];

    [WolverineGet("/api/monitoring/dashboards/board"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<BoardDashboard>(StatusCodes.Status200OK)]
    public static async Task<IResult> Board(IQuerySession session, MonitoringUnits units, TimeProvider clock, HttpContext ctx)
    {
        var access = new MonitoringAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        if (!access.SeesAll && access.Boards.Count == 0) return Problems.Forbidden("Tổng quan dành cho thành viên Ban và quản trị hệ thống.");
        return Results.Ok(await DashboardQueries.BoardAsync(session, access, Kernel.VietnamClock.VietnamToday(clock), ctx.RequestAborted));
    }

    [WolverineGet("/api/monitoring/dashboards/unit"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<UnitDashboardView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Unit(IQuerySession session, MonitoringUnits units, TimeProvider clock, IOptions<Reminders.MonitoringReminderOptions> options, HttpContext ctx)
    {
        var access = new MonitoringAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        if (!access.SeesAll && access.FullUnits.Count == 0) return Problems.Forbidden("Trang này dành cho cán bộ đơn vị.");
        var d = await UnitDashboardQueries.UnitAsync(session, access, Kernel.VietnamClock.VietnamToday(clock), options.Value.DaysBeforeDue, ctx.RequestAborted);
        return Results.Ok(new UnitDashboardView(d.Days, d.ReportsDue.Select(MonitoringRow.Of).ToList(), d.Actions, d.ByHealth,
            d.Models.Select(MonitoringRow.Of).ToList()));
    }
}
