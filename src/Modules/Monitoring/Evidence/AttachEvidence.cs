using Emulation.Kernel.Security;
using Emulation.Monitoring.Evidence.Storage;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Emulation.Monitoring.Evidence;

public sealed record EvidenceSaved(Guid FileId, string FileName, string ContentType, long Size, string Sha256, Guid? ThumbnailId, long Version);

/// <summary>The unit attaches a photo, scanned minutes, a PDF, a spreadsheet or a Word file to a draft report
/// (multipart, field <c>file</c>). Checked before a byte is read (who, which report, its state), then streamed into
/// the store with every content check on the way, then recorded on the model's stream. Not the one-file
/// <c>[WriteAggregate]</c> shape (ADR 0013): the upload may take minutes, so the stream is loaded again for the append,
/// and a file stored for an append that fails is deleted (ADR 0018).</summary>
public static class AttachEvidenceEndpoint
{
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<EvidenceSaved>(StatusCodes.Status201Created)]
    [WolverinePost("/api/monitoring/models/{modelId}/reports/{reportId}/evidence"), Authorize(Policy = Policies.SignedIn), MultipartFile]
    public static async Task<IResult> Post(Guid modelId, Guid reportId, HttpContext ctx, IDocumentStore store, IEvidenceStore files,
        IOptions<EvidenceOptions> options, MonitoringUnits units, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var user = access.User;
        var streamId = FollowedModel.StreamFor(modelId);
        await using (var query = store.QuerySession())
        {
            var model = await query.LoadAsync<FollowedModel>(streamId, ct);
            var count = await query.Query<EvidenceFile>().CountAsync(f => f.ReportId == reportId, ct);
            if (EvidenceRules.RefuseChange(model, reportId, access, count, adding: true) is { } refusal) return refusal;
        }

        EvidenceReceipt receipt;
        try { receipt = await EvidenceUpload.ReceiveAsync(ctx.Request, files, options.Value, ct); }
        catch (EvidenceRefused refused) { return Refused(refused); }

        try
        {
            // Two uploads to one report may finish together: the second appends after the first, as it would a moment later.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var session = store.LightweightSession();
                    var stream = await session.Events.FetchForWriting<FollowedModel>(streamId, ct);
                    var count = await session.Query<EvidenceFile>().CountAsync(f => f.ReportId == reportId, ct);
                    if (EvidenceRules.RefuseChange(stream.Aggregate, reportId, access, count, adding: true) is { } late)
                    {
                        await receipt.DiscardAsync(files);
                        return late;
                    }
                    var attached = new EvidenceAttached(modelId, reportId, receipt.FileId, receipt.FileName, receipt.Kind.ContentType, receipt.Size,
                        receipt.Sha256, receipt.ThumbnailId, user.Id, clock.GetUtcNow());
                    var version = stream.Aggregate!.Version + 1;
                    stream.AppendOne(attached);
                    await session.SaveChangesAsync(ct);
                    return Results.Created($"/api/monitoring/evidence/{receipt.FileId}", new EvidenceSaved(receipt.FileId, receipt.FileName,
                        receipt.Kind.ContentType, receipt.Size, receipt.Sha256, receipt.ThumbnailId, version));
                }
                catch (Exception e) when (attempt < 3 && e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException) { }
            }
        }
        catch
        {
            await receipt.DiscardAsync(files);
            throw;
        }
    }

    public static IResult Refused(EvidenceRefused refused) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [EvidenceUpload.Field] = [refused.Message] }, detail: refused.Message,
        title: refused.Status == StatusCodes.Status413PayloadTooLarge ? "Tệp quá lớn" : "Tệp không hợp lệ", statusCode: refused.Status);
}

/// <summary>Marks an endpoint whose body is a multipart form with one file field; the API document describes it
/// (an accepts-metadata would make ASP.NET Core refuse other content types with 415 before our Vietnamese 400).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MultipartFileAttribute : Attribute
{
    public string Field => EvidenceUpload.Field;
}
