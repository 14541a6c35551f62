using System.Text.Json.Nodes;
using Emulation.Awards.Certificates;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Emulation.Awards.Verification;

/// <summary>What anyone may read without signing in (each mapped with AllowAnonymous in <see cref="CertificatePages"/>): the
/// verification page, the certificate as a signed Open Badges credential, a check of a credential someone holds, and
/// the published keys.</summary>
public static class PublicEndpoints
{
    public const string KeysPath = "/.well-known/emulation-keys.json";

    public static async Task<IResult> Page(string id, IQuerySession session, CertificateKeys keys, VerifiedPages pages, HttpContext ctx)
    {
        if (!Guid.TryParse(id, out var guid))
            return PageResults.Render<VerificationPage>(new { Id = id, Status = CertificateStatus.Unknown }, StatusCodes.Status404NotFound);
        var stored = await session.Json.FindByIdAsync<Certificate>(guid, ctx.RequestAborted);
        var anonymous = VerifiedPages.Anonymous(ctx);
        if (anonymous && stored is not null && pages.Find(guid, stored) is { } kept) return kept;
        Certificate? certificate = null;
        if (stored is not null)
        {
            using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored));
            certificate = session.DocumentStore.Options.Serializer().FromJson<Certificate>(json);
        }
        var status = CertificateCheck.Evaluate(certificate, certificate is null ? null : await keys.PublicKeyAsync(certificate.KeyId, ctx.RequestAborted));
        var page = PageResults.Render<VerificationPage>(new { Id = id, Status = status, Certificate = certificate },
            status == CertificateStatus.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
        // An altered certificate is not kept: its page may depend on a key record read again next time.
        return anonymous && stored is not null && status is CertificateStatus.Valid or CertificateStatus.Revoked ? pages.Keep(guid, stored, page) : page;
    }

    public static async Task<IResult> Credential(string id, IQuerySession session, CertificateKeys keys, HttpContext ctx, IConfiguration configuration)
    {
        var certificate = Guid.TryParse(id, out var guid) ? await session.LoadAsync<Certificate>(guid, ctx.RequestAborted) : null;
        var status = CertificateCheck.Evaluate(certificate, certificate is null ? null : await keys.PublicKeyAsync(certificate.KeyId, ctx.RequestAborted));
        switch (status)
        {
            case CertificateStatus.Unknown:
                return Problems.NotFound("Không có bằng khen, giấy khen nào mang mã này.");
            case CertificateStatus.Altered:
                return Problems.Conflict("Nội dung đang lưu không khớp với chữ ký số khi cấp; không cấp bản chứng nhận số.");
            case CertificateStatus.Revoked:
                return Problems.Conflict($"Bằng khen này đã bị thu hồi theo Quyết định số {certificate!.Revoked!.DecisionNumber}; không cấp bản chứng nhận số.");
        }
        var credential = OpenBadge.Create(certificate!, await keys.CurrentAsync(ctx.RequestAborted), CertificateLines.BaseUrl(ctx.Request, configuration["Awards:PublicBaseUrl"]));
        ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"chung-nhan-{guid:N}.json\"";
        return Results.Text(credential.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            "application/vc+ld+json; charset=utf-8");
    }

    public sealed record CredentialCheck(bool Valid, string Message, string? Issuer, bool OurKey, string? CertificateStatus);

    /// <summary>Checks a credential someone holds: the proof, whether the key is one of ours, and what we know of the
    /// certificate today (a credential stays mathematically valid after its certificate is revoked).</summary>
    public static async Task<IResult> Check(HttpContext ctx, IQuerySession session, CertificateKeys keys)
    {
        JsonObject? credential;
        try { credential = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) as JsonObject; }
        catch (System.Text.Json.JsonException) { credential = null; }
        if (credential is null) return Problems.Validation("credential", "Tệp chứng nhận số phải là một đối tượng JSON.");
        bool valid;
        try { valid = OpenBadge.Verify(credential); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NotSupportedException) { valid = false; }
        if (!valid) return Results.Ok(new CredentialCheck(false, "Chữ ký số không khớp nội dung: chứng nhận đã bị sửa hoặc không do hệ thống này cấp.", null, false, null));
        var did = credential["issuer"]?["id"]?.GetValue<string>();
        var ours = (await keys.AllAsync(ctx.RequestAborted)).Any(k => CertificateSigning.FromBase64Url(k.PublicKey) is { } pk && OpenBadge.DidKey(pk) == did);
        var idText = credential["id"]?.GetValue<string>()?.Split('/').LastOrDefault();
        var certificate = Guid.TryParse(idText, out var id) ? await session.LoadAsync<Certificate>(id, ctx.RequestAborted) : null;
        var status = certificate is null ? null : certificate.IsRevoked ? "revoked" : "valid";
        var message = !ours ? "Chữ ký số hợp lệ nhưng khóa không thuộc danh sách khóa công bố của hệ thống."
            : status == "revoked" ? "Chữ ký số hợp lệ, nhưng bằng khen đã bị thu hồi."
            : "Chữ ký số hợp lệ và khóa thuộc hệ thống.";
        return Results.Ok(new CredentialCheck(true, message, did, ours, status));
    }

    public static async Task<IResult> Keys(CertificateKeys keys, HttpContext ctx)
    {
        var all = await keys.AllAsync(ctx.RequestAborted);
        var list = new JsonArray();
        foreach (var k in all)
        {
            if (CertificateSigning.FromBase64Url(k.PublicKey) is not { } pk) continue;
            list.Add(new JsonObject
            {
                ["id"] = k.Id, ["type"] = "Ed25519", ["publicKeyBase64Url"] = k.PublicKey, ["publicKeyMultibase"] = OpenBadge.Multibase(pk),
                ["did"] = OpenBadge.DidKey(pk), ["status"] = k.RetiredAt is null ? "active" : "retired",
                ["created"] = k.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["retired"] = k.RetiredAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")
            });
        }
        var body = new JsonObject
        {
            ["description"] = "Khóa công khai Ed25519 dùng ký bằng khen, giấy khen (chữ ký trên nội dung chuẩn hóa RFC 8785; chứng nhận số Open Badges 3.0 dùng eddsa-jcs-2022).",
            ["keys"] = list
        };
        return Results.Text(body.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            "application/json; charset=utf-8");
    }
}
