using System.Net;

namespace Emulation.IntegrationTests.Copies;

/// <summary>Scope follows the unit tree as the feed delivers it (ADR 0012).</summary>
[Collection(AppCollection.Name)]
public sealed class ScopeTests(AppFixture app)
{
    [Fact]
    public async Task A_unit_moved_under_another_parent_leaves_the_old_parents_officers_and_board()
    {
        using var admin = await app.As("quantri");
        var tag = DirectoryScenarios.Unique("");
        var oldParent = await admin.CreateUnit("MV-A" + tag, "Huyện Cũ " + tag, "District", "CM");
        await admin.CreateUnit("MV-AB" + tag, "Ban Dân vận Huyện Cũ " + tag, "Board", "MV-A" + tag, "huyen");
        await admin.CreateUnit("MV-B" + tag, "Huyện Mới " + tag, "District", "CM");
        var commune = await admin.CreateUnit("MV-C" + tag, "Xã Chuyển " + tag, "Commune", "MV-A" + tag);
        var board = await admin.UnitId("MV-AB" + tag);
        var newParent = await admin.UnitId("MV-B" + tag);
        await admin.CreatePerson("cbcu" + tag, "Cán bộ Huyện Cũ", "matkhau123", ("officer", oldParent));
        await admin.CreatePerson("bancu" + tag, "Thư ký Ban Huyện Cũ", "matkhau123", ("board-secretary", board));
        await admin.CreatePerson("cbxa" + tag, "Cán bộ Xã Chuyển", "matkhau123", ("officer", commune));
        await app.WaitForFeed();

        using var districtOfficer = await app.As("cbcu" + tag, "matkhau123");
        using var districtBoard = await app.As("bancu" + tag, "matkhau123");
        using var communeOfficer = await app.As("cbxa" + tag, "matkhau123");
        var period = await admin.OpenPeriod();
        var (id, version) = await communeOfficer.Draft(RegistryScenarios.Dossier(period, "Mô hình của xã chuyển huyện " + tag, level: "huyen"));
        await communeOfficer.Submit(id, version);
        (await districtOfficer.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        (await districtBoard.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);

        (await admin.Post($"/api/directory/units/{commune}/move", new { parentId = newParent, effectiveFrom = "2026-01-01", version = 1 })).Expect(HttpStatusCode.OK);
        await app.WaitForFeed();

        (await districtOfficer.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await districtBoard.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await districtBoard.Post($"/api/registry/models/{id}/accept", new { version = version + 1 })).Expect(HttpStatusCode.NotFound);
        (await communeOfficer.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        await admin.WaitForList($"period={period}", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == id));
        Assert.Empty((await districtOfficer.Get($"/api/registry/models?period={period}")).Expect(HttpStatusCode.OK).Body.Items());
        Assert.Empty((await districtBoard.Get($"/api/registry/models?period={period}")).Expect(HttpStatusCode.OK).Body.Items());
    }

    /// <summary>ADR 0016: a dossier waiting at a board whose unit then moves away is not stranded: the board that covers
    /// the unit at the dossier's level now sees it in its queue and decides it; the old board no longer can.</summary>
    [Fact]
    public async Task A_dossier_waiting_when_its_unit_moves_passes_to_the_board_that_covers_the_unit_now()
    {
        using var admin = await app.As("quantri");
        var tag = DirectoryScenarios.Unique("");
        await admin.CreateUnit("MW-A" + tag, "Huyện Đi " + tag, "District", "CM");
        await admin.CreateUnit("MW-AB" + tag, "Ban Dân vận Huyện Đi " + tag, "Board", "MW-A" + tag, "huyen");
        var newParent = await admin.CreateUnit("MW-B" + tag, "Huyện Đến " + tag, "District", "CM");
        var newBoard = await admin.CreateUnit("MW-BB" + tag, "Ban Dân vận Huyện Đến " + tag, "Board", "MW-B" + tag, "huyen");
        var commune = await admin.CreateUnit("MW-C" + tag, "Xã Đổi Huyện " + tag, "Commune", "MW-A" + tag);
        await admin.CreatePerson("bandi" + tag, "Thư ký Ban Huyện Đi", "matkhau123", ("board-secretary", await admin.UnitId("MW-AB" + tag)));
        await admin.CreatePerson("banden" + tag, "Thư ký Ban Huyện Đến", "matkhau123", ("board-secretary", newBoard));
        await admin.CreatePerson("cbxd" + tag, "Cán bộ Xã Đổi Huyện", "matkhau123", ("officer", commune));
        await app.WaitForFeed();

        using var oldBoard = await app.As("bandi" + tag, "matkhau123");
        using var nextBoard = await app.As("banden" + tag, "matkhau123");
        using var officer = await app.As("cbxd" + tag, "matkhau123");
        var period = await admin.OpenPeriod();
        var name = "Mô hình chờ khi xã đổi huyện " + tag;
        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(period, name, level: "huyen"));
        await officer.Submit(id, version);
        (await nextBoard.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);

        (await admin.Post($"/api/directory/units/{commune}/move", new { parentId = newParent, effectiveFrom = "2026-01-01", version = 1 })).Expect(HttpStatusCode.OK);
        await app.WaitForFeed();

        (await oldBoard.Post($"/api/registry/models/{id}/accept", new { version = version + 1 })).Expect(HttpStatusCode.NotFound);
        (await nextBoard.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        await admin.WaitForList($"period={period}", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == id));
        Assert.Contains(name, (await nextBoard.Get("/mo-hinh/cho-duyet")).Expect(HttpStatusCode.OK).Raw);
        Assert.DoesNotContain(name, (await oldBoard.Get("/mo-hinh/cho-duyet")).Expect(HttpStatusCode.OK).Raw);
        var accepted = (await nextBoard.Post($"/api/registry/models/{id}/accept", new { version = version + 1 })).Expect(HttpStatusCode.OK);
        Assert.StartsWith("CM-", accepted.Body.GetProperty("registryCode").GetString());
    }
}
