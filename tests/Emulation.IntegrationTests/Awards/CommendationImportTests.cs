using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Emulation.Awards.Reports;
using MiniExcelLibs;

namespace Emulation.IntegrationTests.Awards;

/// <summary>The register of commendations already given (ADR 0033): every column's mistake named in Vietnamese with nothing
/// stored, then the valid rows in, the same file again a no-op, a changed row an amendment, and only for roles that may.</summary>
[Collection(AppCollection.Name)]
public sealed class CommendationImportTests(AppFixture app)
{
    static Dictionary<string, object?> Row(string key, string campaign, string kind = "Tập thể", string name = "Ấp Tân Phong", string? unit = "CM-P1",
        string? code = null, string form = "Bằng khen của Chủ tịch UBND tỉnh", string number = "125/QĐ-UBND", object? date = null) => new()
    {
        ["Mã dòng"] = key, ["Đợt thi đua"] = campaign, ["Đối tượng"] = kind, ["Tên tập thể, cá nhân"] = name, ["Chức vụ"] = null, ["Đơn vị"] = unit,
        ["Mã đăng ký mô hình"] = code, ["Hình thức khen thưởng"] = form, ["Số quyết định"] = number, ["Ngày quyết định"] = date ?? "15/06/2022",
        ["Cơ quan ban hành"] = "UBND tỉnh Cà Mau"
    };

    static Task<Reply> Upload(Api api, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(new Dictionary<string, object> { ["Khen thưởng"] = rows.ToList() }, excelType: ExcelType.XLSX);
        return Upload(api, buffer.ToArray());
    }

    static async Task<IDocument> Html(Api api, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    static async Task<Reply> Upload(Api api, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "so-khen-thuong.xlsx");
        using var response = await api.Client.PostAsync("/api/awards/import/commendations", form);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw.StartsWith('{') ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }

