using Emulation.Contracts;
using Emulation.Monitoring.Evidence;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Relay;

namespace Emulation.UnitTests;

public sealed class FollowFeedMappingTests
{
    static EvidenceFile File(Guid modelId, Guid reportId, string name) =>
        new(Guid.NewGuid(), modelId, reportId, name, "image/jpeg", 1234, "ab", null, Followed.Officer, Followed.At(2026, 4, 2));

    [Fact]
    public void A_correction_replaces_the_report_it_corrects_and_the_evidence_follows_the_standing_reports()
    {
        var m = Followed.Accepted().Submit("2026-Q1", Followed.At(2026, 4, 2), (1, 15, new DateOnly(2026, 3, 30)));
        var first = m.Standing.Single();
        var correction = new ReportSubmitted(m.ModelId, Guid.NewGuid(), "2026-Q1", [new TargetReading(1, 11, new DateOnly(2026, 3, 30))],
            new Narrative("Họp dân", null, null, null, null), first.Id, Followed.Officer, Followed.At(2026, 4, 5), "Số đo lại");
        m = m.Apply(correction);

        var e = FollowFeedMapping.ToIntegrationEvent(m with { Version = 3 },
            [File(m.ModelId, first.Id, "cũ.jpg"), File(m.ModelId, correction.ReportId, "Ảnh họp dân.jpg")], Followed.At(2026, 4, 5));

        var report = Assert.Single(e.Reports);
        Assert.Equal(correction.ReportId, report.ReportId);
        Assert.Equal("quý 1/2026", report.PeriodWords);
        Assert.Equal("Ảnh họp dân.jpg", Assert.Single(e.Evidence).FileName);
        Assert.Equal(FollowStateCodes.Active, e.State);
        Assert.Equal(3, e.Version);
        // "reduce violations from 20 to 5" at 11 is 60 % of the way, not met.
        var target = Assert.Single(e.Targets);
        Assert.Equal(60m, target.Percent);
        Assert.False(target.Met);
    }

    [Fact]
    public void A_target_met_once_stays_met_and_progress_is_judged_on_the_day_of_the_change()
    {
        var m = Followed.Accepted()
            .Submit("2026-Q1", Followed.At(2026, 4, 2), (1, 5, new DateOnly(2026, 3, 30)))
            .Submit("2026-Q2", Followed.At(2026, 7, 2), (1, 9, new DateOnly(2026, 6, 30)), (1, 4, new DateOnly(2026, 8, 30)));

        var onTheDay = FollowFeedMapping.ToIntegrationEvent(m, [], Followed.At(2026, 7, 2));
        Assert.True(Assert.Single(onTheDay.Targets).Met);
        Assert.Equal(["2026-Q1", "2026-Q2"], onTheDay.Reports.Select(r => r.Period));

        var before = FollowFeedMapping.ToIntegrationEvent(Followed.Accepted(), [], Followed.At(2026, 7, 2));
        Assert.Empty(before.Reports);
        var untouched = Assert.Single(before.Targets);
        Assert.Null(untouched.Percent);
        Assert.False(untouched.Met);
    }
}
