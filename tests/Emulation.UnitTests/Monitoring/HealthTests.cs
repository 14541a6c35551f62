using Emulation.Contracts;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Health;

namespace Emulation.UnitTests;

/// <summary>Health as days pass over one model accepted on 10/01/2026, quarterly, reducing violations from 20 to 5 by 31/12/2026.</summary>
public sealed class HealthTests
{
    static readonly FollowedModel Model = Followed.Accepted();

    static ModelHealth On(FollowedModel m, int year, int month, int day, int actions = 0) => ModelHealth.Evaluate(m, new DateOnly(year, month, day), actions);

    [Fact]
    public void Before_the_first_report_is_due_a_model_is_on_track()
    {
        var h = On(Model, 2026, 4, 15);
        Assert.Equal(HealthCode.OnTrack, h.Code);
        Assert.Equal("2026-Q1", h.NextPeriod!.Value.Key);
    }

    [Fact]
    public void The_period_to_report_next_follows_the_last_report_not_an_old_gap_before_it()
    {
        var late = Model.Submit("2026-Q3", Followed.At(2026, 10, 5), (1, 12, new DateOnly(2026, 9, 30)));
        Assert.Equal("2026-Q4", On(late, 2026, 11, 20).NextPeriod!.Value.Key);

        var overdue = On(late, 2027, 1, 20);
        Assert.Equal(HealthCode.ReportOverdue, overdue.Code);
        Assert.Equal("2026-Q4", overdue.NextPeriod!.Value.Key);
        Assert.Equal("2027-Q1", On(late.Submit("2026-Q4", Followed.At(2027, 1, 10), (1, 8, new DateOnly(2026, 12, 31))), 2027, 1, 20).NextPeriod!.Value.Key);
    }

    [Fact]
    public void The_day_after_the_due_date_the_report_is_overdue_with_the_days_counted()
    {
        var h = On(Model, 2026, 4, 27);
        Assert.Equal(HealthCode.ReportOverdue, h.Code);
        Assert.Equal("Chậm báo cáo quý 1/2026, 12 ngày", h.Words);
        Assert.Equal(12, h.OverdueDays);
    }

    [Fact]
    public void Two_periods_without_a_report_is_stalled()
    {
        var h = On(Model, 2026, 7, 20);
        Assert.Equal(HealthCode.Stalled, h.Code);
        Assert.StartsWith("Không báo cáo 2 kỳ liên tiếp (từ quý 1/2026)", h.Words);
    }

    [Fact]
    public void Progress_against_the_time_line_decides_between_on_track_at_risk_and_behind()
    {
        var good = Model.Submit("2026-Q1", Followed.At(2026, 4, 5), (1, 17, new DateOnly(2026, 3, 31)))
            .Submit("2026-Q2", Followed.At(2026, 7, 5), (1, 12, new DateOnly(2026, 6, 30)));
        Assert.Equal(HealthCode.OnTrack, On(good, 2026, 7, 10).Code);

        var slow = Model.Submit("2026-Q1", Followed.At(2026, 4, 5), (1, 19, new DateOnly(2026, 3, 31)))
            .Submit("2026-Q2", Followed.At(2026, 7, 5), (1, 15, new DateOnly(2026, 6, 30)));
        var risk = On(slow, 2026, 7, 10);
        Assert.Equal(HealthCode.AtRisk, risk.Code);
        Assert.Contains("Số vụ vi phạm", risk.Words);

        var stuck = Model.Submit("2026-Q1", Followed.At(2026, 4, 5), (1, 20, new DateOnly(2026, 3, 31)))
            .Submit("2026-Q2", Followed.At(2026, 7, 5), (1, 19, new DateOnly(2026, 6, 30)));
        Assert.Equal(HealthCode.Behind, On(stuck, 2026, 7, 10).Code);
    }

