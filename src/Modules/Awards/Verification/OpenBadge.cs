using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulation.Awards.Certificates;
using NSec.Cryptography;

namespace Emulation.Awards.Verification;

/// <summary>A certificate as an Open Badges 3.0 <c>OpenBadgeCredential</c> (a W3C Verifiable Credential 2.0) secured by
/// a Data Integrity proof with the <c>eddsa-jcs-2022</c> cryptosuite: SHA-256 of the RFC 8785 canonical proof options
/// followed by SHA-256 of the canonical credential without its proof, signed with Ed25519. The issuer and the
/// verification method are a <c>did:key</c>, so the public key travels inside the credential and anyone can check it
/// offline; /.well-known/emulation-keys.json says which keys are ours (ADR 0032).</summary>
public static class OpenBadge
{
    static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    static readonly byte[] Ed25519Multicodec = [0xed, 0x01];

    public static string DidKey(byte[] publicKey) => "did:key:" + Multibase(publicKey);

    public static string Multibase(byte[] publicKey) => "z" + Base58.Encode([.. Ed25519Multicodec, .. publicKey]);

    public static JsonObject Create(Certificate c, SigningKey key, string baseUrl)
    {
        var f = c.Facts;
        var url = CertificateLines.VerificationUrl(baseUrl, c.Id);
        var did = DidKey(key.PublicKey);
        var subject = new JsonObject
        {
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = f.RecipientName
            }),
            ["achievement"] = new JsonObject
            {
                ["id"] = url + "#thanh-tich",
                ["type"] = new JsonArray("Achievement"),
                ["achievementType"] = "Award",
                ["name"] = f.FormName,
                ["description"] = f.Achievement,
                ["criteria"] = new JsonObject { ["narrative"] = f.Achievement },
                ["inLanguage"] = "vi"
            }
        };
        if (f.RecipientUnit is not null || f.RecipientPosition is not null)
            subject["source"] = new JsonObject
            {
                ["id"] = url + "#don-vi", ["type"] = new JsonArray("Profile"),
                ["name"] = string.Join(", ", new[] { f.RecipientPosition, f.RecipientUnit }.Where(s => s is not null))
            };
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{f.FormName} - {f.RecipientName}",
            ["issuer"] = new JsonObject { ["id"] = did, ["type"] = new JsonArray("Profile"), ["name"] = f.IssuerTitle, ["url"] = baseUrl },
            ["validFrom"] = f.DecisionDate.ToString("yyyy-MM-dd") + "T00:00:00+07:00",
            ["credentialSubject"] = subject,
            ["evidence"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonArray("Evidence"),
                ["name"] = $"Quyết định số {f.DecisionNumber} ngày {f.DecisionDate:dd/MM/yyyy}",
                ["description"] = $"Số vào sổ vàng {f.GoldBookNumber}/{f.GoldBookYear}; {f.SignerAuthority} {f.SignerTitle} {f.SignerName}".Replace("  ", " ").Trim()
            })
        };
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["created"] = c.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["verificationMethod"] = did + "#" + Multibase(key.PublicKey),
            ["proofPurpose"] = "assertionMethod"
        };
        proof["proofValue"] = "z" + Base58.Encode(Ed25519.Sign(key.Key, HashData(credential, proof)));
        credential["proof"] = proof;
        return credential;
    }

    /// <summary>Checks a credential as a third party would: the key from its did:key, the proof over the rest.</summary>
    public static bool Verify(JsonObject credential)
    {
        if (credential.DeepClone() is not JsonObject document || document["proof"] is not JsonObject proof) return false;
        document.Remove("proof");
        if (proof["type"]?.GetValue<string>() != "DataIntegrityProof" || proof["cryptosuite"]?.GetValue<string>() != "eddsa-jcs-2022") return false;
        if (proof["proofValue"]?.GetValue<string>() is not { Length: > 1 } value || value[0] != 'z') return false;
        proof.Remove("proofValue");
        if (PublicKeyOf(proof["verificationMethod"]?.GetValue<string>()) is not { } publicKey) return false;
        if (Base58.Decode(value[1..]) is not { Length: 64 } signature) return false;
        if (!PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null) return false;
        return Ed25519.Verify(key, HashData(document, proof), signature);
    }

    static byte[]? PublicKeyOf(string? verificationMethod)
    {
        if (verificationMethod is null || !verificationMethod.StartsWith("did:key:z")) return null;
        var multibase = verificationMethod["did:key:".Length..].Split('#')[0];
        var bytes = Base58.Decode(multibase[1..]);
        return bytes is { Length: 34 } && bytes[0] == 0xed && bytes[1] == 0x01 ? bytes[2..] : null;
    }

    static byte[] HashData(JsonObject document, JsonObject proofOptions)
    {
        var config = (JsonObject)proofOptions.DeepClone();
        config["@context"] = document["@context"]?.DeepClone();
        return [.. SHA256.HashData(CanonicalJson.Bytes(config)), .. SHA256.HashData(CanonicalJson.Bytes(WithoutProof(document)))];
    }

    static JsonObject WithoutProof(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("proof");
        return copy;
    }
}
