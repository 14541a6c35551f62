using System.Net;
using System.Text.Json.Nodes;
using Emulation.Awards.Verification;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.IntegrationTests.Awarding;

[Collection(AppCollection.Name)]
public sealed class VerificationTests(AppFixture app)
{
    [Fact]
    public async Task Anyone_without_signing_in_sees_a_valid_certificate_and_downloads_a_credential_signed_by_a_published_key()
    {
        var (_, facts) = await app.IssueDecision("Nguyễn Thị Hồng Nhung", "Trần Văn Đức");
        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync($"/xac-minh/{facts[0].CertificateId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"valid\"", html);
        Assert.Contains("Nguyễn Thị Hồng Nhung", html);
        Assert.Contains(facts[0].DecisionNumber, html);

        var download = await anonymous.GetAsync($"/xac-minh/{facts[0].CertificateId}/chung-nhan.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var credential = JsonNode.Parse(await download.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(OpenBadge.Verify(credential));
        Assert.Equal("Nguyễn Thị Hồng Nhung", credential["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>());

        var keys = JsonNode.Parse(await anonymous.GetStringAsync("/.well-known/emulation-keys.json"))!["keys"]!.AsArray();
        var did = credential["issuer"]!["id"]!.GetValue<string>();
        Assert.Contains(keys, k => k!["did"]!.GetValue<string>() == did && k["status"]!.GetValue<string>() == "active");

        var checker = new Api(app.Anonymous());
        var fine = (await checker.PostRaw("/api/awards/credentials/verify", credential.ToJsonString())).Expect(HttpStatusCode.OK).Body;
        Assert.True(fine.GetProperty("valid").GetBoolean());
        Assert.True(fine.GetProperty("ourKey").GetBoolean());
        credential["credentialSubject"]!["achievement"]!["name"] = "HUÂN CHƯƠNG LAO ĐỘNG";
        var tampered = (await checker.PostRaw("/api/awards/credentials/verify", credential.ToJsonString())).Expect(HttpStatusCode.OK).Body;
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        (await checker.PostRaw("/api/awards/credentials/verify", "[1,2")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_certificate_altered_in_the_database_says_plainly_that_it_does_not_match_its_signature()
    {
        var (_, facts) = await app.IssueDecision("Lê Thị Ánh Tuyết");
        var id = facts[0].CertificateId;
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var alter = new NpgsqlCommand("update awards.mt_doc_certificate set data = replace(data::text, 'Lê Thị Ánh Tuyết', 'Lê Thị Ánh Tuyết Giả')::jsonb where id = @id", connection);
            alter.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await alter.ExecuteNonQueryAsync());
        }
        using var anonymous = app.Anonymous();
        var html = await anonymous.GetStringAsync($"/xac-minh/{id}");
        Assert.Contains("data-status=\"altered\"", html);
        Assert.Contains("Nội dung không khớp chữ ký số", html);
        Assert.DoesNotContain("data-status=\"valid\"", html);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync($"/xac-minh/{id}/chung-nhan.json")).StatusCode);
    }

    [Fact]
    public async Task A_page_kept_from_earlier_views_shows_a_revocation_and_an_alteration_on_the_very_next_view()
    {
        var (_, facts) = await app.IssueDecision("Phạm Thị Mỹ Duyên", "Võ Quốc Việt");
        var (revoked, altered) = (facts[0].CertificateId, facts[1].CertificateId);
        using var anonymous = app.Anonymous();
        foreach (var id in new[] { revoked, altered })
            for (var i = 0; i < 3; i++)
            {
                var html = await anonymous.GetStringAsync($"/xac-minh/{id}");
                Assert.Contains("data-status=\"valid\"", html);
                // A page served again to anyone carries no visitor's anti-forgery token.
                if (i > 0) Assert.Contains("<meta name=\"csrf-token\" content=\"\" />", html);
            }

        using var approver = await app.As(CertificateScenarios.Approver);
        (await approver.Post($"/api/awards/certificates/{revoked}/revoke",
            new { reason = "Trùng thành tích đã khen", decisionNumber = "46/QĐ-UBND", decisionDate = "02/12/2026", version = 1 })).Expect(HttpStatusCode.OK);
        var now = await anonymous.GetStringAsync($"/xac-minh/{revoked}");
        Assert.Contains("data-status=\"revoked\"", now);
        Assert.Contains("Trùng thành tích đã khen", now);
        Assert.DoesNotContain("data-status=\"valid\"", now);

        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var alter = new NpgsqlCommand("update awards.mt_doc_certificate set data = replace(data::text, 'Võ Quốc Việt', 'Võ Quốc Việt Nam')::jsonb where id = @id", connection);
            alter.Parameters.AddWithValue("id", altered);
            Assert.Equal(1, await alter.ExecuteNonQueryAsync());
        }
        Assert.Contains("data-status=\"altered\"", await anonymous.GetStringAsync($"/xac-minh/{altered}"));
    }

