using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulation.Kernel.Text;
using NSec.Cryptography;

namespace Emulation.Awards.Certificates;

/// <summary>What is signed and how (ADR 0031): the facts as a JSON object with camelCase names, dates as yyyy-MM-dd, ids
/// in lower-case hyphenated form, and the key id, canonicalised by RFC 8785 and signed with Ed25519.</summary>
public static class CertificateSigning
{
    static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    /// <summary>Texts as stored and printed: NFC, trimmed (a name is printed exactly as registered, in composed form).</summary>
    public static CertificateFacts Normalise(CertificateFacts f) => f with
    {
        DecisionNumber = VietnameseText.Nfc(f.DecisionNumber).Trim(), FormName = VietnameseText.Nfc(f.FormName).Trim(),
        IssuerTitle = VietnameseText.Nfc(f.IssuerTitle).Trim(), RecipientName = VietnameseText.Nfc(f.RecipientName).Trim(),
        RecipientPosition = VietnameseText.NfcOrNull(f.RecipientPosition), RecipientUnit = VietnameseText.NfcOrNull(f.RecipientUnit),
        Achievement = VietnameseText.Nfc(f.Achievement).Trim(), Place = VietnameseText.Nfc(f.Place).Trim(),
        SignerAuthority = VietnameseText.Nfc(f.SignerAuthority).Trim(), SignerTitle = VietnameseText.Nfc(f.SignerTitle).Trim(),
        SignerName = VietnameseText.Nfc(f.SignerName).Trim()
    };

    public static JsonObject Json(CertificateFacts f) => new()
    {
        ["certificateId"] = f.CertificateId.ToString("D"),
        ["decisionId"] = f.DecisionId.ToString("D"),
        ["decisionNumber"] = f.DecisionNumber,
        ["decisionDate"] = f.DecisionDate.ToString("yyyy-MM-dd"),
        ["formCode"] = f.FormCode,
        ["formName"] = f.FormName,
        ["paper"] = f.Paper,
        ["issuerUnitId"] = f.IssuerUnitId.ToString("D"),
        ["issuerTitle"] = f.IssuerTitle,
        ["recipientKind"] = f.RecipientKind,
        ["recipientName"] = f.RecipientName,
        ["recipientPosition"] = f.RecipientPosition,
        ["recipientUnit"] = f.RecipientUnit,
        ["achievement"] = f.Achievement,
        ["goldBookNumber"] = f.GoldBookNumber,
        ["goldBookYear"] = f.GoldBookYear,
        ["place"] = f.Place,
        ["signerAuthority"] = f.SignerAuthority,
        ["signerTitle"] = f.SignerTitle,
        ["signerName"] = f.SignerName,
        ["annexOrder"] = f.AnnexOrder
    };

    public static byte[] Payload(CertificateFacts facts, string keyId)
    {
        var json = Json(facts);
        json["keyId"] = keyId;
        return CanonicalJson.Bytes(json);
    }

    public static CertificateIssued Issue(CertificateFacts facts, SigningKey key, Guid by, DateTimeOffset at)
    {
        var normalised = Normalise(facts);
        var signature = Ed25519.Sign(key.Key, Payload(normalised, key.Id));
        return new CertificateIssued(normalised.CertificateId, normalised, key.Id, Base64Url(signature), by, at);
    }

    public static bool Verify(CertificateFacts facts, string keyId, string signature, byte[] publicKey)
    {
        if (FromBase64Url(signature) is not { Length: 64 } bytes) return false;
        if (!PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null) return false;
        return Ed25519.Verify(key, Payload(facts, keyId), bytes);
    }

    public static string KeyIdOf(ReadOnlySpan<byte> publicKey) => "ed25519-" + Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - s.Length % 4) % 4);
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }
}

/// <summary>A private key able to sign, with its id.</summary>
public sealed record SigningKey(string Id, Key Key, byte[] PublicKey);
