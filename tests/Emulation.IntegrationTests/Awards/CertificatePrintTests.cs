using System.Net;
using UglyToad.PdfPig;

namespace Emulation.IntegrationTests.Awarding;

[Collection(AppCollection.Name)]
public sealed class CertificatePrintTests(AppFixture app)
{
    [Fact]
    public async Task A_decision_prints_as_one_pdf_in_annex_order_one_a3_page_each_and_every_print_is_recorded()
    {
        string[] names = ["Nguyễn Văn Hùng", "Hội Liên hiệp Phụ nữ phường Nhà Mát", "Trần Thị Mỹ Duyên", "Lý Văn Sáu"];
        var (decision, facts) = await app.IssueDecision(names);
        using var approver = await app.As(CertificateScenarios.Approver);
        var queued = (await approver.Post($"/api/awards/decisions/{decision}/prints", new { mode = "full", copies = 1 })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(4, queued.GetProperty("certificates").GetInt32());
        var pdf = await approver.Client.GetByteArrayAsync(queued.GetProperty("url").GetString());

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.Equal(4, pages.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(1190.55, pages[i].Width, 0.01);
            Assert.Equal(841.89, pages[i].Height, 0.01);
            var text = string.Concat(pages[i].Letters.Select(l => l.Value));
            Assert.Contains(names[i].Replace(" ", ""), text);
        }
        foreach (var f in facts) Assert.Equal(1, (await app.Certificate(f.CertificateId))!.Copies);
        // Reading the PDF again records nothing more: the print was recorded once, when it was asked for.
        await approver.Client.GetByteArrayAsync(queued.GetProperty("url").GetString());
        Assert.Equal(1, (await app.Certificate(facts[0].CertificateId))!.Copies);
    }

    [Fact]
    public async Task A_blank_print_uses_the_printers_calibration_and_prints_no_fixed_text()
    {
        var (decision, facts) = await app.IssueDecision("Võ Thị Sáu");
        using var approver = await app.As(CertificateScenarios.Approver);
        var printer = "Canon LBP " + Random.Shared.Next(1000, 9999);
        (await approver.Post("/api/awards/printers", new { printer, offsetXMm = "1,5", offsetYMm = "-2" })).Expect(HttpStatusCode.OK);
        var queued = (await approver.Post($"/api/awards/certificates/{facts[0].CertificateId}/prints", new { mode = "blank", printer, copies = 2 }))
            .Expect(HttpStatusCode.Created).Body;
        var pdf = await approver.Client.GetByteArrayAsync(queued.GetProperty("url").GetString());
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("VõThịSáu", text);
        Assert.DoesNotContain("CỘNGHÒA", text);
        Assert.DoesNotContain("TẶNG", text);
        Assert.Equal(2, (await app.Certificate(facts[0].CertificateId))!.Copies);

        var sheet = await approver.Client.GetAsync($"/api/awards/printers/calibration-sheet?printer={Uri.EscapeDataString(printer)}&paper=A4-landscape");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using var calibration = PdfDocument.Open(await sheet.Content.ReadAsByteArrayAsync());
        Assert.Equal(841.89, calibration.GetPage(1).Width, 0.01);
    }

    [Fact]
    public async Task Revocation_belongs_to_the_signers_authority_is_shown_publicly_and_stops_reprints()
    {
        var (decision, facts) = await app.IssueDecision("Nguyễn Văn Giả Mạo", "Trần Thị Thật");
        var id = facts[0].CertificateId;
        using var secretary = await app.As("thuky.bdvtinh");
        (await secretary.Post($"/api/awards/certificates/{id}/revoke", new { reason = "Khai man", decisionNumber = "45/QĐ-UBND", decisionDate = "01/12/2026", version = 1 }))
            .Expect(HttpStatusCode.Forbidden);

        using var approver = await app.As(CertificateScenarios.Approver);
        var bad = (await approver.Post($"/api/awards/certificates/{id}/revoke", new { reason = "", decisionNumber = new string('9', 51), decisionDate = "31/02/2026", version = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.Errors("reason"));
        Assert.NotEmpty(bad.Errors("decisionNumber"));
        Assert.NotEmpty(bad.Errors("decisionDate"));
        Assert.Null((await app.Certificate(id))!.Revoked);
        (await approver.Post($"/api/awards/certificates/{id}/revoke", new { reason = "Khai man", decisionNumber = "45/QĐ-UBND", decisionDate = "01/12/2026", version = 7 }))
            .Expect(HttpStatusCode.Conflict);

        (await approver.Post($"/api/awards/certificates/{id}/revoke",
            new { reason = "Khai man hồ sơ thành tích", decisionNumber = "45/QĐ-UBND", decisionDate = "01/12/2026", version = 1 })).Expect(HttpStatusCode.OK);
        var again = (await approver.Post($"/api/awards/certificates/{id}/revoke", new { reason = "Lần hai", decisionNumber = "46/QĐ-UBND", decisionDate = "01/12/2026", version = 2 }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Contains("45/QĐ-UBND", again.Detail);

        using var anonymous = app.Anonymous();
        var html = await anonymous.GetStringAsync($"/xac-minh/{id}");
        Assert.Contains("data-status=\"revoked\"", html);
        Assert.Contains("Khai man hồ sơ thành tích", html);
        Assert.Contains("45/QĐ-UBND", html);

        var reprint = (await approver.Post($"/api/awards/certificates/{id}/prints", new { mode = "full" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("thu hồi", reprint.Detail);
        var rest = (await approver.Post($"/api/awards/decisions/{decision}/prints", new { mode = "full" })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(1, rest.GetProperty("certificates").GetInt32());
    }

    [Fact]
    public async Task Strangers_bad_input_and_unknown_ids_get_vietnamese_4xx_and_nothing_is_recorded()
    {
        var (decision, facts) = await app.IssueDecision("Huỳnh Văn Nghệ");
        using var officer = await app.As("canbo.phuong1");
        (await officer.Post($"/api/awards/decisions/{decision}/prints", new { mode = "full" })).Expect(HttpStatusCode.Forbidden);
        (await officer.Get($"/api/awards/printers/calibration-sheet")).Expect(HttpStatusCode.Forbidden);
        using var approver = await app.As(CertificateScenarios.Approver);
        var bad = (await approver.Post($"/api/awards/decisions/{decision}/prints", new { mode = "vip", copies = 500, printer = new string('x', 100_000) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.Errors("mode"));
        Assert.NotEmpty(bad.Errors("copies"));
        Assert.NotEmpty(bad.Errors("printer"));
        (await approver.PostRaw($"/api/awards/decisions/{decision}/prints", "{\"copies\":\"nhiều\"}")).Expect(HttpStatusCode.BadRequest);
        (await approver.Post($"/api/awards/decisions/{Guid.NewGuid()}/prints", new { mode = "full" })).Expect(HttpStatusCode.NotFound);
        (await approver.Post($"/api/awards/certificates/{Guid.NewGuid()}/revoke", new { reason = "x", decisionNumber = "1", decisionDate = "01/12/2026", version = 1 }))
            .Expect(HttpStatusCode.NotFound);
        (await approver.Get($"/api/awards/prints/{Guid.NewGuid()}/pdf")).Expect(HttpStatusCode.NotFound);
        var printerBad = (await approver.Post("/api/awards/printers", new { printer = "", offsetXMm = "99", offsetYMm = (string?)null })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(printerBad.Errors("printer"));
        Assert.NotEmpty(printerBad.Errors("offsetXMm"));
        Assert.NotEmpty(printerBad.Errors("offsetYMm"));
        Assert.Equal(0, (await app.Certificate(facts[0].CertificateId))!.Copies);
    }
}