    [Theory]
    [InlineData("6b0d5c1e-0000-4000-8000-000000000000")]
    [InlineData("khong-phai-ma")]
    [InlineData("%3Cscript%3E")]
    public async Task An_unknown_or_forged_id_is_a_plain_404_page(string id)
    {
        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync($"/xac-minh/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"unknown\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/xac-minh/{id}/chung-nhan.json")).StatusCode);
    }

    [Fact]
    public async Task The_public_lookup_finds_names_without_diacritics_and_marks_revoked_awards()
    {
        var unique = "Khánh" + Random.Shared.Next(10000, 99999);
        var (_, facts) = await app.IssueDecision($"Phạm Thị {unique}", $"Đỗ Văn {unique}");
        using var approver = await app.As(CertificateScenarios.Approver);
        (await approver.Post($"/api/awards/certificates/{facts[1].CertificateId}/revoke",
            new { reason = "Khai man thành tích", decisionNumber = "45/QĐ-UBND", decisionDate = "01/12/2026", version = 1 })).Expect(HttpStatusCode.OK);

        using var anonymous = app.Anonymous();
        var folded = Emulation.Kernel.Text.VietnameseText.Fold(unique);
        var html = await anonymous.GetStringAsync($"/tra-cuu-khen-thuong?q=pham+thi+{folded}&nam=2023");
        Assert.Contains($"Phạm Thị {unique}", html);
        Assert.DoesNotContain($"Đỗ Văn {unique}", html);
        var both = await anonymous.GetStringAsync($"/tra-cuu-khen-thuong?q={folded}");
        Assert.Contains($"Đỗ Văn {unique}", both);
        Assert.Contains("Đã thu hồi", both);
        Assert.DoesNotContain("Khai man", both);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/tra-cuu-khen-thuong?q={folded}&nam=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/tra-cuu-khen-thuong?q={new string('a', 100_000)}")).StatusCode);
    }
}

[Collection(AppCollection.Name)]
public sealed class SigningKeyTests(AppFixture app)
{
    [Fact]
    public async Task After_a_rotation_old_certificates_still_verify_new_ones_carry_the_new_key_and_both_keys_are_published()
    {
        var (_, before) = await app.IssueDecision("Đinh Thị Trước");
        using var admin = await app.As("quantri");
        var rotated = (await admin.Post("/api/awards/keys/rotate", new { })).Expect(HttpStatusCode.OK).Body.GetProperty("keyId").GetString();
        var (_, after) = await app.IssueDecision("Đinh Văn Sau");
        var oldKey = (await app.Certificate(before[0].CertificateId))!.KeyId;
        Assert.NotEqual(oldKey, rotated);
        Assert.Equal(rotated, (await app.Certificate(after[0].CertificateId))!.KeyId);

        using var anonymous = app.Anonymous();
        Assert.Contains("data-status=\"valid\"", await anonymous.GetStringAsync($"/xac-minh/{before[0].CertificateId}"));
        Assert.Contains("data-status=\"valid\"", await anonymous.GetStringAsync($"/xac-minh/{after[0].CertificateId}"));
        var keys = JsonNode.Parse(await anonymous.GetStringAsync("/.well-known/emulation-keys.json"))!["keys"]!.AsArray();
        Assert.Equal("retired", keys.Single(k => k!["id"]!.GetValue<string>() == oldKey)!["status"]!.GetValue<string>());
        Assert.Equal("active", keys.Single(k => k!["id"]!.GetValue<string>() == rotated)!["status"]!.GetValue<string>());
        using var approver = await app.As(CertificateScenarios.Approver);
        (await approver.Post("/api/awards/keys/rotate", new { })).Expect(HttpStatusCode.Forbidden);
    }
}
