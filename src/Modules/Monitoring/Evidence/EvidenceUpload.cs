using Emulation.Kernel.Text;
using Emulation.Monitoring.Evidence.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Emulation.Monitoring.Evidence;

/// <summary>A file received, checked and stored (with its thumbnail), not yet attached to anything.</summary>
public sealed record EvidenceReceipt(Guid FileId, string FileName, EvidenceKind Kind, long Size, string Sha256, Guid? ThumbnailId)
{
    public async Task DiscardAsync(IEvidenceStore files)
    {
        await files.DeleteAsync(FileId, CancellationToken.None);
        if (ThumbnailId is { } t) await files.DeleteAsync(t, CancellationToken.None);
    }
}

/// <summary>Reads the one file of a multipart request (field <c>file</c>) straight from the connection into the store:
/// no form buffering, the request body capped at the configured size plus the multipart framing, the file's own
/// bytes counted, hashed and checked as they pass (<see cref="EvidenceIntake"/>).</summary>
public static class EvidenceUpload
{
    public const string Field = "file";
    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    public const long Framing = 64 * 1024;
    public const int MaxNameLength = 200;

    public static async Task<EvidenceReceipt> ReceiveAsync(HttpRequest request, IEvidenceStore files, EvidenceOptions options, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new EvidenceRefused(400, "Hãy gửi tệp theo dạng multipart/form-data, trong trường “file”.");
        // Past the file's limit the rest of the body is still read (and dropped) up to twice the limit, so that a
        // client still sending gets the refusal rather than a broken connection; beyond that Kestrel cuts it off.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = 2 * options.MaxBytes + Framing;
        if (request.ContentLength > options.MaxBytes + Framing)
        {
            await Drain(request);
            throw new EvidenceRefused(413, EvidenceIntake.TooLarge(options.MaxBytes));
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            try { return await ReceiveFileAsync(reader, files, options, ct); }
            catch (EvidenceRefused)
            {
                await Drain(request);
                throw;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new EvidenceRefused(413, EvidenceIntake.TooLarge(options.MaxBytes));
        }
        catch (InvalidDataException)
        {
            throw new EvidenceRefused(400, "Dữ liệu tệp gửi lên không trọn vẹn hoặc sai định dạng multipart. Hãy gửi lại.");
        }
    }

    static async Task<EvidenceReceipt> ReceiveFileAsync(MultipartReader reader, IEvidenceStore files, EvidenceOptions options, CancellationToken ct)
    {
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition() ||
                !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, Field, StringComparison.OrdinalIgnoreCase)) continue;
            var name = CleanName(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
            if (name is null) throw new EvidenceRefused(400, "Tệp gửi lên không có tên hợp lệ.");
            var kind = EvidenceKinds.ForFileName(name)
                ?? throw new EvidenceRefused(400, $"Không nhận tệp “{name}”: chỉ nhận {EvidenceKinds.Accepted}.");
            using var intake = new EvidenceIntake(section.Body, new ContentCheck(kind, name), options.MaxBytes);
            var fileId = await files.WriteAsync(intake, ct);
            var receipt = new EvidenceReceipt(fileId, name, kind, intake.Size, intake.Sha256, null);
            return kind.Thumbnailed ? await WithThumbnail(receipt, files, ct) : receipt;
        }
        throw new EvidenceRefused(400, "Hãy chọn một tệp để đính kèm.");
    }

    static async Task Drain(HttpRequest request)
    {
        try { await request.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted); }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException or InvalidDataException) { }
    }

    static async Task<EvidenceReceipt> WithThumbnail(EvidenceReceipt receipt, IEvidenceStore files, CancellationToken ct)
    {
        (Thumbnails.Outcome, byte[]?) made;
        await using (var original = await files.OpenAsync(receipt.FileId, ct) ?? throw new InvalidOperationException("a file just stored is missing"))
            made = Thumbnails.Make(original);
        switch (made)
        {
            case (Thumbnails.Outcome.Made, { } bytes):
                return receipt with { ThumbnailId = await files.WriteAsync(new MemoryStream(bytes), ct) };
            case (Thumbnails.Outcome.Unreadable, _):
                await receipt.DiscardAsync(files);
                throw new EvidenceRefused(400, $"Không đọc được ảnh “{receipt.FileName}”: tệp có thể bị hỏng. Hãy chụp hoặc xuất lại ảnh rồi gửi.");
            default:
                return receipt;
        }
    }

    /// <summary>The name as the person knows it: no folder a browser may send, Unicode NFC, no control characters,
    /// at most <see cref="MaxNameLength"/> characters with the extension kept.</summary>
    public static string? CleanName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = VietnameseText.Nfc(raw);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }
        return name.Length == 0 || name.Trim('.').Length == 0 ? null : name;
    }
}
