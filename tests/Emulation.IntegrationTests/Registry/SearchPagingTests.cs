using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The list finds a page's ids first and loads their rows after (ADR 0056): pages must still follow the sort, ties
/// broken by id, and a status filter must show exactly what the visibility rule allows.</summary>
[Collection(AppCollection.Name)]
public sealed class SearchPagingTests(AppFixture app)
{
    static readonly string[] Sorts = ["", "updated", "name", "code", "submitted", "-submitted"];

    [Fact]
    public async Task Pages_of_every_sort_join_into_the_whole_list_in_its_order()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var board = await app.As("thuky.phuong1");
        var token = DirectoryScenarios.Unique("xep trang ");
        var periods = new[] { await admin.OpenPeriod(), await admin.OpenPeriod() };
        // The same name in two periods: the name and code orders tie, and only the id decides between them.
        foreach (var period in periods)
            foreach (var (name, steps) in new[] { ("Đèn đường", 2), ("Ánh sáng", 1), ("Cây xanh", 0) })
            {
                var (id, _) = await p1.Draft(RegistryScenarios.Dossier(period, $"{name} {token}"));
                if (steps > 0) await p1.Submit(id, 1);
                if (steps > 1) (await board.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);
            }
        await p1.WaitForList($"q={token}", p => p.Items().Count() == 6 && p.Items().Count(i => i.GetProperty("status").GetString() == "Accepted") == 2);

        foreach (var sort in Sorts)
        {
            var whole = (await p1.Get($"/api/registry/models?q={token}&sort={sort}&pageSize=200")).Expect(HttpStatusCode.OK).Body.Items().ToList();
            Assert.Equal(6, whole.Count);
            var paged = new List<JsonElement>();
            for (var page = 1; page <= 3; page++)
            {
                var body = (await p1.Get($"/api/registry/models?q={token}&sort={sort}&pageSize=2&page={page}")).Expect(HttpStatusCode.OK).Body;
                Assert.Equal(6, body.GetProperty("total").GetInt64());
                paged.AddRange(body.Items());
            }
            Assert.Equal(Ids(whole), Ids(paged));
            Assert.Equal(Ids(Ordered(whole, sort)), Ids(whole));
        }
    }

    [Fact]
    public async Task A_status_filter_shows_what_the_visibility_rule_allows()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var board = await app.As("thuky.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (draft, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Nháp lọc trạng thái ")));
        var (submitted, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Gửi lọc trạng thái ")));
        await p1.Submit(submitted, 1);
        var (accepted, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Công nhận lọc trạng thái ")));
        await p1.Submit(accepted, 1);
        (await board.Post($"/api/registry/models/{accepted}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);
        var (withdrawn, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Rút lọc trạng thái ")));
        await p1.Submit(withdrawn, 1);
        (await p1.Post($"/api/registry/models/{withdrawn}/withdraw", new { version = 2 })).Expect(HttpStatusCode.OK);
        var (unsent, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Rút khi chưa gửi ")));
        (await p1.Post($"/api/registry/models/{unsent}/withdraw", new { version = 1 })).Expect(HttpStatusCode.OK);
        await p1.WaitForList($"period={period}&status=Withdrawn", p => p.Items().Count() == 2);
        await p1.WaitForList($"period={period}&status=Accepted", p => p.Items().Any());

        async Task<List<Guid>> Seen(Api who, string status) =>
            Ids((await who.Get($"/api/registry/models?period={period}&status={status}")).Expect(HttpStatusCode.OK).Body.Items());

        Assert.Equal([draft], await Seen(p1, "Draft"));
        Assert.Equal([submitted], await Seen(p1, "Submitted"));
        Assert.Equal([accepted], await Seen(p1, "Accepted"));
        Assert.Empty(await Seen(khanhHoi, "Draft"));
        Assert.Empty(await Seen(khanhHoi, "Submitted"));
        Assert.Equal([accepted], await Seen(khanhHoi, "Accepted"));
        Assert.Empty(await Seen(board, "Draft"));
        Assert.Equal([submitted], await Seen(board, "Submitted"));
        Assert.Empty(await Seen(admin, "Draft"));
        Assert.Equal([submitted], await Seen(admin, "Submitted"));
        // Withdrawn before it was sent, a dossier stays the unit's working paper; withdrawn after, the board and others above see it.
        Assert.Equal([unsent, withdrawn], (await Seen(p1, "Withdrawn")).OrderBy(id => id == withdrawn));
        Assert.Empty(await Seen(khanhHoi, "Withdrawn"));
        Assert.Equal([withdrawn], await Seen(board, "Withdrawn"));
        Assert.Equal([withdrawn], await Seen(admin, "Withdrawn"));
    }

    static List<Guid> Ids(IEnumerable<JsonElement> rows) => rows.Select(r => r.GetProperty("id").GetGuid()).ToList();

    // PostgreSQL orders uuids by their bytes as written, which is the ordinal order of their text.
    static string Key(JsonElement r) => r.GetProperty("id").GetGuid().ToString();
    static DateTimeOffset? At(JsonElement r, string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetDateTimeOffset();

    /// <summary>The order each sort promises, worked out from the rows themselves; names here differ only in ways the
    /// folded name key keeps (first words of distinct letters), and nulls come last as PostgreSQL puts them.</summary>
    static IEnumerable<JsonElement> Ordered(List<JsonElement> rows, string sort)
    {
        string Name(JsonElement r) => Emulation.Kernel.Text.VietnameseText.Fold(r.GetProperty("name").GetString());
        string? Code(JsonElement r) => r.GetProperty("registryCode").GetString();
        return sort switch
        {
            "updated" => rows.OrderBy(r => At(r, "updatedAt")).ThenBy(Key, StringComparer.Ordinal),
            "name" => rows.OrderBy(Name, StringComparer.Ordinal).ThenBy(Key, StringComparer.Ordinal),
            "code" => rows.OrderBy(r => Code(r) is null).ThenBy(Code, StringComparer.Ordinal).ThenBy(Name, StringComparer.Ordinal).ThenBy(Key, StringComparer.Ordinal),
            "submitted" => rows.OrderBy(r => At(r, "submittedAt") is null).ThenBy(r => At(r, "submittedAt")).ThenBy(Key, StringComparer.Ordinal),
            "-submitted" => rows.OrderBy(r => At(r, "submittedAt") is not null).ThenByDescending(r => At(r, "submittedAt")).ThenBy(Key, StringComparer.Ordinal),
            _ => rows.OrderByDescending(r => At(r, "updatedAt")).ThenBy(Key, StringComparer.Ordinal)
        };
    }
}
