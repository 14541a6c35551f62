using System.Net;
using System.Text.Json.Nodes;

namespace Emulation.IntegrationTests.Awards;

/// <summary>Refusals found by <c>tests/stranger/api.py</c> in awards: a missing version is named, not taken for a
/// conflict; an oversized reason is refused before the key is rotated.</summary>
[Collection(AppCollection.Name)]
public sealed class StrangerInputTests(AppFixture app)
{
    [Fact]
    public async Task A_form_saved_without_its_version_is_told_the_version_is_missing_and_nothing_is_saved()
    {
        using var admin = await app.As("quantri");
        var province = await admin.UnitId("CM");
        var before = (await admin.Get("/api/awards/catalogue")).Expect(HttpStatusCode.OK).Body.GetProperty("version").GetInt64();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            AwardsScenarios.FormBody(DirectoryScenarios.Unique("khong-phien-ban-"), "bang-khen-tinh", province, before)))!.AsObject();
        body.Remove("version");

        var refused = (await admin.PutRaw("/api/awards/catalogue/forms", body.ToJsonString())).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("phiên bản", Assert.Single(refused.Errors("version")));
        Assert.Equal(before, (await admin.Get("/api/awards/catalogue")).Body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_rotation_with_a_100000_character_reason_is_refused_and_the_key_is_kept()
    {
        using var admin = await app.As("quantri");
        using var anonymous = app.Anonymous();
        var keys = await anonymous.GetStringAsync("/.well-known/emulation-keys.json");

        var refused = (await admin.Post("/api/awards/keys/rotate", new { reason = new string('Đ', 100_000) })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("500 ký tự", Assert.Single(refused.Errors("reason")));
        Assert.Equal(keys, await anonymous.GetStringAsync("/.well-known/emulation-keys.json"));
    }
}
