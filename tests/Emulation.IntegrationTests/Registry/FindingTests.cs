using System.IO.Compression;
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
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(19, lines.Length);
        Assert.StartsWith("STT,Mã đăng ký,\"Tên mô hình, điển hình\",Loại,", lines[0]);
        Assert.Contains(lines, l => l.Contains("CM-2023-0009") && l.Contains("Đưa màu xuống ruộng") && l.Contains("CM-2023-0001"));

        var xlsx = await admin.Client.GetByteArrayAsync($"/api/registry/models/export?format=xlsx&period={period}&status=Accepted");
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = await reader.ReadToEndAsync();
        Assert.Equal(19, sheet.Split("<row ").Length - 1);
        Assert.Contains("Tiết kiệm giúp nhau xóa đói, giảm nghèo", sheet);
    }
}
