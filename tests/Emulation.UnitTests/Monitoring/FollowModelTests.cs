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

    [Fact]
    public void An_acceptance_imported_from_a_register_owes_reports_from_the_import_not_from_years_before()
    {
        var accepted2021 = new DateTimeOffset(2021, 3, 15, 1, 0, 0, TimeSpan.Zero);
        var imported = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        var e = Followed.Updated() with { AcceptedAt = accepted2021, ImportedAt = imported };
        var started = Assert.IsType<FollowingStarted>(Assert.Single(FollowModel.Decide(null, e, ReportingSchedule.Quarterly)));
        Assert.Equal(accepted2021, started.AcceptedAt);
        Assert.Equal(new DateOnly(2026, 12, 7), started.ReportsFrom);
        var m = FollowedModel.Create(started);
        Assert.Equal(new DateOnly(2021, 3, 15), m.AcceptedOn);

        var health = Emulation.Monitoring.Health.ModelHealth.Evaluate(m, new DateOnly(2026, 12, 20));
        Assert.Equal(0, health.OverdueDays);
        Assert.Equal("2026-Q4", health.NextPeriod!.Value.Key);
        Assert.NotEqual(Emulation.Monitoring.Health.HealthCode.Stalled, health.Code);
        var later = Emulation.Monitoring.Health.ModelHealth.Evaluate(m, new DateOnly(2027, 2, 1));
        Assert.Equal(Emulation.Monitoring.Health.HealthCode.ReportOverdue, later.Code);

        var notImported = FollowedModel.Create(Assert.IsType<FollowingStarted>(Assert.Single(
            FollowModel.Decide(null, Followed.Updated() with { AcceptedAt = accepted2021 }, ReportingSchedule.Quarterly))));
        Assert.Equal(Emulation.Monitoring.Health.HealthCode.Stalled, Emulation.Monitoring.Health.ModelHealth.Evaluate(notImported, new DateOnly(2026, 12, 20)).Code);
    }
}
