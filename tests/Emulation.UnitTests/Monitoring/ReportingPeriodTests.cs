using Emulation.Monitoring.Following;

namespace Emulation.UnitTests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-Q3", "quý 3/2026", "2026-07-01", "2026-09-30", "2026-10-15")]
    [InlineData("2026-H1", "6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "2026-07-15")]
    [InlineData("2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", "2027-01-15")]
    [InlineData("2026-N", "năm 2026", "2026-01-01", "2026-12-31", "2027-01-15")]
    public void A_period_key_names_its_days_and_its_due_date(string key, string words, string start, string end, string due)
    {
        Assert.True(ReportingPeriod.TryParse(key, out var p));
        Assert.Equal(key, p.Key);
        Assert.Equal(words, p.Words);
        Assert.Equal(DateOnly.Parse(start), p.Start);
        Assert.Equal(DateOnly.Parse(end), p.End);
        Assert.Equal(DateOnly.Parse(due), p.Due);
    }

    [Theory]
    [InlineData(null)] [InlineData("")] [InlineData("2026-Q5")] [InlineData("2026-H3")] [InlineData("1999-Q1")] [InlineData("2026Q1")] [InlineData("abcd-Q1")]
    public void A_key_that_names_no_period_is_refused(string? key) => Assert.False(ReportingPeriod.TryParse(key, out _));

    [Fact]
    public void Due_periods_start_with_the_one_holding_the_acceptance_and_end_with_the_last_whose_due_date_passed()
    {
        var due = ReportingPeriod.DueBy(ReportingSchedule.Quarterly, new DateOnly(2026, 2, 20), new DateOnly(2026, 10, 16)).Select(p => p.Key);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], due);
        Assert.Empty(ReportingPeriod.DueBy(ReportingSchedule.Yearly, new DateOnly(2026, 2, 20), new DateOnly(2027, 1, 15)));
        Assert.Equal(["2026-Q4", "2027-Q1"], [.. ReportingPeriod.Open(ReportingSchedule.Quarterly, new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 1)).Select(p => p.Key)]);
    }

    [Fact]
    public void The_followed_stream_id_is_fixed_by_the_model_id_and_is_never_the_model_id()
    {
        var model = Guid.Parse("0b3f7c9e-0000-4000-8000-000000000001");
        Assert.Equal(FollowedModel.StreamFor(model), FollowedModel.StreamFor(model));
        Assert.NotEqual(model, FollowedModel.StreamFor(model));
        Assert.NotEqual(FollowedModel.StreamFor(Guid.NewGuid()), FollowedModel.StreamFor(model));
    }
}