    /// <summary>A campaign of 2020-2025 with a 2022 period still open for registration.</summary>
    static async Task<(Guid Campaign, Guid Period)> CampaignOf2022(Api admin, string name)
    {
        var campaign = (await admin.Post("/api/registry/campaigns", new { name, startYear = 2020, endYear = 2025 })).Expect(HttpStatusCode.Created).Id;
        var period = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new
        {
            name = "Năm 2022", kind = "Year", from = "2022-01-01", to = "2022-12-31", registrationOpens = "2022-01-01",
            registrationCloses = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), codeYear = 2022, version = 1
        })).Expect(HttpStatusCode.OK).Id;
        return (campaign, period);
    }

    static int Count(Reply r, string fate) => r.Body.GetProperty("counts").GetProperty(fate).GetInt32();

    [Fact]
    public async Task Every_mistake_is_named_nothing_is_stored_then_the_register_goes_in_once_and_a_changed_row_is_amended()
    {
        using var admin = await app.As("quantri");
        var campaignName = DirectoryScenarios.Unique("Dân vận khéo khen thưởng ");
        var (campaign, period) = await CampaignOf2022(admin, campaignName);
        await app.AcceptedModel("Mô hình được khen ", new() { ["periodId"] = period });
        for (var i = 0; i < 60 && (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}")).Status != HttpStatusCode.OK; i++) await Task.Delay(500);

        var wrong = await Upload(admin, [Row("", "Đợt không có", "Hội", "", "XX-KHONG", "MA-KHONG-CO", "", "", "31/02/2022")]);
        wrong.Expect(HttpStatusCode.Created);
        Assert.Equal(1, Count(wrong, "refused"));
        var reasons = string.Join("\n", wrong.Body.GetProperty("rows")[0].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        foreach (var column in (string[])["Mã dòng", "Đợt thi đua", "Đối tượng", "Tên tập thể, cá nhân", "Đơn vị", "Mã đăng ký mô hình", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định"])
            Assert.Contains($"cột {column}", reasons);
        Assert.Contains("không có trong danh mục", reasons);
        var none = (await admin.Post($"/api/awards/import/commendations/{wrong.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-or-nothing" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không lưu dòng nào", none.Raw);

        // The refused rows come back as the template's sheet with a column of reasons, and that workbook reads back as the
        // same refusals: the user fixes it where it says and uploads it again.
        var wrongId = wrong.Body.GetProperty("id").GetGuid();
        using var refusedFile = await admin.Client.GetAsync($"/api/awards/import/commendations/{wrongId}/refused.xlsx");
        Assert.Equal(HttpStatusCode.OK, refusedFile.StatusCode);
        var refusedBytes = await refusedFile.Content.ReadAsByteArrayAsync();
        var refusedRows = new MemoryStream(refusedBytes).Query(useHeaderRow: true, sheetName: "Khen thưởng").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("XX-KHONG", Assert.Single(refusedRows)["Đơn vị"]);
        Assert.Contains("cột Đối tượng", refusedRows[0]["Lỗi cần sửa"]?.ToString());
        var reread = (await Upload(admin, refusedBytes)).Expect(HttpStatusCode.Created);
        Assert.Equal(1, Count(reread, "refused"));
        Assert.Equal(wrong.Body.GetProperty("rows")[0].GetProperty("errors").GetArrayLength(), reread.Body.GetProperty("rows")[0].GetProperty("errors").GetArrayLength());

        // The pages: the upload page lists the upload, its preview shows the refused row with its reasons and offers the fix file.
        // The administrator's list is everyone's imports with who made them (the audit); a secretary sees only their own.
        using var secretary = await app.As("thuky.bdvtinh");
        var theirs = (await Upload(secretary, [Row("S1", campaignName)])).Expect(HttpStatusCode.Created).Body.GetProperty("id").GetGuid();
        var uploads = await Html(admin, "/khen-thuong/nhap-excel");
        Assert.Contains(uploads.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/khen-thuong/nhap-excel/{wrongId}");
        var their = uploads.QuerySelectorAll("table.imports tbody tr").Single(r => r.QuerySelector($"a[href='/khen-thuong/nhap-excel/{theirs}']") is not null);
        Assert.Equal((await secretary.Get("/api/auth/me")).Body.GetProperty("fullName").GetString(), their.Children[1].TextContent);
        var own = await Html(secretary, "/khen-thuong/nhap-excel");
        Assert.DoesNotContain(own.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/khen-thuong/nhap-excel/{wrongId}");
        var preview = await Html(admin, $"/khen-thuong/nhap-excel/{wrongId}?ket-qua=Refused");
        Assert.Equal("1", preview.QuerySelector("#count-refused")!.TextContent);
        Assert.Contains("không có trong danh mục", preview.QuerySelector("tr[data-fate=Refused]")!.TextContent);
        Assert.NotNull(preview.QuerySelector($"a[href='/api/awards/import/commendations/{wrongId}/refused.xlsx']"));
        // Every row refused: no confirmation that would store nothing, the page says so instead.
        Assert.Null(preview.QuerySelector($"form[data-action='/api/awards/import/commendations/{wrongId}/confirm']"));
        Assert.Contains("Không có dòng nào để nhập", preview.QuerySelector("#nothing-to-import")!.TextContent);

        var rows = new[] { Row("K1", campaignName), Row("K2", campaignName, "Cá nhân", "Nguyễn Thị Hồng", date: new DateTime(2022, 9, 2)) };
        var first = (await Upload(admin, rows)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, Count(first, "new"));
        (await admin.Post($"/api/awards/import/commendations/{first.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-valid" })).Expect(HttpStatusCode.OK);
        var totals = (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        Assert.Equal((1, 1), (totals.GetProperty("commendedCollectives").GetInt32(), totals.GetProperty("commendedIndividuals").GetInt32()));

        var again = (await Upload(admin, rows)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, Count(again, "unchanged"));

        // The template round-trips: the register exported as the template holds the same cells and imports unchanged.
        using var exported = await admin.Client.GetAsync($"/api/awards/import/commendations/export?campaign={campaign}");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var exportBytes = await exported.Content.ReadAsByteArrayAsync();
        var exportRows = new MemoryStream(exportBytes).Query(useHeaderRow: true, sheetName: "Khen thưởng").Cast<IDictionary<string, object?>>()
            .OrderBy(r => r["Mã dòng"]).ToList();
        Assert.Equal(["K1", "K2"], exportRows.Select(r => r["Mã dòng"]));
        Assert.Equal(("Cá nhân", "Nguyễn Thị Hồng", new DateTime(2022, 9, 2), campaignName),
            (exportRows[1]["Đối tượng"], exportRows[1]["Tên tập thể, cá nhân"], exportRows[1]["Ngày quyết định"], exportRows[1]["Đợt thi đua"]));
        var reimported = (await Upload(admin, exportBytes)).Expect(HttpStatusCode.Created);
        Assert.Equal((2, 0, 0, 0), (Count(reimported, "unchanged"), Count(reimported, "new"), Count(reimported, "updated"), Count(reimported, "refused")));
        rows[1]["Hình thức khen thưởng"] = "Giấy khen của Chủ tịch UBND huyện";
        var changed = (await Upload(admin, rows)).Expect(HttpStatusCode.Created);
        Assert.Equal((1, 1), (Count(changed, "unchanged"), Count(changed, "updated")));
        (await admin.Post($"/api/awards/import/commendations/{changed.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-valid" })).Expect(HttpStatusCode.OK);
        var forms = (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals").GetProperty("byForm")
            .EnumerateArray().Select(f => f.GetProperty("form").GetString()).Order().ToList();
        Assert.Equal(["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chủ tịch UBND huyện"], forms);

        using var officer = await app.As("canbo.phuong1");
        Assert.Contains("Chỉ Thư ký Ban", (await Upload(officer, rows)).Expect(HttpStatusCode.Forbidden).Raw);
        (await officer.Post($"/api/awards/import/commendations/{first.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-valid" })).Expect(HttpStatusCode.NotFound);
        (await officer.Get($"/api/awards/import/commendations/{wrongId}/refused.xlsx")).Expect(HttpStatusCode.NotFound);
        using var officerPage = new HttpRequestMessage(HttpMethod.Get, "/khen-thuong/nhap-excel");
        officerPage.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.SendAsync(officerPage)).StatusCode);
    }

    [Fact]
    public async Task A_district_secretary_cannot_record_a_commendation_for_a_unit_or_model_outside_the_boards_scope()
    {
        using var admin = await app.As("quantri");
        var campaignName = DirectoryScenarios.Unique("Dân vận khéo phạm vi ");
        var (campaign, period) = await CampaignOf2022(admin, campaignName);
        var inside = await app.AcceptedModel("Mô hình trong phạm vi ", new() { ["periodId"] = period });
        var code = (await admin.Get($"/api/registry/models/{inside}")).Expect(HttpStatusCode.OK).Body.GetProperty("registryCode").GetString()!;
        for (var i = 0; i < 60 && (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}")).Status != HttpStatusCode.OK; i++) await Task.Delay(500);

        // The TP Cà Mau board covers Phường 1, not xã Khánh Hội of huyện U Minh.
        using var city = await app.As("thuky.bdvtp");
        var preview = (await Upload(city, [Row("P1", campaignName, unit: "CM-KH"), Row("P2", campaignName, unit: null, code: code)])).Expect(HttpStatusCode.Created);
        Assert.Equal((1, 1), (Count(preview, "refused"), Count(preview, "new")));
        var refused = preview.Body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("fate").GetString() == "Refused");
        Assert.Equal("P1", refused.GetProperty("key").GetString());
        Assert.Contains("cột Đơn vị", refused.GetProperty("errors")[0].GetProperty("text").GetString());
        (await city.Post($"/api/awards/import/commendations/{preview.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-valid" })).Expect(HttpStatusCode.OK);
        var totals = (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        Assert.Equal((1, 0), (totals.GetProperty("commendedCollectives").GetInt32(), totals.GetProperty("commendedIndividuals").GetInt32()));

        // Nor huyện U Minh itself; the provincial board's secretary may record it.
        var again = (await Upload(city, [Row("P3", campaignName, unit: "CM-UM")])).Expect(HttpStatusCode.Created);
        Assert.Equal(1, Count(again, "refused"));
        using var province = await app.As("thuky.bdvtinh");
        Assert.Equal(1, Count((await Upload(province, [Row("P3", campaignName, unit: "CM-UM")])).Expect(HttpStatusCode.Created), "new"));
    }
}
