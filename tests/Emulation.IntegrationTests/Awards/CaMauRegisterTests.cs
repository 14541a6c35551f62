using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Npgsql;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.IntegrationTests.Awards;

/// <summary>Issue 10: loaded with registers of Cà Mau's 2020-2023 size (generated here, not copied), the sơ kết report says
/// what that province's own report said: 3,427 models at grassroots and district level, 1,007 at provincial level, 340
/// collectives and 643 individuals commended. Everything goes in the way a province brings it: the register workbook
/// through the Registry's import, the commendations workbook through Awards' import. On a host and a database of its own,
/// so 4,434 models do not crowd the shared run's lists and feeds.</summary>
public sealed class CaMauRegisterTests(DemoHost isolated) : IClassFixture<DemoHost>
{
    static readonly bool Small = Environment.GetEnvironmentVariable("EMULATION_TEST_SMALL") == "1";
    static readonly int Grassroots = Small ? 6 : 2286, District = Small ? 3 : 1141, Provincial = Small ? 2 : 1007, Collectives = Small ? 3 : 340, Individuals = Small ? 4 : 643;

    [Fact]
    public async Task The_report_of_the_imported_registers_says_what_the_provinces_own_report_said()
    {
        using var http = await isolated.Host.SignInAsync("quantri", TimeSpan.FromMinutes(5));
        var admin = new Api(http);
        var (_, label) = await admin.HistoricPeriod();
        var campaignName = label[..label.IndexOf(" — ", StringComparison.Ordinal)];

        var dossiers = new List<Dictionary<string, object?>>();
        var history = new List<Dictionary<string, object?>>();
        var total = Grassroots + District + Provincial;
        for (var i = 0; i < total; i++)
        {
            var code = $"CM{i:00000}";
            var level = i < Grassroots ? "Cấp cơ sở" : i < Grassroots + District ? "Cấp huyện" : "Cấp tỉnh";
            var registered = new DateTime(2020, 2, 1).AddDays(i * 1300 / total);
            dossiers.Add(new()
            {
                ["Mã dòng"] = code, ["Loại"] = (i % 10) switch { 8 => "Điển hình tập thể", _ => "Mô hình" },
                ["Tên mô hình, điển hình"] = $"Mô hình dân vận khéo số {i + 1}", ["Đơn vị"] = "CM-P1", ["Kỳ thi đua"] = label,
                ["Lĩnh vực"] = (i % 3) switch { 0 => "Kinh tế", 1 => "Văn hóa - xã hội", _ => "Quốc phòng - an ninh" }, ["Cấp"] = level,
                ["Ngày đăng ký"] = registered
            });
            history.Add(new() { ["Mã dòng"] = code, ["Bước"] = "Gửi Ban xem xét", ["Ngày"] = registered.AddDays(3), ["Mã đăng ký"] = null });
            history.Add(new() { ["Mã dòng"] = code, ["Bước"] = "Công nhận", ["Ngày"] = registered.AddDays(30), ["Mã đăng ký"] = $"CM-{registered.AddDays(30).Year}-{i + 1:00000}" });
        }
        var register = Workbook(new() { ["Hồ sơ"] = dossiers, ["Lịch sử"] = history });
        var preview = await Upload(http, "/api/registry/import", register, "so-dang-ky-2020-2023.xlsx");
        Assert.True(preview.Status == HttpStatusCode.Created, preview.Raw[..Math.Min(2000, preview.Raw.Length)]);
        Assert.True(total == preview.Body.GetProperty("counts").GetProperty("new").GetInt32(), string.Join("\n", preview.Body.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("errors").EnumerateArray()).Select(e => e.GetProperty("text").GetString()).Take(5)));
        (await admin.Post($"/api/registry/import/{preview.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-or-nothing" })).Expect(HttpStatusCode.OK);

        var campaign = await WaitForCampaign(admin, campaignName);
        var commendations = Enumerable.Range(0, Collectives + Individuals).Select(i => new Dictionary<string, object?>
        {
            ["Mã dòng"] = $"KT{i:0000}", ["Đợt thi đua"] = campaignName, ["Đối tượng"] = i < Collectives ? "Tập thể" : "Cá nhân",
            ["Tên tập thể, cá nhân"] = i < Collectives ? $"Tập thể số {i + 1}" : $"Nguyễn Văn {i + 1}", ["Đơn vị"] = "CM-P1",
            ["Hình thức khen thưởng"] = i % 4 == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen của Chủ tịch UBND huyện",
            ["Số quyết định"] = $"{100 + i % 50}/QĐ-UBND", ["Ngày quyết định"] = $"15/0{6 + i % 3}/202{1 + i % 3}"
        }).ToList();
        var given = await Upload(http, "/api/awards/import/commendations", Workbook(new() { ["Khen thưởng"] = commendations }), "so-khen-thuong.xlsx");
        Assert.True(given.Status == HttpStatusCode.Created, given.Raw[..Math.Min(2000, given.Raw.Length)]);
        Assert.True(Collectives + Individuals == given.Body.GetProperty("counts").GetProperty("new").GetInt32(), string.Join("\n", given.Body.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("errors").EnumerateArray()).Select(e => e.GetProperty("text").GetString()).Take(5)));
        (await admin.Post($"/api/awards/import/commendations/{given.Body.GetProperty("id").GetGuid()}/confirm", new { mode = "all-valid" })).Expect(HttpStatusCode.OK);
        var again = await Upload(http, "/api/awards/import/commendations", Workbook(new() { ["Khen thưởng"] = commendations }), "so-khen-thuong.xlsx");
        Assert.Equal(Collectives + Individuals, again.Body.GetProperty("counts").GetProperty("unchanged").GetInt32());

        var query = $"campaign={campaign}&on=31/12/2023";
        JsonElement totals = default;
        for (var waited = 0; waited < 600; waited += 5)
        {
            totals = (await admin.Get($"/api/awards/reports/campaign?{query}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
            if (totals.GetProperty("accepted").GetInt32() == total) break;
            await Task.Delay(5000);
        }
        Assert.Equal(total, totals.GetProperty("accepted").GetInt32());
        Assert.Equal(Grassroots + District, totals.GetProperty("acceptedBelowProvince").GetInt32());
        Assert.Equal(3427, totals.GetProperty("acceptedBelowProvince").GetInt32());
        Assert.Equal(1007, totals.GetProperty("byLevel").EnumerateArray().Single(l => l.GetProperty("levelCode").GetString() == "tinh").GetProperty("accepted").GetInt32());
        Assert.Equal(340, totals.GetProperty("commendedCollectives").GetInt32());
        Assert.Equal(643, totals.GetProperty("commendedIndividuals").GetInt32());

        using var word = WordprocessingDocument.Open(new MemoryStream(await http.GetByteArrayAsync($"/api/awards/reports/campaign/docx?{query}")), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.Contains("cấp cơ sở và cấp huyện 3.427, cấp tỉnh 1.007"));
        Assert.Contains(paragraphs, p => p.Contains("Đã khen thưởng 340 tập thể và 643 cá nhân"));

        // The imported history keeps its dates: at the end of 2021 only what the register had accepted by then counts.
        var early = (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}&on=31/12/2021")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        var expected = Enumerable.Range(0, total).Count(i => new DateTime(2020, 2, 1).AddDays(i * 1300 / total + 30) <= new DateTime(2021, 12, 31));
        Assert.Equal(expected, early.GetProperty("accepted").GetInt32());
        Assert.Equal(Enumerable.Range(0, Collectives).Count(i => i % 3 == 0), early.GetProperty("commendedCollectives").GetInt32());
    }

    /// <summary>The campaign's id from the Registry, once Awards' copy knows it (the report answers 404 until then).</summary>
    static async Task<Guid> WaitForCampaign(Api admin, string name)
    {
        var campaigns = (await admin.Get("/api/registry/campaigns")).Expect(HttpStatusCode.OK).Body;
        var id = campaigns.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        for (var waited = 0; waited < 600; waited += 2)
        {
            if ((await admin.Get($"/api/awards/reports/campaign?campaign={id}")).Status == HttpStatusCode.OK) return id;
            await Task.Delay(2000);
        }
        throw new TimeoutException($"the campaign {name} did not reach Awards in 10 minutes");
    }

    static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    static async Task<Reply> Upload(HttpClient http, string url, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", name);
        using var response = await http.PostAsync(url, form);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw.StartsWith('{') ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }
}

/// <summary>A host in a process of its own, on a database of its own, with the demo data seeded: for a test whose data would
/// crowd the shared run's.</summary>
public sealed class DemoHost : IAsyncLifetime
{
    readonly string _admin = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")!;
    readonly string _database = $"emulation_demo_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Admin($"create database \"{_database}\"");
        var connection = new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 30 };
        Host = await HostProcess.StartAsync(connection.ConnectionString, new Dictionary<string, string> { ["DemoData__Seed"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Admin($"drop database if exists \"{_database}\" with (force)");
    }

    async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
