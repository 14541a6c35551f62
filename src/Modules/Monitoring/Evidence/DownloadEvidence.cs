using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Evidence.Storage;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;

namespace Emulation.Monitoring.Evidence;

/// <summary>A file and its thumbnail, to whoever may read the report, streamed from the store. The ETag is the
/// SHA-256 recorded at upload, so a browser revalidates without downloading again; photos and PDFs open in the
/// browser, other files download; the original Vietnamese name comes back in <c>filename*</c> (RFC 5987).</summary>
public static class DownloadEvidenceEndpoint
{
    static readonly HashSet<string> Inline = ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"];

    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/octet-stream")]
    [WolverineGet("/api/monitoring/evidence/{fileId}"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Get(Guid fileId, HttpContext ctx, IQuerySession session, IEvidenceStore files, MonitoringUnits units) =>
        Send(fileId, thumbnail: false, ctx, session, files, units);

    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "image/jpeg")]
    [WolverineGet("/api/monitoring/evidence/{fileId}/thumbnail"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> GetThumbnail(Guid fileId, HttpContext ctx, IQuerySession session, IEvidenceStore files, MonitoringUnits units) =>
        Send(fileId, thumbnail: true, ctx, session, files, units);

    static async Task<IResult> Send(Guid fileId, bool thumbnail, HttpContext ctx, IQuerySession session, IEvidenceStore files, MonitoringUnits units)
    {
        var ct = ctx.RequestAborted;
        var file = await session.LoadAsync<EvidenceFile>(fileId, ct);
        if (file is null) return Problems.NotFound(EvidenceRules.FileNotFound);
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var model = await session.LoadAsync<FollowedModel>(FollowedModel.StreamFor(file.ModelId), ct);
        if (!EvidenceRules.CanRead(model, file, access)) return Problems.NotFound(EvidenceRules.FileNotFound);
        var storedId = thumbnail ? file.ThumbnailId : file.Id;
        if (storedId is null) return Problems.NotFound("Tệp này không có ảnh thu nhỏ.");

        var etag = new EntityTagHeaderValue($"\"{file.Sha256}{(thumbnail ? "-t" : "")}\"");
        var headers = ctx.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (ctx.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } known && known.Any(t => t.Compare(etag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var stream = await files.OpenAsync(storedId.Value, ct);
        if (stream is null) return Problems.NotFound("Tệp minh chứng không còn trong kho lưu trữ. Hãy báo quản trị hệ thống.");
        if (thumbnail) return Results.Stream(stream, "image/jpeg");
        var disposition = new ContentDispositionHeaderValue(Inline.Contains(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        ctx.Response.ContentLength = file.Size;
        return Results.Stream(stream, file.ContentType);
    }
}
