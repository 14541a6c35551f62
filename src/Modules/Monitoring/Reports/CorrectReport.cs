using Emulation.Kernel;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Reports;

public sealed record CorrectReport(IReadOnlyList<ReadingInput>? Readings, string? WhatWasDone, string? Participants,
    decimal? MoneySpent, long? PeopleReached, string? Difficulties, string? Reason, long? Version) : IReportFields;

/// <summary>The unit corrects a submitted report with a new one for the same period; the old one stays in the history,
/// marked as corrected, and no longer counts.</summary>
public static class CorrectReportEndpoint
{
    public const int MaxReason = 1000;

    [WolverinePost("/api/monitoring/models/{id}/reports/{reportId}/corrections"), Authorize(Policy = Kernel.Security.Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<ReportSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, Guid reportId, CorrectReport command, IDocumentSession session, MonitoringUnits units,
        HttpContext ctx, TimeProvider clock)
    {
        return await FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, reportId, command, access, Guid.NewGuid(), clock.GetUtcNow()));
    }

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, Guid reportId, CorrectReport command, MonitoringAccess access,
        Guid newId, DateTimeOffset now)
    {
        if (FollowedSteps.Refuse(m, access, StepBy.Unit, m is null ? null : ReportRules.StateRefusal(m), command.Version) is { } refusal) return (refusal, []);
        var old = m!.Report(reportId);
        if (old is null || old.Status != ReportStatus.Submitted) return (Problems.NotFound("Không tìm thấy báo cáo đã gửi cần điều chỉnh."), []);
        if (!m.Standing.Contains(old))
            return (Problems.Validation("reportId", "Báo cáo này đã được điều chỉnh bằng một báo cáo sau: hãy điều chỉnh báo cáo mới nhất của kỳ."), []);
        var today = now.VietnamDate();
        var errors = new Errors().Required(command.Reason, "reason", "lý do điều chỉnh", MaxReason);
        var (readings, narrative) = ReportRules.Content(m, command, today, errors);
        ReportRules.Complete(m, readings, narrative, command, errors);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var correction = new ReportSubmitted(m.ModelId, newId, old.Period, readings, narrative, old.Id, access.User.Id, now, FollowedSteps.Clean(command.Reason));
        return (Results.Ok(new ReportSaved(m.ModelId, newId, m.Version + 1)), [correction]);
    }
}
