using System.Net;
using System.Net.Http.Json;
using Emulation.Directory.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Directory;

/// <summary>A board covers one of the catalog's levels in use (ADR 0063): a level the province adds to the Registry's
/// catalog reaches the Directory through the catalog's feed and can be covered; a level taken out of use, or unknown,
/// is refused on the field.</summary>
[Collection(AppCollection.Name)]
public sealed class BoardLevelTests(AppFixture app)
{
    [Fact]
    public async Task A_board_covers_a_level_the_province_added_to_the_catalog_but_not_one_out_of_use_or_unknown()
    {
        using var admin = await app.As("quantri");
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

    /// <summary>ADR 0070: the administrator adds a level and at once registers a board covering it, before the catalog's
    /// feed has brought the level to the Directory (the feed is held for a second): the board waits for the feed and is
    /// registered, not refused.</summary>
    [Fact]
    public async Task A_board_covers_a_level_added_a_moment_ago_while_the_catalog_feed_is_behind()
    {
        using var admin = await app.As("quantri");
        var catalog = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        var added = DirectoryScenarios.Unique("cap-khom-");
        var levels = catalog.GetProperty("levels").EnumerateArray()
            .Select(l => new { code = l.GetProperty("code").GetString(), name = l.GetProperty("name").GetString(), active = l.GetProperty("active").GetBoolean() })
            .Append(new { code = (string?)added, name = (string?)("Cấp khóm " + added[^6..]), active = true }).ToList();
        var fields = catalog.GetProperty("fields").EnumerateArray()
            .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() });
        var commune = DirectoryScenarios.Unique("CM-KH");
        var parent = await admin.CreateUnit(commune, "Xã Khóm " + commune[^6..], "Commune", "CM-TVT");

        var held = await app.HoldFeed(Feed.Catalog, TimeSpan.FromSeconds(1));
        (await admin.Put("/api/registry/catalog", new { fields, levels, version = catalog.GetProperty("version").GetInt64() })).Expect(HttpStatusCode.OK);
        var board = (await admin.Post("/api/directory/units",
            new { code = commune + "-BCD", name = "Ban Chỉ đạo khóm " + commune[^6..], kind = "Board", parentId = parent, coversLevel = added }));
        await held;
        board.Expect(HttpStatusCode.Created);
        Assert.Equal(added, (await admin.Unit(commune + "-BCD")).GetProperty("coversLevel").GetString());
    }

    /// <summary>The catalog stores its codes in lower case: a level typed in upper case or with spaces is that level; a
    /// 100,000-character level is refused on the field in a short Vietnamese answer, and nothing is stored.</summary>
    [Fact]
    public async Task A_board_level_is_read_as_the_catalog_writes_codes_and_a_huge_one_is_refused_briefly()
    {
        using var admin = await app.As("quantri");
        var commune = DirectoryScenarios.Unique("CM-HL");
        var parent = await admin.CreateUnit(commune, "Xã Hoa " + commune[^6..], "Commune", "CM-TVT");
        foreach (var (suffix, level) in new[] { ("-B1", "CO-SO"), ("-B2", "  Co-So ") })
        {
            (await admin.Post("/api/directory/units", new { code = commune + suffix, name = "Ban " + suffix, kind = "Board", parentId = parent, coversLevel = level }))
                .Expect(HttpStatusCode.Created);
            Assert.Equal("co-so", (await admin.Unit(commune + suffix)).GetProperty("coversLevel").GetString());
        }
        var refused = (await admin.Post("/api/directory/units",
            new { code = commune + "-B3", name = "Ban dài", kind = "Board", parentId = parent, coversLevel = new string('a', 100_000) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.Raw.Length < 2_000, $"the refusal is {refused.Raw.Length} characters long");
        Assert.Contains("không có trong danh sách cấp đang dùng", Assert.Single(refused.Errors("coversLevel")));
        var units = (await admin.Get("/api/directory/units")).Expect(HttpStatusCode.OK).Body;
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("code").GetString() == commune + "-B3");
    }

    /// <summary>Twenty registrations of one new code at the same moment store one unit: the others are told it was just
    /// created (409) or that the code is taken (400).</summary>
    [Fact]
    public async Task Twenty_registrations_of_one_code_at_once_store_one_unit()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("CM-DUA");
        var parent = await admin.UnitId("CM-TVT");
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            admin.Post("/api/directory/units", new { code, name = "Xã Đua " + code[^6..], kind = "Commune", parentId = parent })));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains(r.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        var units = (await admin.Get("/api/directory/units")).Expect(HttpStatusCode.OK).Body;
        Assert.Single(units.EnumerateArray(), u => u.GetProperty("code").GetString() == code);
    }
}
