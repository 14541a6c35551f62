using System.Net;
using UglyToad.PdfPig;

namespace Emulation.IntegrationTests.Awarding;

/// <summary>A form's certificate layout over HTTP (ADR 0048): the administrator moves a slot, prints on blank and the
/// calibration sheet follow it, a print already made keeps its pages, and every refusal is a Vietnamese 4xx that stores
/// nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class CertificateLayoutTests(AppFixture app)
{
    const double Pt = 72 / 25.4;

    async Task<long> CatalogueVersion(Api api) => (await api.Get("/api/awards/catalogue")).Expect(HttpStatusCode.OK).Body.GetProperty("version").GetInt64();

    /// <summary>Where the name is printed, in millimetres from the paper's top-left corner: the centre of its letters
    /// across, its baseline down.</summary>
    static (double CentreMm, double BaselineMm) Name(byte[] pdf, string name)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Single(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)) == name.Replace(" ", "")).ToList();
        var left = letters.Min(l => l.StartBaseLine.X);
        var right = letters.Max(l => l.EndBaseLine.X);
        return ((left + right) / 2 / Pt, (page.Height - letters[0].StartBaseLine.Y) / Pt);
    }

    [Fact]
    public async Task An_administrator_moves_the_name_and_a_blank_print_puts_it_there_plus_the_printers_offset()
    {
        var code = await app.ProvincialForm();
        var issuer = await app.ApproverUnit();
        var facts = CertificateScenarios.Facts(issuer, Guid.NewGuid(), 1, "Phạm Thị Thu Trang") with { FormCode = code };
        await app.Issue([facts]);
        using var approver = await app.As(CertificateScenarios.Approver);
        var before = (await approver.Post($"/api/awards/certificates/{facts.CertificateId}/prints", new { mode = "full" })).Expect(HttpStatusCode.Created).Body
            .GetProperty("url").GetString()!;
        var beforePdf = await approver.Client.GetByteArrayAsync(before);
        var design = Name(beforePdf, facts.RecipientName);
        Assert.Equal(50 + 320 / 2.0, design.CentreMm, 0.5);
        var ascent = design.BaselineMm - 150;

        using var admin = await app.As("quantri");
        var saved = (await admin.Put($"/api/awards/catalogue/forms/{code}/layout", new
        {
            slots = new[] { new { slot = "name", left = "70", top = "120,5", width = "200.5" } },
            version = await CatalogueVersion(admin)
        })).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(await CatalogueVersion(admin), saved.GetProperty("version").GetInt64());
        var form = (await admin.Get("/api/awards/catalogue")).Body.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);
        var name = form.GetProperty("layout").GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("slot").GetString() == "name");
        Assert.Equal(120.5m, name.GetProperty("topMm").GetDecimal());

        var printer = "Epson LQ " + Random.Shared.Next(1000, 9999);
        (await approver.Post("/api/awards/printers", new { printer, offsetXMm = "1,5", offsetYMm = "-2" })).Expect(HttpStatusCode.OK);
        var blank = (await approver.Post($"/api/awards/certificates/{facts.CertificateId}/prints", new { mode = "blank", printer })).Expect(HttpStatusCode.Created).Body;
        var moved = Name(await approver.Client.GetByteArrayAsync(blank.GetProperty("url").GetString()), facts.RecipientName);
        Assert.Equal(70 + 200.5 / 2 + 1.5, moved.CentreMm, 0.5);
        Assert.Equal(120.5 - 2 + ascent, moved.BaselineMm, 0.5);

        // The print made before the change still reads back as it was printed; a reprint takes the layout of today.
        Assert.Equal(design, Name(await approver.Client.GetByteArrayAsync(before), facts.RecipientName));
        var reprint = (await approver.Post($"/api/awards/certificates/{facts.CertificateId}/prints", new { mode = "full" })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(70 + 200.5 / 2, Name(await approver.Client.GetByteArrayAsync(reprint.GetProperty("url").GetString()), facts.RecipientName).CentreMm, 0.5);

        var sheet = await approver.Client.GetAsync($"/api/awards/printers/calibration-sheet?printer={Uri.EscapeDataString(printer)}&form={code}");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using (var calibration = PdfDocument.Open(await sheet.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(calibration.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "");
            Assert.Contains("Họtên(170,", text);
            Assert.Contains(";120,5)", text);
        }

        var preview = await admin.Client.GetAsync($"/api/awards/catalogue/forms/{code}/layout/preview?mode=blank");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(70 + 200.5 / 2, Name(await preview.Content.ReadAsByteArrayAsync(), "Nguyễn Thị Minh Khai").CentreMm, 0.5);

        (await admin.Post($"/api/awards/catalogue/forms/{code}/layout/reset", new { version = await CatalogueVersion(admin) })).Expect(HttpStatusCode.OK);
        var again = (await approver.Post($"/api/awards/certificates/{facts.CertificateId}/prints", new { mode = "full" })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(design.CentreMm, Name(await approver.Client.GetByteArrayAsync(again.GetProperty("url").GetString()), facts.RecipientName).CentreMm, 0.5);
    }

    [Fact]
    public async Task Wrong_values_stale_versions_other_roles_and_unknown_forms_are_refused_in_vietnamese_and_store_nothing()
    {
        var code = await app.ProvincialForm();
        using var admin = await app.As("quantri");
        var version = await CatalogueVersion(admin);
        var url = $"/api/awards/catalogue/forms/{code}/layout";

        var bad = (await admin.Put(url, new
        {
            slots = new object[]
            {
                new { slot = "name", left = "1.500", top = "150", width = "320" },
                new { slot = "qr", left = "42", top = "236", width = "0" },
                new { slot = "signerName", left = "300", top = "268", width = "150" },
                new { slot = "achievement", left = new string('9', 100_000), top = "187", width = "320" }
            },
            version
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Họ tên – lề trái", Assert.Single(bad.Errors("slots[0].left")));
        Assert.Contains(bad.Errors("slots[1].width"), m => m.StartsWith("Mã QR – cạnh mã QR"));
        Assert.Contains("420 mm", Assert.Single(bad.Errors("slots[2].width")));
        Assert.Contains("Số quá dài", Assert.Single(bad.Errors("slots[3].left")));
        Assert.Equal("Dữ liệu chưa hợp lệ", bad.Body.GetProperty("title").GetString());

        var number = (await admin.Put(url, new { slots = new[] { new { slot = "name", left = 1e300, top = 150.5, width = 320 } }, version })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(number.Errors("slots[0].left"));
        Assert.Empty(number.Errors("slots[0].top"));
        var wrongShape = (await admin.PostRaw($"/api/awards/catalogue/forms/{code}/layout/reset", "{\"version\":\"mới nhất\"}")).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrongShape.Errors("version"));
        (await admin.Put(url, new { slots = "tất cả", version })).Expect(HttpStatusCode.BadRequest);
        var noVersion = (await admin.Put(url, new { slots = new[] { new { slot = "name", left = "60", top = "150", width = "300" } } })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("phiên bản", Assert.Single(noVersion.Errors("version")));

        var stale = (await admin.Put(url, new { slots = new[] { new { slot = "name", left = "60", top = "150", width = "300" } }, version = version - 1 }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", stale.Detail!);
        (await admin.Put($"/api/awards/catalogue/forms/khong-co-hinh-thuc-nay/layout",
            new { slots = new[] { new { slot = "name", left = "60", top = "150", width = "300" } }, version })).Expect(HttpStatusCode.NotFound);

        foreach (var who in new[] { "thuky.bdvtinh", "canbo.phuong1", CertificateScenarios.Approver })
        {
            using var other = await app.As(who);
            var refused = (await other.Put(url, new { slots = new[] { new { slot = "name", left = "60", top = "150", width = "300" } }, version }))
                .Expect(HttpStatusCode.Forbidden);
            Assert.Contains("quản trị", refused.Detail);
            (await other.Post($"/api/awards/catalogue/forms/{code}/layout/reset", new { version })).Expect(HttpStatusCode.Forbidden);
        }
        using (var officer = await app.As("canbo.phuong1"))
            (await officer.Get($"/api/awards/catalogue/forms/{code}/layout/preview")).Expect(HttpStatusCode.Forbidden);
        (await admin.Get($"/api/awards/catalogue/forms/{code}/layout/preview?kind=anh")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(version, await CatalogueVersion(admin));
        var form = (await admin.Get("/api/awards/catalogue")).Body.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);
        Assert.True(!form.TryGetProperty("layout", out var layout) || layout.ValueKind == System.Text.Json.JsonValueKind.Null);

        // A JSON number is already unambiguous: 150.5 is a hundred and fifty and a half millimetres.
        (await admin.Put(url, new { slots = new[] { new { slot = "name", left = 60, top = 150.5, width = 300 } }, version })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_document_describes_the_layout_endpoints_with_their_body_and_answer()
    {
        using var client = app.Anonymous();
        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        var put = paths.GetProperty("/api/awards/catalogue/forms/{code}/layout").GetProperty("put");
        Assert.Contains("SetCertificateLayout", put.GetProperty("requestBody").GetRawText());
        Assert.Contains("LayoutSaved", put.GetProperty("responses").GetProperty("200").GetRawText());
        Assert.True(paths.GetProperty("/api/awards/catalogue/forms/{code}/layout/reset").TryGetProperty("post", out _));
        Assert.Contains("application/pdf", paths.GetProperty("/api/awards/catalogue/forms/{code}/layout/preview").GetProperty("get").GetRawText());
        var slot = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SlotInput").GetProperty("properties");
        Assert.Equal(["left", "slot", "top", "width"], slot.EnumerateObject().Select(p => p.Name).Order());
    }
}