    [Fact]
    public void A_target_past_due_and_not_met_is_behind_and_a_met_one_stays_on_track()
    {
        var yearly = Followed.Accepted(ReportingSchedule.Yearly);
        var notMet = yearly.Submit("2026-N", Followed.At(2027, 1, 5), (1, 8, new DateOnly(2026, 12, 31)));
        Assert.Equal(HealthCode.Behind, On(notMet, 2027, 1, 10).Code);
        var met = yearly.Submit("2026-Q3", Followed.At(2026, 10, 5), (1, 5, new DateOnly(2026, 9, 30)))
            .Submit("2026-N", Followed.At(2027, 1, 5), (1, 7, new DateOnly(2026, 12, 31)));
        Assert.Equal(HealthCode.OnTrack, On(met, 2027, 1, 10).Code);
    }

    [Fact]
    public void Overdue_inspection_actions_count_against_health()
    {
        var good = Model.Submit("2026-Q1", Followed.At(2026, 4, 5), (1, 17, new DateOnly(2026, 3, 31)));
        Assert.Equal(HealthCode.OnTrack, On(good, 2026, 4, 20).Code);
        var one = On(good, 2026, 4, 20, actions: 1);
        Assert.Equal(HealthCode.AtRisk, one.Code);
        Assert.EndsWith("1 việc sau kiểm tra quá hạn", one.Words);
        Assert.Equal(HealthCode.Behind, On(good, 2026, 4, 20, actions: 3).Code);
    }

    [Fact]
    public void Paused_discontinued_merged_and_withdrawn_models_say_so()
    {
        var by = Guid.NewGuid();
        Assert.Equal(HealthCode.Paused, On(Model.Apply(new ModelPaused(Model.ModelId, "Mùa mưa bão", by, Followed.At(2026, 5, 1))), 2026, 9, 1).Code);
        var stopped = On(Model.Apply(new ModelDiscontinued(Model.ModelId, "Không còn kinh phí", by, Followed.At(2026, 5, 1))), 2026, 9, 1);
        Assert.Equal(HealthCode.Discontinued, stopped.Code);
        Assert.Equal("Dừng hoạt động từ 01/05/2026: Không còn kinh phí", stopped.Words);
        Assert.Null(stopped.NextPeriod);
        Assert.Contains("CM-2026-0009", On(Model.Apply(new ModelMerged(Model.ModelId, "CM-2026-0009", null, "Gộp", by, Followed.At(2026, 5, 1))), 2026, 9, 1).Words);
        var resumed = Model.Apply(new ModelPaused(Model.ModelId, "Mùa mưa", by, Followed.At(2026, 5, 1))).Apply(new ModelResumed(Model.ModelId, null, by, Followed.At(2026, 6, 1)));
        Assert.Equal(FollowState.Active, resumed.State);
    }

    [Fact]
    public void A_correction_takes_the_place_of_the_report_it_corrects()
    {
        var first = Model.Submit("2026-Q1", Followed.At(2026, 4, 5), (1, 20, new DateOnly(2026, 3, 31)));
        var wrong = first.Reports.Single();
        var corrected = first.Apply(new ReportSubmitted(Model.ModelId, Guid.NewGuid(), "2026-Q1", [new TargetReading(1, 17, new DateOnly(2026, 3, 31))],
            new Narrative(null, null, null, null, null), wrong.Id, Followed.Officer, Followed.At(2026, 4, 8)));
        Assert.Equal(2, corrected.Reports.Count);
        Assert.Equal(17m, Assert.Single(corrected.Standing).Readings.Single().Value);
        Assert.Equal(17m, On(corrected, 2026, 4, 10).Targets.Single().Latest);
    }

    [Fact]
    public void Every_health_code_has_words_a_tag_and_parses_back()
    {
        foreach (var code in HealthLabels.All)
        {
            Assert.NotEmpty(HealthLabels.Label(code));
            Assert.Equal(code, HealthLabels.Parse(HealthLabels.Code(code)));
        }
        Assert.Null(HealthLabels.Parse("xyz"));
    }
}
