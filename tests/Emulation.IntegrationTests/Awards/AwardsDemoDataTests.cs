using System.Net;

namespace Emulation.IntegrationTests.Awards;

/// <summary>The demo: the sơ kết's published proposal list in Awards, the catalogue of the brief's forms, a signed
/// Bằng khen decision with its gold-book numbers and a Giấy khen draft.</summary>
[Collection(AppCollection.Name)]
public sealed class AwardsDemoDataTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_holds_the_catalogue_a_signed_bang_khen_and_a_giay_khen_draft()
    {
        using var approver = await app.As(AwardsScenarios.Approver);
        var catalogue = (await approver.Get("/api/awards/catalogue")).Expect(HttpStatusCode.OK).Body.GetProperty("forms").EnumerateArray().ToList();
        Assert.Contains(catalogue, f => f.GetProperty("code").GetString() == "bang-khen-chu-tich-ubnd-tinh-ca-mau" && f.GetProperty("paper").GetString() == "A3-landscape");
        Assert.Contains(catalogue, f => f.GetProperty("code").GetString() == "bang-khen-ban-dan-van-trung-uong" && f.GetProperty("proposedUpward").GetBoolean());

        var decisions = (await approver.Get("/api/awards/decisions")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();
        var signed = Assert.Single(decisions, d => d.GetProperty("number").GetString() == "125/QĐ-UBND");
        Assert.Equal("Đã ký", signed.GetProperty("state").GetString());
        var decision = (await approver.Get($"/api/awards/decisions/{signed.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK).Body.GetProperty("decision");
        var numbers = decision.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("goldBookNumber").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, 4), numbers);
        Assert.Contains(decision.GetProperty("content").GetProperty("annex").EnumerateArray(), a => a.GetProperty("name").GetString() == "Xã Khánh Hội");

        // The last certificate was revoked: its public page says so, with the revoking decision and the reason.
        var last = decision.GetProperty("certificates").EnumerateArray().Last().GetProperty("certificateId").GetGuid();
        using var anyone = app.Anonymous();
        var page = await anyone.GetStringAsync($"/xac-minh/{last}");
        Assert.Contains("data-status=\"revoked\"", page);
        Assert.Contains("131/QĐ-UBND", page);
        var first = decision.GetProperty("certificates").EnumerateArray().First().GetProperty("certificateId").GetGuid();
        Assert.DoesNotContain("data-status=\"revoked\"", await anyone.GetStringAsync($"/xac-minh/{first}"));

        using var secretary = await app.As("thuky.bdvtinh");
        var lists = (await secretary.Get("/api/awards/proposals")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();
        var list = Assert.Single(lists, l => l.GetProperty("name").GetString()!.StartsWith("Hội nghị sơ kết"));
        Assert.Equal(6, list.GetProperty("proposed").GetInt32());
        var mine = (await secretary.Get("/api/awards/decisions")).Expect(HttpStatusCode.OK).Body.EnumerateArray();
        var draft = Assert.Single(mine, d => d.GetProperty("number").GetString() == "48/QĐ-BDVTU" && d.GetProperty("state").GetString() == "Dự thảo");

        // The Board's own Giấy khen has someone to sign it: the Head of the Board named on the draft, and not the secretary.
        var draftId = draft.GetProperty("id").GetGuid();
        Assert.False((await secretary.Get($"/api/awards/decisions/{draftId}")).Expect(HttpStatusCode.OK).Body.GetProperty("canSign").GetBoolean());
        using var head = await app.As("truongban.bdvtinh");
        Assert.True((await head.Get($"/api/awards/decisions/{draftId}")).Expect(HttpStatusCode.OK).Body.GetProperty("canSign").GetBoolean());
    }
}
