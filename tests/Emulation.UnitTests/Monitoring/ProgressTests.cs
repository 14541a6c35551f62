using Emulation.Monitoring.Following;
using Emulation.Monitoring.Health;

namespace Emulation.UnitTests;

public sealed class ProgressTests
{
    static readonly DateOnly Start = new(2026, 1, 10), Due = new(2026, 12, 31);
    static readonly FollowedTarget Reduce = new(1, "Số vụ vi phạm", "vụ", 20, 5, Due);
    static readonly FollowedTarget Raise = new(2, "Thu nhập bình quân", "triệu đồng", 60, 100, Due);

    static TargetReading R(int target, decimal value, int month, int day = 1) => new(target, value, new DateOnly(2026, month, day));

    [Fact]
    public void Reducing_from_20_to_5_is_60_percent_done_at_11()
    {
        var p = TargetProgress.Of(Reduce, [R(1, 11, 6)], new DateOnly(2026, 7, 1), Start);
        Assert.Equal(60m, p.Percent);
        Assert.False(p.Met);
        Assert.Equal(11m, p.Latest);
    }

    [Fact]
    public void Raising_from_60_to_100_is_25_percent_done_at_70_and_nothing_below_the_baseline_is_negative()
    {
        Assert.Equal(25m, TargetProgress.Of(Raise, [R(2, 70, 6)], new DateOnly(2026, 7, 1), Start).Percent);
        Assert.Equal(0m, TargetProgress.Of(Raise, [R(2, 50, 6)], new DateOnly(2026, 7, 1), Start).Percent);
        Assert.Equal(0m, TargetProgress.Of(Reduce, [R(1, 25, 6)], new DateOnly(2026, 7, 1), Start).Percent);
    }

    [Fact]
    public void A_met_target_stays_met_when_a_later_reading_slips()
    {
        var p = TargetProgress.Of(Reduce, [R(1, 4, 3), R(1, 9, 6)], new DateOnly(2027, 2, 1), Start);
        Assert.True(p.Met);
        Assert.Equal(new DateOnly(2026, 3, 1), p.MetOn);
        Assert.Equal(100m, p.Percent);
        Assert.False(p.Late);
        Assert.Equal(9m, p.Latest);
    }

    [Fact]
    public void Past_due_and_not_met_is_late_but_not_before_the_due_date()
    {
        Assert.True(TargetProgress.Of(Reduce, [R(1, 8, 12)], new DateOnly(2027, 1, 1), Start).Late);
        Assert.False(TargetProgress.Of(Reduce, [R(1, 8, 12)], new DateOnly(2026, 12, 31), Start).Late);
    }

    [Fact]
    public void Readings_measured_after_the_day_asked_about_do_not_count()
    {
        var p = TargetProgress.Of(Reduce, [R(1, 11, 6), R(1, 5, 9)], new DateOnly(2026, 7, 1), Start);
        Assert.Equal(60m, p.Percent);
        Assert.False(p.Met);
    }

    [Fact]
    public void The_expected_share_follows_the_calendar_from_acceptance_to_the_due_date()
    {
        Assert.Equal(0m, TargetProgress.ExpectedShare(Start, Due, Start));
        Assert.Equal(100m, TargetProgress.ExpectedShare(Start, Due, new DateOnly(2027, 3, 1)));
        Assert.InRange(TargetProgress.ExpectedShare(Start, Due, new DateOnly(2026, 7, 6))!.Value, 49m, 51m);
        Assert.Null(TargetProgress.ExpectedShare(Start, null, new DateOnly(2026, 7, 6)));
    }
}
