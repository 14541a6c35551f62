using Emulation.Kernel;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Reports;

public sealed record SubmitReport(string? Period, IReadOnlyList<ReadingInput>? Readings, string? WhatWasDone, string? Participants,
    decimal? MoneySpent, long? PeopleReached, string? Difficulties, long? Version) : IReportFields;

/// <summary>The unit submits its report for a period (taking the place of its draft). A period already reported is
/// corrected by a later report, never edited: see <see cref="CorrectReportEndpoint"/>.</summary>
public static class SubmitReportEndpoint
{
    [WolverinePost("/api/monitoring/models/{id}/reports"), Authorize(Policy = Kernel.Security.Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<ReportSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, SubmitReport command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock) =>
        FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, command, access, Guid.NewGuid(), clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, SubmitReport command, MonitoringAccess access, Guid newId, DateTimeOffset now)
    {
        if (FollowedSteps.Refuse(m, access, StepBy.Unit, m is null ? null : ReportRules.StateRefusal(m), command.Version) is { } refusal) return (refusal, []);
        var today = now.VietnamDate();
        var errors = new Errors();
        var period = ReportRules.Period(m!, command.Period, today, errors);
        var (readings, narrative) = ReportRules.Content(m!, command, today, errors);
        ReportRules.Complete(m!, readings, narrative, command, errors);
        if (period is { } p && ReportRules.StandingFor(m!, p) is not null)
            errors.Add(true, "period", $"Kỳ {p.Words} đã có báo cáo. Muốn sửa số liệu, hãy gửi báo cáo điều chỉnh cho báo cáo đó.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var reportId = ReportRules.DraftFor(m!, period!.Value.Key)?.Id ?? newId;
        var submitted = new ReportSubmitted(m!.ModelId, reportId, period.Value.Key, readings, narrative, null, access.User.Id, now);
        return (Results.Ok(new ReportSaved(m.ModelId, reportId, m.Version + 1)), [submitted]);
    }
}
