using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The register of accepted models is what units replicate from: everyone signed in finds it, and a code
/// works the moment the board returns it.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterTests(AppFixture app)
{
    [Fact]
    public async Task An_accepted_model_is_found_by_code_and_replicated_at_once_by_another_unit()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var board = await app.As("thuky.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (id, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Mô hình để nhân rộng ")));
        await p1.Submit(id, 1);
        (await khanhHoi.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.NotFound);

        var code = (await board.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK).Body.GetProperty("registryCode").GetString()!;
        var replica = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Nhân rộng ngay "), level: "huyen");
        replica["replicatesCode"] = code;
        var (replicaId, _) = await khanhHoi.Draft(replica);

        var page = await khanhHoi.Model(id);
        Assert.Equal(code, page.GetProperty("registryCode").GetString());
        var found = await khanhHoi.WaitForList($"q={Uri.EscapeDataString(code)}", p => p.Items().Any());
        Assert.True(found.Items().Single().GetProperty("id").GetGuid() == id, $"searching {code} found {found}");
        Assert.Equal(id, (await khanhHoi.Model(replicaId)).GetProperty("replicates").GetProperty("id").GetGuid());
        var pageHtml = await khanhHoi.Client.GetAsync($"/mo-hinh/{id}");
        Assert.Equal(HttpStatusCode.OK, pageHtml.StatusCode);
    }

    [Fact]
    public async Task A_model_page_lists_only_the_replicas_the_viewer_may_see()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var p1Board = await app.As("thuky.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (source, _) = await p1.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Nguồn nhân rộng ")));
        await p1.Submit(source, 1);
        var code = (await p1Board.Post($"/api/registry/models/{source}/accept", new { version = 2 })).Expect(HttpStatusCode.OK)
            .Body.GetProperty("registryCode").GetString()!;

        var replica = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Bản nhân rộng chờ duyệt "), level: "huyen");
        replica["replicatesCode"] = code;
        var (replicaId, _) = await khanhHoi.Draft(replica);
        await khanhHoi.Submit(replicaId, 1);
        await admin.WaitForList($"period={period}&status=Submitted", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == replicaId));

        Guid[] Replicas(System.Text.Json.JsonElement page) => page.GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
        Assert.Empty(Replicas(await p1.Model(source)));
        Assert.Equal([replicaId], Replicas(await khanhHoi.Model(source)));
        Assert.Equal([replicaId], Replicas(await admin.Model(source)));
        var html = await (await p1.Client.GetAsync($"/mo-hinh/{source}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(replicaId.ToString(), html);
    }
}
