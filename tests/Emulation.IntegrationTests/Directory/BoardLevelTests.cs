using System.Net;
using System.Net.Http.Json;
using Emulation.Directory.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Directory;

/// <summary>A board covers one of the catalog's levels in use (ADR 0063): a level the province adds to the Registry's
/// catalog reaches the Directory through the catalog's feed and can be covered; a level taken out of use, or unknown,
/// is refused on the field.</summary>
[Collection(AppCollection.Name)]
public sealed class BoardLevelTests(AppFixture app)
{
    /// <summary>A level in use and one out of use added to the Registry's catalog, once the Directory's copy holds both.</summary>
    async Task<(string Added, string Retired)> AddLevelsAsync(Api admin)
    {
        var catalog = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        var (added, retired) = (DirectoryScenarios.Unique("cap-ap-"), DirectoryScenarios.Unique("cap-to-"));
        var levels = catalog.GetProperty("levels").EnumerateArray()
            .Select(l => new { code = l.GetProperty("code").GetString(), name = l.GetProperty("name").GetString(), active = l.GetProperty("active").GetBoolean() })
            .Append(new { code = (string?)added, name = (string?)("Cấp ấp, khóm " + added[^6..]), active = true })
            .Append(new { code = (string?)retired, name = (string?)("Cấp tổ " + retired[^6..]), active = false }).ToList();
        var fields = catalog.GetProperty("fields").EnumerateArray()
            .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() });
        var saved = await admin.Client.PutAsJsonAsync("/api/registry/catalog", new { fields, levels, version = catalog.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var store = app.Services.GetRequiredService<IDocumentStore>();
        for (var i = 0; i < 200; i++)
        {
            await using var session = store.QuerySession();
            if ((await session.LoadAsync<BoardLevels>(BoardLevels.Key))?.Levels.Any(l => l.Code == retired) == true) break;
            await Task.Delay(50);
        }
        return (added, retired);
    }

    [Fact]
    public async Task A_board_covers_a_level_the_province_added_to_the_catalog_but_not_one_out_of_use_or_unknown()
    {
        using var admin = await app.As("quantri");
        var (added, retired) = await AddLevelsAsync(admin);

        var commune = DirectoryScenarios.Unique("CM-AP");
        await admin.CreateUnit(commune, "Xã Thử Cấp " + commune[^6..], "Commune", "CM-TVT");
        var board = commune + "-BCD";
        Guid? parent = await admin.UnitId(commune);
        await admin.CreateUnit(board, "Ban Chỉ đạo ấp " + commune[^6..], "Board", commune, added);
        foreach (var level in new[] { retired, "khong-co-cap-nay" })
        {
            var refused = (await admin.Post("/api/directory/units",
                new { code = DirectoryScenarios.Unique("CM-BAN"), name = "Ban không hợp lệ", kind = "Board", parentId = parent, coversLevel = level, effectiveFrom = "2020-01-01" }))
                .Expect(HttpStatusCode.BadRequest);
            var message = Assert.Single(refused.Errors("coversLevel"));
            Assert.Contains($"Cấp “{level}” không có trong danh sách cấp đang dùng", message);
            Assert.Contains("Cấp ấp, khóm " + added[^6..], message);
        }

        var page = await admin.Client.GetStringAsync("/quan-tri/don-vi?q=" + board);
        Assert.Contains("theo dõi Cấp ấp, khóm " + added[^6..], page);
    }

    /// <summary>The Directory's Excel import offers and checks the same levels as the units page: a new board in the file
    /// covers a level the province added (by its name, as the drop-down writes it), not one taken out of use.</summary>
    [Fact]
    public async Task The_directory_import_offers_the_catalogs_levels_and_refuses_a_new_board_on_a_level_out_of_use()
    {
        using var admin = await app.As("quantri");
        var (added, retired) = await AddLevelsAsync(admin);
        var template = await admin.Download("/api/directory/import/template");
        var lists = MiniExcelLibs.MiniExcel.Query(new MemoryStream(template), sheetName: "Danh mục").SelectMany(r => ((IDictionary<string, object?>)r).Values)
            .Select(v => v?.ToString()).ToList();
        Assert.Contains("Cấp ấp, khóm " + added[^6..], lists);

        var s = DirectoryScenarios.Unique("");
        string commune = $"L{s}", board = $"L{s}-BCD", stale = $"L{s}-BTO";
        var book = new DirectoryWorkbook();
        book.Unit(commune, $"Xã Cấp Mới {s}", "commune", "CM-TVT", from: "01/01/2020");
        book.Unit(board, $"Ban Chỉ đạo ấp {s}", "Ban Dân vận, Ban Chỉ đạo", commune, from: "01/01/2020", level: "Cấp ấp, khóm " + added[^6..]);
        book.Unit(stale, $"Ban Chỉ đạo tổ {s}", "Ban Dân vận, Ban Chỉ đạo", commune, from: "01/01/2020", level: retired);
        var preview = (await admin.UploadDirectory(book.ToXlsx())).Expect(HttpStatusCode.Created);
        Assert.Equal("New", preview.Row("Đơn vị", board).GetProperty("fate").GetString());
        var refused = preview.Row("Đơn vị", stale);
        Assert.Equal("Refused", refused.GetProperty("fate").GetString());
        Assert.Contains("danh sách cấp đang dùng", refused.ToString());

        (await admin.ConfirmDirectory(preview.Id)).Expect(HttpStatusCode.OK);
        Assert.Equal(added, (await admin.Unit(board)).GetProperty("coversLevel").GetString());
        var export = await admin.Download("/api/directory/import/export");
        var row = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true, sheetName: "Đơn vị")
            .Cast<IDictionary<string, object?>>().Single(r => r["Mã đơn vị"]?.ToString() == board);
        Assert.Equal("Cấp ấp, khóm " + added[^6..], row["Cấp mô hình Ban theo dõi"]?.ToString());
    }
}
