using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The board hears of each submission and the unit of each decision, in their inboxes, once each.</summary>
[Collection(AppCollection.Name)]
public sealed class NoticeTests(AppFixture app)
{
    static async Task<List<JsonElement>> Inbox(Api api, Guid model) =>
        (await api.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Where(i => i.GetProperty("modelId").GetGuid() == model).ToList();

    static string Title(JsonElement item) => item.GetProperty("title").GetString()!;

    [Fact]
    public async Task Every_submission_reaches_the_board_and_every_decision_the_unit()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        using var otherUnit = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Thông báo quyết định ")));
        Assert.Empty(await Inbox(secretary, id));

        await officer.Submit(id, 1);
        var told = Assert.Single(await Inbox(secretary, id));
        Assert.StartsWith("Hồ sơ mới chờ Ban xem xét", Title(told));
        Assert.Empty(await Inbox(officer, id));

        (await secretary.Post($"/api/registry/models/{id}/return", new { reason = "Bổ sung số hộ tham gia.", version = 2 })).Expect(HttpStatusCode.OK);
        var returned = Assert.Single(await Inbox(officer, id));
        Assert.StartsWith("Hồ sơ được trả lại để bổ sung", Title(returned));
        Assert.Contains("Bổ sung số hộ tham gia.", returned.GetProperty("body").GetString());

        await officer.Submit(id, 3);
        Assert.Equal(2, (await Inbox(secretary, id)).Count);
        var accepted = (await secretary.Post($"/api/registry/models/{id}/accept", new { version = 4 })).Expect(HttpStatusCode.OK);
        var code = accepted.Body.GetProperty("registryCode").GetString()!;
        var decisions = await Inbox(officer, id);
        Assert.Equal(2, decisions.Count);
        Assert.Contains(decisions, d => Title(d).StartsWith("Đã công nhận đăng ký") && d.GetProperty("body").GetString()!.Contains(code));
        Assert.Empty(await Inbox(otherUnit, id));

        // A refused step tells no one.
        (await secretary.Post($"/api/registry/models/{id}/reject", new { reason = "Muộn", version = 5 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await Inbox(officer, id)).Count);
    }

    [Fact]
    public async Task A_rejection_reaches_the_unit()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phunu");
        using var secretary = await app.As("thuky.bdvtinh");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Bị từ chối "), level: "tinh"));
        await officer.Submit(id, 1);
        (await secretary.Post($"/api/registry/models/{id}/reject", new { reason = "Trùng nhiệm vụ thường xuyên.", version = 2 })).Expect(HttpStatusCode.OK);
        var rejected = Assert.Single(await Inbox(officer, id));
        Assert.StartsWith("Hồ sơ không được chấp nhận", Title(rejected));
        Assert.Contains("Trùng nhiệm vụ thường xuyên.", rejected.GetProperty("body").GetString());
    }
}
