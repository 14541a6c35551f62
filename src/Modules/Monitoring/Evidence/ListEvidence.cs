using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Evidence;

public sealed record EvidenceView(Guid Id, Guid ReportId, string FileName, string ContentType, long Size, string Sha256, bool HasThumbnail,
    DateTimeOffset At, string Url, string? ThumbnailUrl)
{
    public static EvidenceView Of(EvidenceFile f) => new(f.Id, f.ReportId, f.FileName, f.ContentType, f.Size, f.Sha256, f.ThumbnailId is not null, f.At,
        $"/api/monitoring/evidence/{f.Id}", f.ThumbnailId is null ? null : $"/api/monitoring/evidence/{f.Id}/thumbnail");
}

/// <summary>The files of a report, oldest first, to whoever may read it.</summary>
public static class ListEvidenceEndpoint
{
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<IReadOnlyList<EvidenceView>>(StatusCodes.Status200OK)]
    [WolverineGet("/api/monitoring/models/{modelId}/reports/{reportId}/evidence"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(Guid modelId, Guid reportId, HttpContext ctx, IQuerySession session, MonitoringUnits units)
    {
        var ct = ctx.RequestAborted;
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var model = await session.LoadAsync<FollowedModel>(FollowedModel.StreamFor(modelId), ct);
        if (model is null || !access.CanSee(model)) return Problems.NotFound(EvidenceRules.ModelNotFound);
        var report = model.Report(reportId);
        if (report is null || report.Status == ReportStatus.Draft && !access.IsModelUnit(model)) return Problems.NotFound(EvidenceRules.ReportNotFound);
        return Results.Ok((await EvidenceQueries.ForReportsAsync(session, [reportId], ct)).Select(EvidenceView.Of));
    }
}

public static class EvidenceQueries
{
    public static async Task<IReadOnlyList<EvidenceFile>> ForReportsAsync(IQuerySession session, IReadOnlyCollection<Guid> reportIds, CancellationToken ct) =>
        reportIds.Count == 0 ? [] : (await session.Query<EvidenceFile>().Where(f => reportIds.Contains(f.ReportId)).OrderBy(f => f.At).ToListAsync(ct));
}
