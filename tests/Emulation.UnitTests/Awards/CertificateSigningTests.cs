using System.Text.Json.Nodes;
using Emulation.Awards.Certificates;
using Emulation.Awards.Verification;
using Emulation.Kernel.Security;
using NSec.Cryptography;

namespace Emulation.UnitTests.Awarding;

public sealed class CertificateSigningTests
{
    static readonly Guid Issuer = Guid.Parse("3f1d0c57-7a0e-4c35-9d0e-111111111111");

    public static CertificateFacts Facts(string name = "Nguyễn Thị Hồng Nhung", Guid? id = null) => new(
        id ?? Guid.NewGuid(), Guid.Parse("9a1e7c44-2b7d-4f0e-8d3c-222222222222"), "125/QĐ-UBND", new DateOnly(2023, 11, 15),
        "bk-ubnd-tinh", "BẰNG KHEN", "A3-landscape", Issuer, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "individual", name,
        "Chủ tịch Hội Liên hiệp Phụ nữ", "Phường 1, thành phố Cà Mau",
        "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" giai đoạn 2020 - 2023", 12, 2023, "Cà Mau",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Bi", 1);

    static SigningKey NewKey()
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var pub = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return new SigningKey(CertificateSigning.KeyIdOf(pub), key, pub);
    }

    static Certificate Issued(CertificateFacts facts, SigningKey key) => Certificate.Create(CertificateSigning.Issue(facts, key, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

    [Fact]
    public void Canonical_json_sorts_keys_by_code_unit_keeps_vietnamese_letters_and_escapes_only_what_json_must()
    {
        var json = new JsonObject { ["b"] = "Dân vận \"khéo\"\n", ["a"] = 12, ["ä"] = true, ["A"] = null, ["c"] = new JsonArray(1, "x") };
        Assert.Equal("{\"A\":null,\"a\":12,\"b\":\"Dân vận \\\"khéo\\\"\\n\",\"c\":[1,\"x\"],\"ä\":true}",
            System.Text.Encoding.UTF8.GetString(CanonicalJson.Bytes(json)));
    }

    [Fact]
    public void Base58_round_trips_and_keeps_leading_zero_bytes()
    {
        byte[] data = [0, 0, 0xed, 0x01, 0xff, 0x10];
        Assert.Equal(data, Base58.Decode(Base58.Encode(data)));
        Assert.Equal("z6Mk", OpenBadge.Multibase(new byte[32])[..4]);
    }

    [Fact]
    public void A_signed_certificate_verifies_and_any_changed_letter_or_another_key_does_not()
    {
        var key = NewKey();
        var certificate = Issued(Facts(), key);
        Assert.Equal(CertificateStatus.Valid, CertificateCheck.Evaluate(certificate, key.PublicKey));

        var altered = certificate with { Facts = certificate.Facts with { RecipientName = "Nguyễn Thị Hồng Nhưng" } };
        Assert.Equal(CertificateStatus.Altered, CertificateCheck.Evaluate(altered, key.PublicKey));
        Assert.Equal(CertificateStatus.Altered, CertificateCheck.Evaluate(certificate with { Facts = certificate.Facts with { GoldBookNumber = 13 } }, key.PublicKey));
        Assert.Equal(CertificateStatus.Altered, CertificateCheck.Evaluate(certificate, NewKey().PublicKey));
        Assert.Equal(CertificateStatus.Altered, CertificateCheck.Evaluate(certificate, null));
        Assert.Equal(CertificateStatus.Unknown, CertificateCheck.Evaluate(null, key.PublicKey));
        var revoked = certificate.Apply(new CertificateRevoked(certificate.Id, "Khai man thành tích", "45/QĐ-UBND", new DateOnly(2024, 3, 1), Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Equal(CertificateStatus.Revoked, CertificateCheck.Evaluate(revoked, key.PublicKey));
    }

    [Fact]
    public void A_name_sent_decomposed_is_signed_and_stored_composed()
    {
        var key = NewKey();
        var certificate = Issued(Facts("Lê Thị Ánh Tuyết".Normalize(System.Text.NormalizationForm.FormD)), key);
        Assert.Equal("Lê Thị Ánh Tuyết", certificate.Facts.RecipientName);
        Assert.True(certificate.Facts.RecipientName.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(CertificateStatus.Valid, CertificateCheck.Evaluate(certificate, key.PublicKey));
    }

    [Fact]
    public void The_open_badge_credential_verifies_offline_and_fails_once_any_field_is_changed()
    {
        var key = NewKey();
        var credential = OpenBadge.Create(Issued(Facts(), key), key, "https://thidua.camau.gov.vn");
        Assert.True(OpenBadge.Verify(credential));
        Assert.Equal(OpenBadge.DidKey(key.PublicKey), credential["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], credential["type"]!.AsArray().Select(t => t!.GetValue<string>()));

        var renamed = (JsonObject)credential.DeepClone();
        renamed["credentialSubject"]!["identifier"]![0]!["identityHash"] = "Nguyễn Văn Giả";
        Assert.False(OpenBadge.Verify(renamed));
        var otherKey = (JsonObject)credential.DeepClone();
        var stranger = NewKey();
        otherKey["proof"]!["verificationMethod"] = OpenBadge.DidKey(stranger.PublicKey) + "#" + OpenBadge.Multibase(stranger.PublicKey);
        Assert.False(OpenBadge.Verify(otherKey));
        var reordered = JsonNode.Parse(credential.ToJsonString())!.AsObject();
        Assert.True(OpenBadge.Verify(reordered));
    }

    [Fact]
    public void Printing_refuses_a_revoked_certificate_alone_and_leaves_it_out_of_its_decision()
    {
        var key = NewKey();
        var approver = new CurrentUser(Guid.NewGuid(), "lanhdao", "Lãnh đạo", [new RoleAssignment(Roles.Approver, Issuer)]);
        var kept = Issued(Facts("Trần Văn Đức"), key);
        var revoked = Issued(Facts("Nguyễn Văn Giả"), key)
            .Apply(new CertificateRevoked(Guid.Empty, "Khai man", "45/QĐ-UBND", new DateOnly(2024, 3, 1), Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        var (one, _, none) = PrintCertificatesEndpoint.Decide(new PrintCertificates("full", null, 1), [revoked], true, approver, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(409, ((Microsoft.AspNetCore.Http.IStatusCodeHttpResult)one).StatusCode);
        Assert.Empty(none);
        var (_, print, printed) = PrintCertificatesEndpoint.Decide(new PrintCertificates("blank", "Canon", 2), [kept, revoked], false, approver,
            new PrinterCalibration("x", Issuer, "Canon", 1.5, -0.5, Guid.NewGuid(), DateTimeOffset.UnixEpoch), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal([kept.Id], print!.CertificateIds);
        Assert.Equal((1.5, -0.5), (print.OffsetXMm, print.OffsetYMm));
        Assert.Equal(2, Assert.Single(printed).Copies);
        var stranger = new CurrentUser(Guid.NewGuid(), "khac", "Khác", [new RoleAssignment(Roles.Approver, Guid.NewGuid())]);
        var (forbidden, _, _) = PrintCertificatesEndpoint.Decide(new PrintCertificates("full", null, 1), [kept], true, stranger, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(403, ((Microsoft.AspNetCore.Http.IStatusCodeHttpResult)forbidden).StatusCode);
    }
}
