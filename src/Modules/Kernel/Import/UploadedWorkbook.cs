using System.Security.Cryptography;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Import;

/// <summary>Marks an endpoint that takes an uploaded workbook (multipart, field <c>file</c>), so the API description says so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadedWorkbookAttribute : Attribute
{
    public string Field => "file";
}

/// <summary>An .xlsx file sent as multipart (field <c>file</c>), read whole: an import is checked row by row against
/// each other, so it is held in memory anyway, and the size is capped before reading.</summary>
public sealed record UploadedWorkbook(string FileName, byte[] Content, string Sha256)
{
    public static async Task<(UploadedWorkbook? File, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        const string field = "file";
        var limit = ImportBatch.MaxFileBytes / 1024 / 1024;
        if (request.ContentLength > ImportBatch.MaxFileBytes + 64 * 1024)
            return (null, Results.Problem(title: "Tệp quá lớn", detail: $"Tệp nhập liệu tối đa {limit} MB; hãy chia tệp.", statusCode: StatusCodes.Status413PayloadTooLarge));
        if (!request.HasFormContentType)
            return (null, Problems.Validation(field, "Hãy gửi tệp Excel (.xlsx) theo dạng multipart/form-data, trong trường “file”."));
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Problems.Validation(field, "Dữ liệu tệp gửi lên không trọn vẹn hoặc sai định dạng multipart. Hãy gửi lại."));
        }
        var file = form.Files.GetFile(field);
        if (file is null || file.Length == 0) return (null, Problems.Validation(field, "Hãy chọn một tệp Excel (.xlsx)."));
        if (file.Length > ImportBatch.MaxFileBytes)
            return (null, Results.Problem(title: "Tệp quá lớn", detail: $"Tệp nhập liệu tối đa {limit} MB; hãy chia tệp.", statusCode: StatusCodes.Status413PayloadTooLarge));
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        if (name.Length > 200) name = name[..200];
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        // An .xlsx is a zip package: anything else (an old .xls, a CSV, a renamed picture) is refused by its first bytes.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            return (null, Problems.Validation(field, $"“{name}” không phải tệp Excel .xlsx. Hãy lưu tệp dạng .xlsx (Excel 2007 trở lên) rồi gửi lại."));
        return (new UploadedWorkbook(name.Length == 0 ? "tep-nhap.xlsx" : name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }
}
