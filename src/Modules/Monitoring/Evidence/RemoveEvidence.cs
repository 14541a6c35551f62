using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Evidence.Storage;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Evidence;

/// <summary>The unit takes a wrong file off its draft. The event is recorded first; the bytes go after the commit
/// (a file kept by a failed delete is harmless, a file deleted under a kept event is not).</summary>
public static class RemoveEvidenceEndpoint
{
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(StatusCodes.Status204NoContent)]
    [WolverineDelete("/api/monitoring/models/{modelId}/reports/{reportId}/evidence/{fileId}"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Delete(Guid modelId, Guid reportId, Guid fileId, HttpContext ctx, IDocumentStore store, IEvidenceStore files,
        MonitoringUnits units, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var user = access.User;
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<FollowedModel>(FollowedModel.StreamFor(modelId), ct);
        if (EvidenceRules.RefuseChange(stream.Aggregate, reportId, access, 0, adding: false) is { } refusal) return refusal;
        var file = await session.LoadAsync<EvidenceFile>(fileId, ct);
        if (file is null || file.ReportId != reportId) return Problems.NotFound(EvidenceRules.FileNotFound);
        stream.AppendOne(new EvidenceRemoved(modelId, reportId, fileId, user.Id, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        await files.DeleteAsync(file.Id, CancellationToken.None);
        if (file.ThumbnailId is { } thumbnail) await files.DeleteAsync(thumbnail, CancellationToken.None);
        return Results.NoContent();
    }
}
