using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Near-duplicate names are found by PostgreSQL (trigram similarity of the folded names) in the same period and province.</summary>
[Collection(AppCollection.Name)]
public sealed class NearDuplicateTests(AppFixture app)
{
    [Fact]
    public async Task A_similar_name_is_flagged_with_its_score_and_unrelated_or_withdrawn_ones_are_not()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (first, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Đổi rác thải nhựa lấy quà"));
        await p1.Submit(first, 1);
        var (unrelated, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Ánh sáng an ninh"));
        await p1.Submit(unrelated, 1);
        var (withdrawn, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Đổi rác thải nhựa lấy quà tặng"));
        await p1.Submit(withdrawn, 1);
        (await p1.Post($"/api/registry/models/{withdrawn}/withdraw", new { version = 2 })).Expect(HttpStatusCode.OK);
        await admin.WaitForList($"period={period}", p => p.Items().Count() == 3 && p.Items().Any(i => i.GetProperty("status").GetString() == "Withdrawn"));

        var (second, _) = await khanhHoi.Draft(RegistryScenarios.Dossier(period, "Đổi rác nhựa lấy quà tặng", level: "huyen"));
        var flagged = (await khanhHoi.Submit(second, 1)).Body.GetProperty("nearDuplicates").EnumerateArray().Single();
        Assert.Equal(first, flagged.GetProperty("modelId").GetGuid());
        Assert.Equal("Đổi rác thải nhựa lấy quà", flagged.GetProperty("name").GetString());
        Assert.Equal(0.72, flagged.GetProperty("similarity").GetDouble());
    }
}
