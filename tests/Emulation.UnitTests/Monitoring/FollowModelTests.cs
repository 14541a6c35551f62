using Emulation.Contracts;
using Emulation.Monitoring.Following;

namespace Emulation.UnitTests;

public sealed class FollowModelTests
{
    [Fact]
    public void Following_starts_with_the_first_accepted_state_and_never_before()
    {
        Assert.Empty(FollowModel.Decide(null, Followed.Updated(ModelStatusCodes.Submitted, 2), ReportingSchedule.Quarterly));
        var started = Assert.IsType<FollowingStarted>(Assert.Single(FollowModel.Decide(null, Followed.Updated(), ReportingSchedule.HalfYearly)));
        Assert.Equal(ReportingSchedule.HalfYearly, started.Schedule);
        Assert.Equal(3, started.SourceVersion);
        var target = Assert.Single(started.Facts.Targets);
        Assert.Equal((1, 20m, 5m), (target.No, target.Baseline!.Value, target.TargetValue!.Value));
    }

    [Fact]
    public void A_repeated_or_older_state_changes_nothing_and_a_newer_one_updates_what_changed()
    {
        var m = Followed.Accepted();
        Assert.Empty(FollowModel.Decide(m, Followed.Updated(version: 3), ReportingSchedule.Quarterly));
        Assert.Empty(FollowModel.Decide(m, Followed.Updated(version: 2), ReportingSchedule.Quarterly));
        Assert.Empty(FollowModel.Decide(m, Followed.Updated(version: 4) with { CampaignId = m.Facts.CampaignId, PeriodId = m.Facts.PeriodId }, ReportingSchedule.Quarterly));
        var withdrawn = Followed.Updated(ModelStatusCodes.Withdrawn, 4) with { CampaignId = m.Facts.CampaignId, PeriodId = m.Facts.PeriodId };
        var changed = Assert.IsType<FollowedFactsChanged>(Assert.Single(FollowModel.Decide(m, withdrawn, ReportingSchedule.Quarterly)));
        var after = m.Apply(changed);
        Assert.True(after.Closed);
        Assert.Equal(4, after.SourceVersion);
    }
}
