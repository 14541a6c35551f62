using Emulation.Kernel;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Reports;

public sealed record SaveReportDraft(string? Period, IReadOnlyList<ReadingInput>? Readings, string? WhatWasDone, string? Participants,
    decimal? MoneySpent, long? PeopleReached, string? Difficulties, long? Version) : IReportFields;

/// <summary>The unit keeps a report for a period as a draft (one per period, saved over) until it is submitted.</summary>
public static class SaveReportDraftEndpoint
{
    [WolverinePost("/api/monitoring/models/{id}/reports/draft"), Authorize(Policy = Kernel.Security.Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<ReportSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, SaveReportDraft command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock) =>
        FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, command, access, Guid.NewGuid(), clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, SaveReportDraft command, MonitoringAccess access, Guid newId, DateTimeOffset now)
    {
        if (FollowedSteps.Refuse(m, access, StepBy.Unit, m is null ? null : ReportRules.StateRefusal(m), command.Version) is { } refusal) return (refusal, []);
        var today = now.VietnamDate();
        var errors = new Errors();
        var period = ReportRules.Period(m!, command.Period, today, errors);
        var (readings, narrative) = ReportRules.Content(m!, command, today, errors);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var reportId = ReportRules.DraftFor(m!, period!.Value.Key)?.Id ?? newId;
        var saved = new ReportDraftSaved(m!.ModelId, reportId, period.Value.Key, readings, narrative, null, access.User.Id, now);
        return (Results.Ok(new ReportSaved(m.ModelId, reportId, m.Version + 1)), [saved]);
    }
}
