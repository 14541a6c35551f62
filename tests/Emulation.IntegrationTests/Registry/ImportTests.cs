using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Registry;

/// <summary>A province's Excel register comes in with its history (ADR 0036): checked and previewed first, stored only on
/// confirmation, with the original dates and codes, and importing the same file again changes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportTests(AppFixture app)
{
    [Fact]
    public async Task An_officer_previews_confirms_and_reimporting_the_same_file_changes_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var (periodId, period) = await admin.HistoricPeriod();
        var book = new RegisterWorkbook();
        var a = DirectoryScenarios.Unique("A");
        var b = DirectoryScenarios.Unique("B");
        var nameA = DirectoryScenarios.Unique("Tuyến đường phụ nữ tự quản nhập ");
        book.Model(a, nameA, period);
        book.Target(a);
        book.Step(a, "Gửi Ban xem xét", new DateTime(2021, 2, 1));
        book.Model(b, DirectoryScenarios.Unique("Thùng rác thông minh nhập "), period, registeredOn: "05/03/2021");
        var file = book.ToXlsx();

        var preview = (await officer.Upload(file)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, preview.Count("new"));
        Assert.Equal(0, preview.Count("refused"));
        var id = preview.Id;
        await admin.WaitForList($"period={periodId}", p => !p.Items().Any()); // nothing is stored before confirmation
        (await officer.Get($"/api/registry/import/{id}")).Expect(HttpStatusCode.OK);
        using var other = await app.As("canbo.khanhhoi");
        (await other.Get($"/api/registry/import/{id}")).Expect(HttpStatusCode.NotFound);
        (await other.Confirm(id)).Expect(HttpStatusCode.NotFound);

        var confirmed = (await officer.Confirm(id)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, confirmed.Body.GetProperty("stored").GetProperty("new").GetInt32());
        (await officer.Confirm(id)).Expect(HttpStatusCode.Conflict);

        var list = await officer.WaitForList($"period={periodId}", p => p.Items().Count() == 2);
        var modelA = list.Items().Single(i => i.GetProperty("name").GetString() == nameA);
        Assert.Equal("Submitted", modelA.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2021, 2, 1, 1, 1, 0, TimeSpan.Zero), modelA.GetProperty("submittedAt").GetDateTimeOffset());
        var page = await officer.Model(modelA.GetProperty("id").GetGuid());
        var steps = page.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()!).ToArray();
        Assert.Equal(new[] { "imported", "drafted", "submitted" }, steps);
        Assert.Equal(2021, page.GetProperty("history")[1].GetProperty("at").GetDateTimeOffset().Year);
        Assert.Equal(1_500_000m, page.GetProperty("details").GetProperty("budget").GetDecimal());

        var again = (await officer.Upload(file)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, again.Count("unchanged"));
        var second = (await officer.Confirm(again.Id, "all-or-nothing")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, second.Body.GetProperty("stored").GetProperty("unchanged").GetInt32());
        Assert.Equal(3, (await officer.Model(modelA.GetProperty("id").GetGuid())).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_accepted_model_keeps_its_code_and_date_and_counts_in_the_year_it_was_accepted()
    {
        using var admin = await app.As("quantri");
        using var secretary = await app.As("thuky.phuong1");
        var (periodId, period) = await admin.HistoricPeriod(codeYear: 2019);
        var row = DirectoryScenarios.Unique("K");
        var sequence = Random.Shared.Next(100_000, 900_000);
        var code = $"CM-2019-{sequence}";
        var book = new RegisterWorkbook();
        book.Model(row, DirectoryScenarios.Unique("Đổi rác thải nhựa lấy quà nhập "), period, registeredOn: new DateTime(2021, 1, 5));
        book.Target(row);
        book.Step(row, "gui ban", "10/01/2021");
        book.Step(row, "Công nhận", new DateTime(2021, 3, 15), code: code.ToLowerInvariant());
        var preview = (await secretary.Upload(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(1, preview.Count("new"));
        (await secretary.Confirm(preview.Id)).Expect(HttpStatusCode.OK);

        var list = await admin.WaitForList($"period={periodId}", p => p.Items().Any());
        var model = list.Items().Single();
        Assert.Equal(code, model.GetProperty("registryCode").GetString());
        Assert.Equal(new DateTimeOffset(2021, 3, 15, 1, 2, 0, TimeSpan.Zero), model.GetProperty("decidedAt").GetDateTimeOffset());

        long Accepted(JsonElement s) => s.GetProperty("byStatus").EnumerateArray().Where(c => c.GetProperty("key").GetString() == "Accepted")
            .Sum(c => c.GetProperty("value").GetInt64());
        var end2021 = (await admin.Get($"/api/registry/statistics?period={periodId}&on=2021-12-31")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, Accepted(end2021));
        var end2020 = (await admin.Get($"/api/registry/statistics?period={periodId}&on=2020-12-31")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(0, end2020.GetProperty("total").GetInt64());
        var before = (await admin.Get($"/api/registry/statistics?period={periodId}&on=2021-03-14")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(0, Accepted(before));
        Assert.Equal(1, before.GetProperty("total").GetInt64());

        // The code is taken: another row with it is refused, and the counter never mints it again.
        var clash = new RegisterWorkbook();
        var other = DirectoryScenarios.Unique("L");
        clash.Model(other, DirectoryScenarios.Unique("Mô hình trùng mã "), period);
        clash.Step(other, "Gửi Ban xem xét", "11/01/2021");
        clash.Step(other, "Công nhận", "16/03/2021", code: code);
        var refused = (await secretary.Upload(clash.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(1, refused.Count("refused"));
        Assert.Contains(refused.Reasons(), r => r.StartsWith("Sheet Lịch sử, dòng 3, cột Mã đăng ký:") && r.Contains(code) && r.Contains("đã cấp"));

        using var officer = await app.As("canbo.phuong1");
        var dossier = RegistryScenarios.Dossier(periodId, DirectoryScenarios.Unique("Mô hình sau khi nhập "));
        var (fresh, _) = await officer.Draft(dossier);
        await officer.Submit(fresh, 1);
        var minted = (await secretary.Post($"/api/registry/models/{fresh}/accept", new { version = 2 })).Expect(HttpStatusCode.OK)
            .Body.GetProperty("registryCode").GetString();
        Assert.Equal($"CM-2019-{sequence + 1:0000}", minted);
    }

    [Fact]
    public async Task A_file_with_an_error_in_every_column_names_each_one_in_Vietnamese_and_stores_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var (periodId, period) = await admin.HistoricPeriod();
        var book = new RegisterWorkbook();
        var row = DirectoryScenarios.Unique("E");
        var bad = book.Model(row, new string('x', 301), period);
        bad["Loại"] = "mo hinh la";
        bad["Đơn vị"] = "Phường 99";
        bad["Kỳ thi đua"] = "Kỳ không có";
        bad["Lĩnh vực"] = "thể thao";
        bad["Cấp"] = "cap xa";
        bad["Ngày đăng ký"] = "31/02/2021";
        bad["Kinh phí (đồng)"] = "1,500";
        bad["Ngày công"] = "12,5";
        bad["Ngày bắt đầu"] = "2021-13-01";
        bad["Nhân rộng từ"] = "KHONG-CO";
        book.Target(row, baseline: "nhiều", target: "100", due: "sáng mai");
        book.Step(row, "Phê duyệt", "15/03/2021");
        book.Step(row, "Công nhận", "32/01/2021");
        book.Step(DirectoryScenarios.Unique("Z"), "Gửi Ban xem xét", "01/02/2021");

        var preview = (await officer.Upload(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(0, preview.Count("new"));
        var reasons = preview.Reasons();
        void Has(string prefix, string words) =>
            Assert.True(reasons.Any(r => r.StartsWith(prefix) && r.Contains(words)), $"no “{prefix} … {words}” among:\n{string.Join("\n", reasons)}");
        Has("Sheet Hồ sơ, dòng 2, cột Tên mô hình, điển hình:", "tối đa 300 ký tự");
        Has("Sheet Hồ sơ, dòng 2, cột Loại:", "“mo hinh la” không có trong danh mục loại");
        Has("Sheet Hồ sơ, dòng 2, cột Đơn vị:", "“Phường 99” không có trong danh mục đơn vị");
        Has("Sheet Hồ sơ, dòng 2, cột Kỳ thi đua:", "không có trong danh mục kỳ thi đua");
        Has("Sheet Hồ sơ, dòng 2, cột Lĩnh vực:", "“thể thao” không có trong danh mục lĩnh vực");
        Has("Sheet Hồ sơ, dòng 2, cột Cấp:", "“cap xa” không có trong danh mục cấp");
        Has("Sheet Hồ sơ, dòng 2, cột Ngày đăng ký:", "không phải là ngày hợp lệ");
        Has("Sheet Hồ sơ, dòng 2, cột Kinh phí (đồng):", "có thể hiểu theo hai cách");
        Has("Sheet Hồ sơ, dòng 2, cột Ngày công:", "phải là số nguyên");
        Has("Sheet Hồ sơ, dòng 2, cột Ngày bắt đầu:", "không phải là ngày hợp lệ");
        Has("Sheet Hồ sơ, dòng 2, cột Nhân rộng từ:", "“KHONG-CO”");
        Has("Sheet Chỉ tiêu, dòng 2, cột Giá trị hiện tại:", "“nhiều” không phải là số");
        Has("Sheet Chỉ tiêu, dòng 2, cột Thời hạn:", "“sáng mai” không phải là ngày hợp lệ");
        Has("Sheet Lịch sử, dòng 2, cột Bước:", "“Phê duyệt” không có trong danh mục bước");
        Has("Sheet Lịch sử, dòng 3, cột Ngày:", "“32/01/2021” không phải là ngày hợp lệ");
        Has("Sheet Lịch sử, dòng 4, cột Mã dòng:", "Không có mô hình nào mang mã dòng");

        var all = (await officer.Confirm(preview.Id, "all-or-nothing")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không lưu dòng nào", all.Errors("mode").Single());
        (await officer.Confirm(preview.Id, "tất cả")).Expect(HttpStatusCode.BadRequest);
        var refused = await officer.Client.GetAsync($"/api/registry/import/{preview.Id}/refused.xlsx");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var bytes = await refused.Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Hồ sơ").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(row, rows.Single()["Mã dòng"]);
        Assert.Contains("cap xa", (string)rows.Single()["Lỗi cần sửa"]);
        (await officer.Confirm(preview.Id)).Expect(HttpStatusCode.OK);
        var stats = (await admin.Get($"/api/registry/statistics?period={periodId}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(0, stats.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Who_imports_what_follows_the_forms_roles_and_units()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.khanhhoi");
        var (_, period) = await admin.HistoricPeriod();
        var book = new RegisterWorkbook();
        var own = DirectoryScenarios.Unique("O");
        book.Model(own, DirectoryScenarios.Unique("Cá chình - bống tượng nhập "), period, unit: "CM-KH", level: "Cấp huyện");
        book.Step(own, "Gửi Ban xem xét", "01/02/2021");
        book.Step(own, "Công nhận", "01/03/2021", code: DirectoryScenarios.Unique("UM-"));
        var foreign = DirectoryScenarios.Unique("F");
        book.Model(foreign, DirectoryScenarios.Unique("Mô hình của phường khác "), period, unit: "CM-P1");
        var preview = (await officer.Upload(book.ToXlsx())).Expect(HttpStatusCode.Created);
        var reasons = preview.Reasons();
        Assert.Contains(reasons, r => r.StartsWith("Sheet Lịch sử, dòng 3, cột Bước:") && r.Contains("Chỉ Thư ký Ban"));
        Assert.Contains(reasons, r => r.StartsWith("Sheet Hồ sơ, dòng 3, cột Đơn vị:") && r.Contains("không được nhập hồ sơ của đơn vị này"));

        using var member = await app.As("uyvien.bdvtinh");
        (await member.Upload(new RegisterWorkbook().ToXlsx())).Expect(HttpStatusCode.Forbidden);
        (await member.Get("/api/registry/import/template")).Expect(HttpStatusCode.Forbidden);
        (await officer.Upload("không phải excel"u8.ToArray(), "so.xlsx")).Expect(HttpStatusCode.BadRequest);
        (await officer.Upload(new RegisterWorkbook().ToXlsx())).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_refused_rows_come_back_as_the_template_and_once_fixed_import_with_their_targets_and_history()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var (periodId, period) = await admin.HistoricPeriod();
        var template = await officer.Client.GetAsync("/api/registry/import/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(await template.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Hồ sơ", "Chỉ tiêu", "Lịch sử", "Hướng dẫn", "Danh mục"], sheets);

        var book = new RegisterWorkbook();
        var row = DirectoryScenarios.Unique("R");
        var name = DirectoryScenarios.Unique("Cán bộ tìm dân nhập ");
        book.Model(row, name, period, level: "cap xa");
        book.Target(row, baseline: "12,5", target: 40d);
        book.Step(row, "Gửi Ban xem xét", "01/02/2021");
        var preview = (await officer.Upload(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(1, preview.Count("refused"));
        var refused = await (await officer.Client.GetAsync($"/api/registry/import/{preview.Id}/refused.xlsx")).Content.ReadAsByteArrayAsync();

        // The person fixes the level in the file they got back, and uploads it as it is (with its column of reasons).
        var fixedBook = new Dictionary<string, object>();
        foreach (var sheet in new[] { "Hồ sơ", "Chỉ tiêu", "Lịch sử" })
        {
            var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(refused), useHeaderRow: true, sheetName: sheet)
                .Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
            Assert.Single(rows);
            if (sheet == "Hồ sơ") rows[0]["Cấp"] = "Cấp cơ sở";
            fixedBook[sheet] = rows;
        }
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, fixedBook, excelType: MiniExcelLibs.ExcelType.XLSX);
        var again = (await officer.Upload(buffer.ToArray(), "da-sua.xlsx")).Expect(HttpStatusCode.Created);
        Assert.Equal(1, again.Count("new"));
        (await officer.Confirm(again.Id, "all-or-nothing")).Expect(HttpStatusCode.OK);
        var model = (await officer.WaitForList($"period={periodId}", p => p.Items().Any())).Items().Single();
        Assert.Equal(name, model.GetProperty("name").GetString());
        Assert.Equal("Submitted", model.GetProperty("status").GetString());
        var target = (await officer.Model(model.GetProperty("id").GetGuid())).GetProperty("details").GetProperty("targets")[0];
        Assert.Equal(12.5m, target.GetProperty("baseline").GetDecimal());
        Assert.Equal(40m, target.GetProperty("targetValue").GetDecimal());
    }
}
