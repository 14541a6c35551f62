using System.Net;
using Emulation.Contracts;
using Emulation.Registry.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Copies;

/// <summary>The Directory feed (ADR 0011): in order per stream, versioned, replayable into a copy that was lost.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedTests(AppFixture app)
{
    static UnitUpdated State(Guid id, string name, long version) =>
        new(id, "FEED-" + version, name, "commune", null, null, true, null, version, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_late_older_version_never_replaces_a_newer_one()
    {
        var id = Guid.NewGuid();
        await app.Deliver(State(id, "Tên thứ ba", 3));
        await app.Deliver(State(id, "Tên thứ hai", 2));
        await app.Deliver(State(id, "Tên thứ ba, lần nữa", 3));

        var copy = await app.Copy<RegistryUnit>(id);
        Assert.Equal(3, copy!.SourceVersion);
        Assert.Equal("Tên thứ ba", copy.Name);
        var tree = await app.Services.GetRequiredService<UnitDirectory>().TreeAsync();
        Assert.Equal("Tên thứ ba", tree.Find(id)!.Name);
    }

    [Fact]
    public async Task Two_versions_delivered_at_once_leave_the_newer_one()
    {
        for (var round = 0; round < 15; round++)
        {
            var id = Guid.NewGuid();
            await app.Deliver(State(id, "Tên đầu", 1));
            await Task.WhenAll(app.Deliver(State(id, "Tên cũ", 2)), app.Deliver(State(id, "Tên mới", 3)));
            var copy = await app.Copy<RegistryUnit>(id);
            Assert.Equal((3L, "Tên mới"), (copy!.SourceVersion, copy.Name));
        }
    }

    [Fact]
    public async Task A_person_created_and_given_a_role_at_once_keeps_the_role_in_the_copy()
    {
        using var admin = await app.As("quantri");
        var unit = await admin.UnitId("CM-P5");
        var person = await admin.CreatePerson(DirectoryScenarios.Unique("motlan"), "Lý Thị Nhanh", "matkhau123");
        (await admin.Post($"/api/directory/people/{person}/roles", new { role = "officer", unitId = unit, version = 2 })).Expect(HttpStatusCode.OK);

        await app.WaitForFeed();
        var copy = await app.Copy<Recipient>(person);
        Assert.Equal(3, copy!.SourceVersion);
        Assert.True(copy.Holds("officer", unit));
    }

    [Fact]
    public async Task A_deleted_copy_is_rebuilt_by_replaying_the_feed()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("FD");
        var unit = await admin.CreateUnit(code, "Xã Phát Lại", "Commune", "CM-UM");
        (await admin.Post($"/api/directory/units/{unit}/rename", new { name = "Xã Phát Lại Mới", effectiveFrom = "2025-01-01", version = 1 })).Expect(HttpStatusCode.OK);
        await app.WaitForFeed();

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<RegistryUnit>(_ => true);
            session.DeleteWhere<Recipient>(_ => true);
            await session.SaveChangesAsync();
        }
        var directory = app.Services.GetRequiredService<UnitDirectory>();
        Assert.Equal(0, (await directory.TreeAsync()).Count);

        await app.Services.GetRequiredService<Feeds>().ReplayAsync(Feed.Directory);
        await app.WaitForFeed();

        var tree = await directory.TreeAsync();
        var source = (await admin.Get("/api/directory/units")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();
        Assert.Equal(source.Count, tree.All.Count(u => !u.Code.StartsWith("FEED-")));
        Assert.All(source, u => Assert.Equal(u.GetProperty("version").GetInt64(), tree.Find(u.GetProperty("id").GetGuid())!.SourceVersion));
        Assert.Equal("Xã Phát Lại Mới", tree.Find(unit)!.Name);
        await using var query = store.QuerySession();
        Assert.True(await query.Query<Recipient>().AnyAsync(r => r.FullName == "Trần Quốc Bảo"));
    }
}
