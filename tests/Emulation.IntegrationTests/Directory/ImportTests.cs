using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace Emulation.IntegrationTests.Directory;

/// <summary>The Directory's Excel import (ADR 0041): a unit tree with its parents and merges, people and their roles,
/// previewed before anything is stored, appended as the Directory's own events, and followed by the copies of other
/// modules through the feed.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportTests(AppFixture app)
{
    const string Units = "Đơn vị", People = "Người dùng", Roles = "Vai trò";

    [Fact]
    public async Task A_fresh_tree_with_children_before_parents_a_merge_and_people_is_stored_on_confirmation_and_reaches_the_registry()
    {
        using var admin = await app.As("quantri");
        var s = DirectoryScenarios.Unique("");
        string district = $"T{s}", a = $"T{s}-A", b = $"T{s}-B", board = $"T{s}-BDV", officer = $"canbo.nhap{s}", secretary = $"thuky.nhap{s}";
        var book = new DirectoryWorkbook();
        book.Unit(a, $"Xã Tân Nhập {s}", "Xã, phường, đặc khu", district, from: new DateTime(2020, 1, 1));
        book.Unit(b, $"Xã Tân Hòa {s}", "commune", district, from: "01/01/2020", mergedInto: a, mergedOn: "01/07/2025");
        book.Unit(district, $"Huyện Nhập {s}", "Cấp huyện", "CM", from: new DateTime(2020, 1, 1));
        book.Unit(board, $"Ban Dân vận Huyện ủy Nhập {s}", "Ban Dân vận, Ban Chỉ đạo", district, from: "01/01/2020", level: "cấp huyện");
        book.Person(officer, "Nguyễn Văn Nhập", "Công chức Văn hóa - Xã hội", $"{officer}@example.vn");
        book.Person(secretary, "Trần Thị Thư", "Chuyên viên Ban Dân vận");
        book.Role(officer, "Cán bộ đơn vị", a);
        book.Role(secretary, "Thư ký Ban", board);
        book.Role(secretary, "thanh vien ban", board);
        var file = book.ToXlsx();

        var preview = (await admin.UploadDirectory(file)).Expect(HttpStatusCode.Created);
        Assert.True(preview.Count("refused") == 0, string.Join("\n", preview.Reasons()));
        Assert.Equal(9, preview.Count("new"));
        Assert.Contains("sáp nhập vào " + a, preview.Row(Units, b).GetProperty("note").GetString());
        Assert.DoesNotContain(await Codes(admin), c => c == district); // nothing is stored before confirmation

        var confirmed = (await admin.ConfirmDirectory(preview.Id)).Expect(HttpStatusCode.OK);
        Assert.Equal(9, confirmed.Body.GetProperty("stored").GetProperty("new").GetInt32());
        (await admin.ConfirmDirectory(preview.Id)).Expect(HttpStatusCode.Conflict);

        var districtUnit = await admin.Unit(district);
        Assert.Equal(await admin.UnitId("CM"), districtUnit.GetProperty("parentId").GetGuid());
        var unitA = await admin.Unit(a);
        Assert.Equal(districtUnit.GetProperty("id").GetGuid(), unitA.GetProperty("parentId").GetGuid());
        var unitB = await admin.Unit(b);
        Assert.False(unitB.GetProperty("active").GetBoolean());
        Assert.Equal(unitA.GetProperty("id").GetGuid(), unitB.GetProperty("mergedInto").GetGuid());
        Assert.Equal("huyen", (await admin.Unit(board)).GetProperty("coversLevel").GetString());
        var history = (await admin.Get($"/api/directory/units/{unitB.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK).Body.GetProperty("history");
        Assert.Contains("từ ngày 01/07/2025", history[1].GetProperty("summary").GetString());
        Assert.Contains("Nhập từ Excel", history[1].GetProperty("summary").GetString());

        var people = (await admin.Get("/api/directory/people")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();
        var imported = people.Single(p => p.GetProperty("userName").GetString() == officer);
        Assert.Equal("officer", imported.GetProperty("roles").EnumerateArray().Single().GetProperty("role").GetString());
        Assert.Equal(2, people.Single(p => p.GetProperty("userName").GetString() == secretary).GetProperty("roles").GetArrayLength());

        // No password came with the file: the account cannot sign in until an administrator sets one.
        using var anonymous = app.Anonymous();
        var refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = officer, password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = officer, password = "DanVanKheo2025" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var id = imported.GetProperty("id").GetGuid();
        (await admin.Post($"/api/directory/people/{id}/password", new { password = "NhapExcel2026", version = imported.GetProperty("version").GetInt64() }))
            .Expect(HttpStatusCode.OK);

        await app.WaitForFeed();
        var period = await admin.OpenPeriod();
        using var signedIn = await app.As(officer, "NhapExcel2026");
        var (model, _) = await signedIn.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Mô hình của xã nhập ")));
        Assert.Equal(unitA.GetProperty("id").GetGuid(), (await signedIn.Model(model)).GetProperty("unit").GetProperty("id").GetGuid());
        var listed = await signedIn.WaitForList($"period={period}", p => p.Items().Any());
        Assert.Equal($"Xã Tân Nhập {s}", Assert.Single(listed.Items()).GetProperty("unitName").GetString());

        var again = (await admin.UploadDirectory(file)).Expect(HttpStatusCode.Created);
        Assert.Equal(9, again.Count("unchanged"));
        var unitVersion = (await admin.Unit(b)).GetProperty("version").GetInt64();
        (await admin.ConfirmDirectory(again.Id, "all-or-nothing")).Expect(HttpStatusCode.OK);
        Assert.Equal(unitVersion, (await admin.Unit(b)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_directory_exported_as_a_filled_template_imports_as_every_row_unchanged()
    {
        using var admin = await app.As("quantri");
        var export = await admin.Download("/api/directory/import/export");
        var preview = (await admin.UploadDirectory(export, "xuat.xlsx")).Expect(HttpStatusCode.Created);
        Assert.True(preview.Count("unchanged") == preview.Counts().GetProperty("total").GetInt32(),
            string.Join("\n", preview.Rows().Where(r => r.GetProperty("fate").GetString() != "Unchanged").Select(r => r.ToString())));
        Assert.Contains(preview.Rows(), r => r.GetProperty("sheet").GetString() == Units && r.GetProperty("key").GetString() == "BL");
        Assert.Contains(preview.Rows(), r => r.GetProperty("sheet").GetString() == People && r.GetProperty("key").GetString() == "canbo.phuong1");
        Assert.Contains(preview.Rows(), r => r.GetProperty("sheet").GetString() == Roles);
    }

    [Fact]
    public async Task A_change_of_name_and_parent_appends_the_directorys_own_events_from_the_date_in_the_file()
    {
        using var admin = await app.As("quantri");
        var s = DirectoryScenarios.Unique("");
        await admin.CreateUnit($"R{s}", $"Hội Khuyến học {s}", "MassOrganisation", "CM");
        await admin.CreateUnit($"R{s}-C", $"Chi hội {s}", "MassOrganisation", $"R{s}");
        var book = new DirectoryWorkbook();
        book.Unit($"R{s}-C", $"Chi hội Khuyến học {s}", "Mặt trận, đoàn thể", "CM-HND", from: "15/03/2024");
        var preview = (await admin.UploadDirectory(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(1, preview.Count("updated"));
        (await admin.ConfirmDirectory(preview.Id)).Expect(HttpStatusCode.OK);
        var unit = await admin.Unit($"R{s}-C");
        Assert.Equal($"Chi hội Khuyến học {s}", unit.GetProperty("name").GetString());
        Assert.Equal(await admin.UnitId("CM-HND"), unit.GetProperty("parentId").GetGuid());
        Assert.Equal(3, unit.GetProperty("version").GetInt64());
        Assert.Equal(new DateOnly(2024, 3, 15), unit.GetProperty("names")[1].GetProperty("from").Deserialize<DateOnly>());
    }

    [Fact]
    public async Task A_file_with_an_error_in_every_column_names_each_one_in_Vietnamese_and_stores_nothing()
    {
        using var admin = await app.As("quantri");
        var s = DirectoryScenarios.Unique("");
        var book = new DirectoryWorkbook();
        book.Unit($"E{s}-1", new string('x', 201), "cap xa", $"KHONG{s}", from: "31/02/2021", level: "cấp thôn", mergedInto: $"E{s}-2");
        book.Unit($"E{s}-2", $"Xã vòng {s}", "commune", $"E{s}-3");
        book.Unit($"E{s}-3", $"Xã vòng lặp {s}", "commune", $"E{s}-2");
        book.Unit("mã có dấu", $"Xã sai mã {s}", "commune", "CM-TP");
        book.Unit($"E{s}-5", $"Xã trùng {s}", "commune", $"KHONG{s}");
        book.Unit($"E{s}-5", $"Xã trùng lần hai {s}", "commune", "CM-TP");
        book.Unit("CM-P1", "Phường 1", "district", "CM-TP");
        book.Unit($"E{s}-6", $"Phường sáp nhập {s}", "commune", "CM-TP", from: "01/01/2099", mergedOn: "01/07/2025");
        book.Unit($"E{s}-7", $"Ấp con {s}", "commune", $"E{s}-5");
        book.Person($"Nguyễn{s}", "Nguyễn Văn Sai", null, "khong-phai-thu");
        book.Person($"nhap{s}", new string('y', 101), new string('z', 201));
        book.Person($"trong{s}", "");
        book.Role($"khongco{s}", "quản trị hệ thống", $"KHONG{s}");
        book.Role("canbo.phuong1", "Thư ký Ban", "CM-P5");
        book.Role($"nhap{s}", "Cán bộ đơn vị", "CM-P1");

        var preview = (await admin.UploadDirectory(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal(0, preview.Count("new") + preview.Count("updated"));
        var reasons = preview.Reasons();
        void Has(string prefix, string words) =>
            Assert.True(reasons.Any(r => r.StartsWith(prefix) && r.Contains(words)), $"no “{prefix} … {words}” among:\n{string.Join("\n", reasons)}");
        Has("Sheet Đơn vị, dòng 2, cột Tên đơn vị:", "tối đa 200 ký tự");
        Has("Sheet Đơn vị, dòng 2, cột Loại đơn vị:", "“cap xa” không có trong danh mục loại đơn vị");
        Has("Sheet Đơn vị, dòng 2, cột Cấp mô hình Ban theo dõi:", "“cấp thôn” không có trong danh mục cấp");
        Has("Sheet Đơn vị, dòng 2, cột Ngày áp dụng:", "");
        Has("Sheet Đơn vị, dòng 2, cột Ngày sáp nhập:", "Ghi ngày sáp nhập");
        Has("Sheet Đơn vị, dòng 3, cột Mã đơn vị cấp trên:", "Vòng lặp cấp trên");
        Has("Sheet Đơn vị, dòng 4, cột Mã đơn vị cấp trên:", "Vòng lặp cấp trên");
        Has("Sheet Đơn vị, dòng 5, cột Mã đơn vị:", "chữ in hoa không dấu");
        Has("Sheet Đơn vị, dòng 6, cột Mã đơn vị cấp trên:", $"Không có đơn vị mã “KHONG{s}”");
        Has("Sheet Đơn vị, dòng 7, cột Mã đơn vị:", "đã có ở dòng 6");
        Has("Sheet Đơn vị, dòng 8, cột Loại đơn vị:", "loại đơn vị không đổi được");
        Has("Sheet Đơn vị, dòng 9, cột Sáp nhập vào (mã đơn vị):", "Ghi mã đơn vị tiếp nhận");
        Has("Sheet Đơn vị, dòng 9, cột Ngày áp dụng:", "không được sau hôm nay");
        Has("Sheet Đơn vị, dòng 10, cột Mã đơn vị cấp trên:", "Dòng 6");
        Has("Sheet Người dùng, dòng 2, cột Tên đăng nhập:", "chữ thường không dấu");
        Has("Sheet Người dùng, dòng 4, cột Họ và tên:", "Không được để trống");
        Has("Sheet Người dùng, dòng 2, cột Thư điện tử:", "không hợp lệ");
        Has("Sheet Người dùng, dòng 3, cột Họ và tên:", "tối đa 100 ký tự");
        Has("Sheet Người dùng, dòng 3, cột Chức vụ:", "tối đa 200 ký tự");
        Has("Sheet Vai trò, dòng 2, cột Tên đăng nhập:", "Không có người dùng");
        Has("Sheet Vai trò, dòng 2, cột Vai trò:", "không có trong danh mục vai trò");
        Has("Sheet Vai trò, dòng 2, cột Mã đơn vị:", "Không có đơn vị mã");
        Has("Sheet Vai trò, dòng 3, cột Vai trò:", "phải gắn với một Ban");
        Has("Sheet Vai trò, dòng 4, cột Tên đăng nhập:", "bị từ chối");

        // The page offers no confirmation that would store nothing: it says so and points to the refused rows.
        var page = await admin.Client.GetStringAsync($"/quan-tri/nhap-excel/{preview.Id}");
        Assert.DoesNotContain("Xác nhận nhập", page);
        Assert.Contains("Không có dòng nào để nhập", page);
        Assert.Contains($"/api/directory/import/{preview.Id}/refused.xlsx", page);

        (await admin.ConfirmDirectory(preview.Id, "all-or-nothing")).Expect(HttpStatusCode.BadRequest);
        var refused = await admin.Download($"/api/directory/import/{preview.Id}/refused.xlsx");
        var units = MiniExcel.Query(new MemoryStream(refused), useHeaderRow: true, sheetName: "Đơn vị").Cast<IDictionary<string, object?>>().ToList();
        Assert.True(units.Count == 9, string.Join("\n", units.Select(u => $"{u["Mã đơn vị"]}: {u["Lỗi cần sửa"]}")));
        Assert.Contains("Vòng lặp", units[1]["Lỗi cần sửa"]?.ToString());
        (await admin.ConfirmDirectory(preview.Id)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(await Codes(admin), c => c.StartsWith($"E{s}"));
        var people = (await admin.Get("/api/directory/people")).Expect(HttpStatusCode.OK).Body.EnumerateArray();
        Assert.DoesNotContain(people, p => p.GetProperty("userName").GetString()!.Contains(s));
    }

    [Fact]
    public async Task Only_administrators_import_and_a_stranger_gets_Vietnamese_4xx_answers()
    {
        using var officer = await app.As("canbo.phuong1");
        (await officer.Get("/api/directory/import/template")).Expect(HttpStatusCode.Forbidden);
        (await officer.UploadDirectory(new DirectoryWorkbook().ToXlsx())).Expect(HttpStatusCode.Forbidden);

        using var admin = await app.As("quantri");
        var template = await admin.Download("/api/directory/import/template");
        Assert.Equal(["Đơn vị", "Người dùng", "Vai trò", "Hướng dẫn", "Danh mục"], MiniExcel.GetSheetNames(new MemoryStream(template)));
        var empty = (await admin.UploadDirectory(template)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không có dòng nào", empty.Errors("file").Single());
        var text = (await admin.UploadDirectory("Mã đơn vị;Tên\nX;Y"u8.ToArray(), "don-vi.csv")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không phải tệp Excel", text.Errors("file").Single());

        var book = new DirectoryWorkbook();
        book.Unit(DirectoryScenarios.Unique("H"), new string('ạ', 100_000), "commune", "CM-TP");
        var huge = (await admin.UploadDirectory(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Contains(huge.Reasons(), r => r.StartsWith("Sheet Đơn vị, dòng 2, cột Tên đơn vị: Dài 100000 ký tự"));
        (await admin.ConfirmDirectory(huge.Id, "mọi dòng")).Expect(HttpStatusCode.BadRequest);
        var otherAdmin = DirectoryScenarios.Unique("quantri.");
        await admin.CreatePerson(otherAdmin, "Quản Trị Khác", "QuanTri2026", ("admin", null));
        using var other = await app.As(otherAdmin, "QuanTri2026");
        (await other.Get($"/api/directory/import/{huge.Id}")).Expect(HttpStatusCode.OK); // every import is every administrator's audit
        (await other.ConfirmDirectory(huge.Id)).Expect(HttpStatusCode.NotFound);
        (await admin.ConfirmDirectory(Guid.NewGuid())).Expect(HttpStatusCode.NotFound);
        (await admin.Get($"/api/directory/import/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_uploads_of_one_new_unit_confirmed_at_once_store_it_once_and_the_second_finds_it_unchanged()
    {
        using var admin = await app.As("quantri");
        var code = $"Q{DirectoryScenarios.Unique("")}";
        var book = new DirectoryWorkbook();
        book.Unit(code, $"Xã Đua {code}", "commune", "CM-TP");
        var file = book.ToXlsx();
        var first = (await admin.UploadDirectory(file)).Expect(HttpStatusCode.Created).Id;
        var second = (await admin.UploadDirectory(file)).Expect(HttpStatusCode.Created).Id;
        var replies = await Task.WhenAll(admin.ConfirmDirectory(first), admin.ConfirmDirectory(second));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        // The second waited at the import gate (ADR 0051) and checked the file again against what the first stored.
        Assert.Equal([(1, 0), (0, 1)], replies.Select(r => r.Body.GetProperty("stored"))
            .Select(s => (s.GetProperty("new").GetInt32(), s.GetProperty("unchanged").GetInt32())).OrderByDescending(s => s.Item1));
        Assert.Single(await Codes(admin), c => c == code);
    }

    static async Task<IEnumerable<string>> Codes(Api admin) =>
        (await admin.Get("/api/directory/units")).Expect(HttpStatusCode.OK).Body.EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
}
