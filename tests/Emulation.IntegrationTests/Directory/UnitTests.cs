using System.Net;
using System.Text;

namespace Emulation.IntegrationTests.Directory;

[Collection(AppCollection.Name)]
public sealed class UnitTests(AppFixture app)
{
    [Fact]
    public async Task Demo_tree_has_the_seed_units_and_the_2025_merge()
    {
        using var officer = await app.As("canbo.phuong1");
        var p1 = await officer.Unit("CM-P1");
        Assert.Equal("Tỉnh Cà Mau › Thành phố Cà Mau › Phường 1", p1.GetProperty("path").GetString());
        var bacLieu = await officer.Unit("BL");
        Assert.False(bacLieu.GetProperty("active").GetBoolean());
        Assert.Equal(await officer.UnitId("CM"), bacLieu.GetProperty("mergedInto").GetGuid());
    }

    [Fact]
    public async Task A_new_unit_records_who_created_it_and_a_rename_keeps_the_old_name()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("T-");
        var id = await admin.CreateUnit(code, "Xã  Thử   Nghiệm", "Commune", "CM-UM");

        var renamed = (await admin.Post($"/api/directory/units/{id}/rename", new { name = "Xã Thử Mới", effectiveFrom = "2025-07-01", reason = "Sắp xếp đơn vị hành chính", version = 1 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, renamed.Version);

        var detail = (await admin.Get($"/api/directory/units/{id}")).Expect(HttpStatusCode.OK).Body;
        var unit = detail.GetProperty("unit");
        Assert.Equal("Xã Thử Mới", unit.GetProperty("name").GetString());
        var names = unit.GetProperty("names").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Xã Thử Nghiệm", "Xã Thử Mới"], names);
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal("Trần Quốc Bảo", h.GetProperty("byName").GetString()));
        Assert.Contains("Sắp xếp đơn vị hành chính", history[1].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_unit_cannot_become_its_own_ancestor_and_nothing_changes()
    {
        using var admin = await app.As("quantri");
        var district = DirectoryScenarios.Unique("D-");
        var commune = DirectoryScenarios.Unique("C-");
        var districtId = await admin.CreateUnit(district, "Huyện Vòng", "District", "CM");
        var communeId = await admin.CreateUnit(commune, "Xã Vòng", "Commune", district);

        var toChild = (await admin.Post($"/api/directory/units/{districtId}/move", new { parentId = communeId, version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("cấp trên của chính nó", toChild.Errors("parentId").Single());
        (await admin.Post($"/api/directory/units/{districtId}/move", new { parentId = districtId, version = 1 })).Expect(HttpStatusCode.BadRequest);

        var after = await admin.Unit(district);
        Assert.Equal(1, after.GetProperty("version").GetInt64());
        Assert.Equal(await admin.UnitId("CM"), after.GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task Merging_keeps_the_old_unit_and_points_to_the_new_one()
    {
        using var admin = await app.As("quantri");
        var a = DirectoryScenarios.Unique("MA-");
        var b = DirectoryScenarios.Unique("MB-");
        var aId = await admin.CreateUnit(a, "Phường A", "Commune", "CM-TP");
        var bId = await admin.CreateUnit(b, "Phường B", "Commune", "CM-TP");

        (await admin.Post($"/api/directory/units/{aId}/merge", new { intoUnitId = bId, effectiveFrom = "2025-07-01", reason = "NQ 1234/NQ-UBTVQH15", version = 1 })).Expect(HttpStatusCode.OK);
        var merged = await admin.Unit(a);
        Assert.False(merged.GetProperty("active").GetBoolean());
        Assert.Equal("Phường A", merged.GetProperty("name").GetString());

        var again = (await admin.Post($"/api/directory/units/{aId}/merge", new { intoUnitId = bId, version = 2 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("đã sáp nhập", again.Detail);
        (await admin.Post($"/api/directory/units/{bId}/merge", new { intoUnitId = await admin.UnitId("CM-UM"), version = 1 })).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_messages()
    {
        using var admin = await app.As("quantri");
        var missing = (await admin.Post("/api/directory/units", new { code = "", name = "", kind = "Commune" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.Errors("name"));
        Assert.NotEmpty(missing.Errors("code"));

        var orphanCommune = (await admin.Post("/api/directory/units", new { code = DirectoryScenarios.Unique("O-"), name = "Xã Mồ Côi", kind = "Commune" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(orphanCommune.Errors("parentId"));

        var duplicate = (await admin.Post("/api/directory/units", new { code = "CM-P1", name = "Trùng", kind = "Commune", parentId = await admin.UnitId("CM-TP") })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("đã được dùng", duplicate.Errors("code").Single());

        var huge = (await admin.Post("/api/directory/units", new { code = DirectoryScenarios.Unique("H-"), name = new string('x', 10_000), kind = "Province" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("200 ký tự", huge.Errors("name").Single());

        (await admin.PostRaw("/api/directory/units", "{not json")).Expect(HttpStatusCode.BadRequest);
        (await admin.Post($"/api/directory/units/{Guid.NewGuid()}/rename", new { name = "X", version = 1 })).Expect(HttpStatusCode.NotFound);
        (await admin.Get("/api/directory/units/not-a-guid")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_board_covers_one_of_the_known_levels()
    {
        using var admin = await app.As("quantri");
        var parent = await admin.UnitId("CM-UM");
        var unknown = (await admin.Post("/api/directory/units", new { code = DirectoryScenarios.Unique("BL-"), name = "Ban thử cấp lạ", kind = "Board", parentId = parent, coversLevel = "cap-thon" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("cap-thon", unknown.Errors("coversLevel").Single());
        (await admin.Post("/api/directory/units", new { code = DirectoryScenarios.Unique("BL-"), name = "Ban thử cấp xã", kind = "Board", parentId = parent, coversLevel = "co-so" }))
            .Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Text_arriving_decomposed_is_stored_composed()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("N-");
        var decomposed = "Xã Khánh Hưng".Normalize(NormalizationForm.FormD);
        await admin.CreateUnit(code, decomposed, "Commune", "CM-UM");
        var stored = (await admin.Unit(code)).GetProperty("name").GetString()!;
        Assert.Equal("Xã Khánh Hưng".Normalize(NormalizationForm.FormC), stored);
        Assert.True(stored.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Stale_and_concurrent_edits_are_refused_never_merged()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("CC-");
        var id = await admin.CreateUnit(code, "Xã Đồng Thời", "Commune", "CM-UM");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.Post($"/api/directory/units/{id}/rename", new { name = $"Tên {i}", version = 1 })));
        Assert.Equal(1, attempts.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));

        var unit = await admin.Unit(code);
        Assert.Equal(2, unit.GetProperty("version").GetInt64());
        Assert.Equal(2, unit.GetProperty("names").GetArrayLength());

        var stale = (await admin.Post($"/api/directory/units/{id}/rename", new { name = "Muộn", version = 1 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("người khác thay đổi", stale.Detail);
    }
}
