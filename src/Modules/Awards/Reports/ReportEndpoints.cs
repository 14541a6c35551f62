using Emulation.Awards.Decisions;
using Emulation.Awards.Units;
using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Reports;

/// <summary>The sơ kết / tổng kết report of a campaign for a unit's scope, as of a day (ADR 0033): the figures as JSON, and
/// the report as Word, PDF and an Excel workbook.</summary>
public static class ReportEndpoints
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="campaign">The campaign (required).</param>
    /// <param name="period">One of its periods; all when absent.</param>
    /// <param name="unit">A unit (its subtree) or a board (the units it covers); when absent, every unit the person sees.</param>
    /// <param name="on">The day the figures are read as of, <c>31/12/2023</c> or <c>2023-12-31</c>; today when absent.</param>
    [WolverineGet("/api/awards/reports/campaign"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(CampaignReport), StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? campaign, string? period, string? unit, string? on, IDocumentStore store, IQuerySession session,
        AwardsUnits units, TimeProvider clock, HttpContext ctx)
    {
        var (report, problem) = await LoadAsync(campaign, period, unit, on, store, session, units, clock, ctx);
        return problem ?? Results.Ok(report);
    }

    [WolverineGet("/api/awards/reports/campaign/{format}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf", DecisionFiles.Docx, Xlsx)]
    public static async Task<IResult> File(string format, string? campaign, string? period, string? unit, string? on, IDocumentStore store,
        IQuerySession session, AwardsUnits units, TimeProvider clock, HttpContext ctx)
    {
        if (format is not ("pdf" or "docx" or "xlsx")) return Problems.Validation("format", "Định dạng phải là pdf, docx hoặc xlsx.");
        var (report, problem) = await LoadAsync(campaign, period, unit, on, store, session, units, clock, ctx);
        if (problem is not null) return problem;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var summary = ReportDocument.Build(report!, clock.VietnamToday());
        var (bytes, type) = format switch
        {
            "pdf" => (summary.ToPdf(), "application/pdf"),
            "docx" => (summary.ToDocx(), DecisionFiles.Docx),
            _ => (summary.ToXlsx(), Xlsx)
        };
        ctx.Response.Headers.Append("Server-Timing", $"render;dur={System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}");
        return Results.File(bytes, type, ReportDocument.FileName(report!, format));
    }

    public static async Task<(CampaignReport? Report, IResult? Problem)> LoadAsync(string? campaign, string? period, string? unit, string? on,
        IDocumentStore store, IQuerySession session, AwardsUnits units, TimeProvider clock, HttpContext ctx)
    {
        var (request, errors) = CampaignReports.Parse(campaign, period, unit, on, clock.VietnamToday());
        if (request is null) return (null, Problems.Validation(errors));
        var access = await AwardsAccess.ForAsync(ctx, units);
        request = CampaignReports.WithDefaultUnit(request, access);
        var (scope, denied) = CampaignReports.Scope(access, request.UnitId);
        if (denied is not null) return (null, denied == CampaignReports.UnitNotFound ? Problems.NotFound(denied) : Problems.Forbidden(denied));
        var timing = new ServerTiming();
        var report = await CampaignReports.LoadAsync(store, session, access, request, scope, ctx.RequestAborted, timing);
        ctx.Response.Headers["Server-Timing"] = timing.Header;
        return report is null ? (null, Problems.NotFound(CampaignReports.CampaignNotFound)) : (report, null);
    }
}
