using System.Net;
using MiniExcelLibs;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The register template round-trips (ADR 0036): a register imported, exported as the import workbook, holds the
/// same dossiers, targets and history on their original days, and importing that export changes nothing; a model
/// registered on the form comes back refused, never stored twice.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterExportTests(AppFixture app)
{
    [Fact]
    public async Task A_register_exported_as_the_template_reads_back_as_the_same_data_and_reimports_unchanged()
    {
        using var admin = await app.As("quantri");
        using var secretary = await app.As("thuky.phuong1");
        var (periodId, period) = await admin.HistoricPeriod(codeYear: 2018);
        var code = $"CM-2018-{Random.Shared.Next(100_000, 900_000)}";
        var (a, b, c) = (DirectoryScenarios.Unique("A"), DirectoryScenarios.Unique("B"), DirectoryScenarios.Unique("C"));
        var nameA = DirectoryScenarios.Unique("Chợ quê không rác nhập ");
        var book = new RegisterWorkbook();
        book.Model(a, nameA, period, registeredOn: "05/01/2021");
        book.Target(a, baseline: "60", target: 100d, due: new DateTime(2023, 12, 31));
        book.Step(a, "Gửi Ban xem xét", "10/01/2021");
        book.Step(a, "Công nhận", new DateTime(2021, 3, 15), code: code);
        book.Model(b, DirectoryScenarios.Unique("Nhà văn hóa ấp sáng đèn nhập "), period, registeredOn: new DateTime(2021, 2, 1));
        book.Step(b, "Gửi Ban xem xét", "03/02/2021");
        book.Step(b, "Trả lại để bổ sung", "02/04/2021", reason: "Bổ sung chỉ tiêu đo được");
        book.Model(c, DirectoryScenarios.Unique("Chợ quê không rác nhân rộng nhập "), period, registeredOn: "01/06/2021")["Nhân rộng từ"] = a;
        book.Step(c, "Gửi Ban xem xét", "01/06/2021");
        var first = (await secretary.Upload(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal((3, 0), (first.Count("new"), first.Count("refused")));
        (await secretary.Confirm(first.Id)).Expect(HttpStatusCode.OK);
        // Beside them, a model registered on the form and rejected: its name is free again, so only its row code can
        // tell an import that it is already in the register.
        using var officer = await app.As("canbo.phuong1");
        var formName = DirectoryScenarios.Unique("Mô hình đăng ký bằng biểu mẫu ");
        var (onForm, _) = await officer.Draft(RegistryScenarios.Dossier(periodId, formName));
        await officer.Submit(onForm, 1);
        (await secretary.Post($"/api/registry/models/{onForm}/reject", new { version = 2, reason = "Chưa đủ điều kiện" })).Expect(HttpStatusCode.OK);
        await admin.WaitForList($"period={periodId}", p => p.Items().Count() == 4);

        using var response = await secretary.Client.GetAsync($"/api/registry/models/export?period={periodId}&format=template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.Content.ReadAsByteArrayAsync();
        List<IDictionary<string, object?>> Sheet(string name) =>
            new MemoryStream(export).Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
        var dossiers = Sheet("Hồ sơ").ToDictionary(r => (string)r["Mã dòng"]!);
        var formCode = $"MH-{onForm:N}".ToUpperInvariant();
        Assert.Equal(new[] { a, b, c, formCode }.Order().ToArray(), dossiers.Keys.Order().ToArray());
        Assert.Equal(formName, dossiers[formCode]["Tên mô hình, điển hình"]);
        var rowA = dossiers[a];
        Assert.Equal(nameA, rowA["Tên mô hình, điển hình"]);
        Assert.Equal("Phường 1 (CM-P1)", rowA["Đơn vị"]);
        Assert.Equal(period, rowA["Kỳ thi đua"]);
        Assert.Equal("Cấp cơ sở", rowA["Cấp"]);
        Assert.Equal(new DateTime(2021, 1, 5), rowA["Ngày đăng ký"]);
        Assert.Equal(1_500_000m, Convert.ToDecimal(rowA["Kinh phí (đồng)"]));
        Assert.Equal(code, dossiers[c]["Nhân rộng từ"]);
        var target = Assert.Single(Sheet("Chỉ tiêu"), r => (string)r["Mã dòng"]! == a);
        Assert.Equal((60m, 100m, new DateTime(2023, 12, 31)), (Convert.ToDecimal(target["Giá trị hiện tại"]), Convert.ToDecimal(target["Giá trị mục tiêu"]), target["Thời hạn"]));
        var steps = Sheet("Lịch sử").Where(r => (string)r["Mã dòng"]! != formCode).Select(r => $"{r["Mã dòng"]}|{r["Bước"]}|{(DateTime)r["Ngày"]!:dd/MM/yyyy}|{r["Mã đăng ký"]}|{r["Lý do, ghi chú"]}").Order().ToArray();
        Assert.Equal(new[]
        {
            $"{a}|Công nhận|15/03/2021|{code}|", $"{a}|Gửi Ban xem xét|10/01/2021||", $"{b}|Gửi Ban xem xét|03/02/2021||",
            $"{b}|Trả lại để bổ sung|02/04/2021||Bổ sung chỉ tiêu đo được", $"{c}|Gửi Ban xem xét|01/06/2021||"
        }.Order().ToArray(), steps);

        var again = (await secretary.Upload(export, "so-dang-ky-xuat.xlsx")).Expect(HttpStatusCode.Created);
        Assert.Equal((3, 0, 0, 1), (again.Count("unchanged"), again.Count("new"), again.Count("updated"), again.Count("refused")));
        Assert.Equal([$"Sheet Hồ sơ, dòng {again.Rows().Single(r => r.GetProperty("fate").GetString() == "Refused").GetProperty("row").GetInt32()}, cột Mã dòng: " +
            $"Mô hình “{formName}” đã có trong sổ (đăng ký bằng biểu mẫu); sửa trên trang của mô hình, không nhập lại."], again.Reasons());
    }
}
