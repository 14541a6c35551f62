using Emulation.Contracts;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Monitoring;

[Collection(AppCollection.Name)]
public sealed class FollowingTests(AppFixture app)
{
    [Fact]
    public async Task A_model_accepted_over_http_is_followed_by_monitoring_with_its_facts_and_a_summary()
    {
        var id = await app.AcceptedModel("Đổi rác thải lấy quà");

        var followed = await app.Followed(id);
        Assert.NotNull(followed);
        Assert.Equal(id, followed.ModelId);
        Assert.Equal(ModelStatusCodes.Accepted, followed.Facts.SourceStatus);
        Assert.Matches(@"^CM-2026-\d{4}$", followed.Facts.Code);
        Assert.Equal(ReportingSchedule.Quarterly, followed.Schedule);
        var target = Assert.Single(followed.Facts.Targets);
        Assert.Equal((1, "Thu nhập bình quân hộ", 60m, 100m), (target.No, target.Indicator, target.Baseline!.Value, target.TargetValue!.Value));
        Assert.NotNull(followed.Facts.BoardId);
        Assert.NotNull(followed.Facts.CampaignId);

        var summary = await app.Summary(id);
        Assert.Equal(followed.Facts.Code, summary.Code);
        Assert.Equal("active", summary.State);
        Assert.Equal("on-track", summary.Health);
        Assert.NotNull(summary.ProvinceId);
        Assert.NotNull(summary.CommuneId);
        Assert.Equal("Phường 1", summary.UnitName);
    }

    [Fact]
    public async Task A_model_never_accepted_is_not_followed_and_a_replayed_state_adds_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (draft, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Chưa gửi ")));
        await app.WaitForRegistryFeed();
        Assert.Null(await app.Followed(draft));

        var id = await app.AcceptedModel("Dân vận khéo phát lại");
        var before = await app.Followed(id);
        await app.Services.GetRequiredService<Emulation.Scope.Feeds>().ReplayAsync(Emulation.Scope.Feed.Registry);
        await app.WaitForRegistryFeed();
        var after = await app.Followed(id);
        Assert.Equal(before!.Version, after!.Version);
    }

    [Fact]
    public async Task Monitoring_keeps_its_own_copy_of_the_unit_tree()
    {
        await app.WaitForFeed();
        using var admin = await app.As("quantri");
        var unit = await admin.UnitId("CM-P1");
        var copy = await app.Copy<MonitoringUnit>(unit);
        Assert.NotNull(copy);
        Assert.Equal("commune", copy.Kind);
    }
}
