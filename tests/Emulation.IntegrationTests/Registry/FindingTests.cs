using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Net;
using System.Text;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Search, filters, paging, statistics and exports over the seeded "sơ kết 2020-2023" registrations.</summary>
[Collection(AppCollection.Name)]
public sealed class FindingTests(AppFixture app)
{
    async Task<(Api Admin, Guid Period)> SeededPeriod()
    {
        var admin = await app.As("quantri");
        var campaigns = (await admin.Get("/api/registry/campaigns")).Expect(HttpStatusCode.OK).Body;
        var period = campaigns.EnumerateArray().SelectMany(c => c.GetProperty("periods").EnumerateArray())
            .Single(p => p.GetProperty("name").GetString() == "Sơ kết 2020-2023").GetProperty("id").GetGuid();
        await admin.WaitForList($"period={period}&status=Accepted", p => p.GetProperty("total").GetInt64() == 18);
        return (admin, period);
    }

    [Fact]
    public async Task Filters_sorting_and_paging_work_together()
    {
        var (admin, period) = await SeededPeriod();
        using var _ = admin;
        var page2 = (await admin.Get($"/api/registry/models?period={period}&status=Accepted&sort=code&page=2&pageSize=5")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(18, page2.GetProperty("total").GetInt64());
        var codes = page2.Items().Select(i => i.GetProperty("registryCode").GetString()).ToList();
        Assert.Equal(["CM-2023-0006", "CM-2023-0007", "CM-2023-0008", "CM-2023-0009", "CM-2023-0010"], codes);

        var district = (await admin.Get($"/api/registry/models?period={period}&level=huyen&field=kinh-te&status=Accepted")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(new[] { "Cá chình - bống tượng", "Đưa màu xuống ruộng", "Nuôi cua đinh thương phẩm" }.Order(StringComparer.Ordinal),
            district.Items().Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

        var search = (await admin.Get($"/api/registry/models?q={Uri.EscapeDataString("DUA MAU xuong")}&period={period}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(2, search.GetProperty("total").GetInt64());
        var byCode = (await admin.Get("/api/registry/models?q=cm-2023-0013")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", byCode.Items().Single().GetProperty("name").GetString());
        Assert.Equal(1, byCode.Items().Single().GetProperty("nearDuplicateCount").GetInt32());

        var huge = (await admin.Get($"/api/registry/models?period={period}&pageSize=100000")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(200, huge.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task A_unit_subtree_includes_the_units_merged_into_it()
    {
        using var admin = await app.As("quantri");
        var caMau = await admin.UnitId("CM");
        var found = await admin.WaitForList($"unit={caMau}&q={Uri.EscapeDataString("giờ làm việc thứ 9")}", p => p.Items().Any());
        Assert.Equal("Phường Nhà Mát", found.Items().Single().GetProperty("unitName").GetString());

        var thanhHoa = await admin.UnitId("TH");
        var elsewhere = (await admin.Get($"/api/registry/models?unit={thanhHoa}&q={Uri.EscapeDataString("giờ làm việc")}")).Expect(HttpStatusCode.OK).Body;
        Assert.Empty(elsewhere.Items());
    }

    [Fact]
    public async Task Statistics_count_by_level_field_status_and_unit_on_the_same_filters()
    {
        var (admin, period) = await SeededPeriod();
        using var _ = admin;
        var stats = (await admin.Get($"/api/registry/statistics?period={period}&status=Accepted")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(18, stats.GetProperty("total").GetInt64());
        var byLevel = stats.GetProperty("byLevel").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("value").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["co-so"] = 2, ["huyen"] = 8, ["tinh"] = 8 }, byLevel);
        Assert.Equal(3, stats.GetProperty("byUnit").EnumerateArray().First(u => u.GetProperty("label").GetString() == "Hội Liên hiệp Phụ nữ tỉnh Cà Mau").GetProperty("value").GetInt64());
        Assert.Equal("18 mô hình, điển hình (18 mô hình, 0 điển hình), trong đó: 2 cấp cơ sở, 8 cấp huyện, 8 cấp tỉnh.", stats.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task The_filtered_list_exports_to_csv_and_excel()
    {
        var (admin, period) = await SeededPeriod();
        using var _ = admin;
        var csv = await admin.Client.GetByteArrayAsync($"/api/registry/models/export?format=csv&period={period}&status=Accepted");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var lines = new List<string[]>();
        foreach (var record in reader) lines.Add(record.ToArray());
        Assert.Equal(19, lines.Count);
        Assert.Equal(["STT", "Mã đăng ký", "Tên mô hình, điển hình", "Loại"], lines[0][..4]);
        var row = lines.Single(l => l[1] == "CM-2023-0009");
        Assert.Equal("Đưa màu xuống ruộng", row[2]);
        Assert.Equal("CM-2023-0001", row[13]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", row[12]);

        var xlsx = await admin.Client.GetByteArrayAsync($"/api/registry/models/export?format=xlsx&period={period}&status=Accepted");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        Assert.Equal("Sổ đăng ký mô hình", book.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var sheet = book.WorksheetParts.Single().Worksheet;
        Assert.Equal(19, sheet.Descendants<Row>().Count());
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString
            ? book.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(c.InnerText)).InnerText : c.InnerText;
        Assert.Equal("Ngày quyết định", Text(cells["M1"]));
        Assert.Contains(Enumerable.Range(2, 18), r => Text(cells[$"C{r}"]) == "Tiết kiệm giúp nhau xóa đói, giảm nghèo");
        Assert.Equal(Enumerable.Range(1, 18).Select(i => (double)i), Enumerable.Range(2, 18).Select(r => double.Parse(cells[$"A{r}"].CellValue!.Text, CultureInfo.InvariantCulture)));
        var decided = DateTime.FromOADate(double.Parse(cells["M2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.InRange(decided.Year, 2020, DateTime.UtcNow.Year);
        Assert.Equal(14, sheet.Descendants<Column>().Count());
    }
}
