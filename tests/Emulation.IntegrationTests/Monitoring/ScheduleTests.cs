using System.Net;

namespace Emulation.IntegrationTests.Monitoring;

[Collection(AppCollection.Name)]
public sealed class ScheduleTests(AppFixture app)
{
    [Fact]
    public async Task An_administrator_sets_a_provincial_campaign_to_yearly_and_its_followed_models_report_yearly()
    {
        var id = await app.AcceptedModel("Báo cáo hằng năm");
        var campaign = (await app.Followed(id))!.Facts.CampaignId!.Value;
        using var admin = await app.As("quantri");
        using var secretary = await app.As("thuky.phuong1");
        var listed = (await admin.Get("/api/monitoring/campaigns")).Expect(HttpStatusCode.OK).Body.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == campaign);
        Assert.Equal("quarterly", listed.GetProperty("schedule").GetString());
        Assert.True(listed.GetProperty("canSet").GetBoolean());

        (await secretary.Put($"/api/monitoring/campaigns/{campaign}/schedule", new { schedule = "yearly", version = 1 })).Expect(HttpStatusCode.Forbidden);
        var bad = (await admin.Put($"/api/monitoring/campaigns/{campaign}/schedule", new { schedule = "weekly", version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.Errors("schedule"));
        (await admin.Put($"/api/monitoring/campaigns/{campaign}/schedule", new { schedule = "yearly", version = 1 })).Expect(HttpStatusCode.OK);
        (await admin.Put($"/api/monitoring/campaigns/{campaign}/schedule", new { schedule = "half-yearly", version = 1 })).Expect(HttpStatusCode.Conflict);

        var view = (await admin.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("yearly", view.GetProperty("schedule").GetString());
        Assert.EndsWith("-N", view.GetProperty("nextPeriod").GetString());
    }
}
