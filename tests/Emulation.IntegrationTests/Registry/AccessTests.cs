using System.Net;
using System.Net.Http.Json;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Role x own/other unit x action, enforced by the API.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests(AppFixture app)
{
    [Fact]
    public async Task The_authorization_matrix_holds()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        using var p1Board = await app.As("thuky.phuong1");
        using var provinceBoard = await app.As("thuky.bdvtinh");
        using var cityBoard = await app.As("thuky.bdvtp");
        using var approver = await app.As("lanhdao.tinh");
        using var anonymous = new Api(app.Anonymous());
        var period = await admin.OpenPeriod();

        // Registering: only for one's own unit.
        var p5 = await admin.UnitId("CM-P5");
        var forOther = RegistryScenarios.Dossier(period, "Đăng ký hộ đơn vị khác");
        forOther["unitId"] = p5;
        (await p1.Post("/api/registry/models", forOther)).Expect(HttpStatusCode.Forbidden);
        (await p1Board.Post("/api/registry/models", RegistryScenarios.Dossier(period, "Ban tự đăng ký"))).Expect(HttpStatusCode.Forbidden);
        (await admin.Post("/api/registry/models", RegistryScenarios.Dossier(period, "Quản trị đăng ký"))).Expect(HttpStatusCode.Forbidden);
        (await anonymous.Post("/api/registry/models", RegistryScenarios.Dossier(period, "Ẩn danh"))).Expect(HttpStatusCode.Unauthorized);

        var (id, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Mô hình kiểm tra quyền"));

        // A draft is the unit's own: other units, its board, the approver above it and the administrators do not see it.
        (await p1.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        (await khanhHoi.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await p1Board.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await approver.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await admin.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);

        // Only the unit edits, submits, withdraws.
        (await khanhHoi.Post($"/api/registry/models/{id}/submit", new { version = 1 })).Expect(HttpStatusCode.NotFound);
        (await admin.Post($"/api/registry/models/{id}/withdraw", new { version = 1 })).Expect(HttpStatusCode.NotFound);
        await p1.Submit(id, 1);
        (await approver.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        (await approver.Post($"/api/registry/models/{id}/withdraw", new { version = 2 })).Expect(HttpStatusCode.Forbidden);

        // Only the board it was sent to decides; other boards that cover the unit may look.
        Assert.Equal("Ban Chỉ đạo thực hiện Quy chế dân chủ Phường 1", (await p1Board.Model(id)).GetProperty("board").GetProperty("name").GetString());
        (await cityBoard.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        (await cityBoard.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.Forbidden);
        (await provinceBoard.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.Forbidden);
        (await admin.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.Forbidden);
        (await p1.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.Forbidden);
        (await khanhHoi.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);
        (await p1Board.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);

        // Accepted, it belongs to the register everyone signed in reads; the list is filtered the same way.
        (await khanhHoi.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK);
        var (draft, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Bản nháp chỉ đơn vị thấy"));
        await admin.WaitForList($"period={period}", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == id));
        await p1.WaitForList($"period={period}", p => p.Items().Count() == 2);
        Assert.Equal([id], (await khanhHoi.Get($"/api/registry/models?period={period}")).Expect(HttpStatusCode.OK).Body.Items().Select(i => i.GetProperty("id").GetGuid()));
        foreach (var viewer in new[] { admin, p1Board, approver })
            Assert.Equal([id], (await viewer.Get($"/api/registry/models?period={period}")).Expect(HttpStatusCode.OK).Body.Items().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Contains(draft, (await p1.Get($"/api/registry/models?period={period}")).Body.Items().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Only_administrators_and_secretaries_set_up_campaigns_and_only_administrators_the_catalog()
    {
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.bdvtinh");
        using var admin = await app.As("quantri");
        (await officer.Post("/api/registry/campaigns", new { name = "Không được", startYear = 2026, endYear = 2026 })).Expect(HttpStatusCode.Forbidden);
        (await secretary.Post("/api/registry/campaigns", new { name = DirectoryScenarios.Unique("Thư ký lập "), startYear = 2026, endYear = 2026 })).Expect(HttpStatusCode.Created);

        var catalog = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        var fields = catalog.GetProperty("fields").EnumerateArray()
            .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() }).ToList();
        var levels = catalog.GetProperty("levels").EnumerateArray()
            .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() }).ToList();
        var version = catalog.GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.Client.PutAsJsonAsync("/api/registry/catalog", new { fields, levels, version })).StatusCode);
        var withoutOne = await admin.Client.PutAsJsonAsync("/api/registry/catalog", new { fields = fields.Skip(1), levels, version });
        Assert.Equal(HttpStatusCode.BadRequest, withoutOne.StatusCode);
    }

    [Fact]
    public async Task Concurrent_catalog_edits_have_one_winner_and_a_new_field_can_be_used()
    {
        using var admin = await app.As("quantri");
        var catalog = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        var version = catalog.GetProperty("version").GetInt64();
        var levels = catalog.GetProperty("levels").EnumerateArray()
            .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() }).ToList();
        var codes = new[] { DirectoryScenarios.Unique("moi-a"), DirectoryScenarios.Unique("moi-b"), DirectoryScenarios.Unique("moi-c") };
        var attempts = await Task.WhenAll(codes.Select(code => admin.Client.PutAsJsonAsync("/api/registry/catalog", new
        {
            fields = catalog.GetProperty("fields").EnumerateArray()
                .Select(f => new { code = f.GetProperty("code").GetString(), name = f.GetProperty("name").GetString(), active = f.GetProperty("active").GetBoolean() })
                .Append(new { code = (string?)code, name = (string?)("Lĩnh vực thử " + code), active = true }),
            levels, version
        })));
        Assert.Equal(1, attempts.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));

        var after = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(version + 1, after.GetProperty("version").GetInt64());
        var added = after.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Intersect(codes).Single();

        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        for (var i = 0; i < 60; i++)
        {
            var reply = await officer.Post("/api/registry/models", RegistryScenarios.Dossier(period, "Mô hình lĩnh vực mới " + added, field: added!));
            if (reply.Status == HttpStatusCode.Created) return;
            await Task.Delay(100); // other nodes' caches of the catalog expire within 5 s; this node's at once
        }
        Assert.Fail("the new field was never accepted");
    }
}
