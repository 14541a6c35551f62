using Emulation.Kernel.Security;
using Emulation.Monitoring;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Marks;
using Emulation.Monitoring.Reports;
using Emulation.Monitoring.Units;
using Microsoft.AspNetCore.Http;

namespace Emulation.UnitTests;

/// <summary>Monitoring's commands decide in pure functions: the followed model, the command, the caller, the time.</summary>
public sealed class MonitoringDecisionTests
{
    static readonly DateTimeOffset Now = new(2026, 7, 20, 3, 0, 0, TimeSpan.Zero);
    static readonly MonitoringUnit Commune = new() { Id = Followed.Unit, Code = "P1", Name = "Phường 1", Kind = "commune", Active = true };
    static readonly MonitoringUnit Board = new() { Id = Followed.Board, Code = "P1-BCD", Name = "Ban", Kind = "board", ParentId = Followed.Unit, CoversLevel = "co-so", Active = true };
    static readonly MonitoringUnitTree Tree = new([Commune, Board]);

    static MonitoringAccess As(string role, Guid unit) => new(new CurrentUser(Followed.Officer, "u", "U", [new RoleAssignment(role, unit)]), Tree);
    static readonly MonitoringAccess Officer = As(Roles.Officer, Followed.Unit), Secretary = As(Roles.BoardSecretary, Followed.Board);

    static SubmitReport Report(long? version = 1, string period = "2026-Q2", int target = 1, string measured = "2026-06-30", decimal value = 11) =>
        new(period, [new ReadingInput(target, value, DateOnly.Parse(measured))], "Họp dân", null, 1_500_000m, 120, null, version);

    static int Status(IResult r) => ((IStatusCodeHttpResult)r).StatusCode ?? 200;
    static IDictionary<string, string[]> Errors(IResult r) =>
        ((HttpValidationProblemDetails)((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)r).ProblemDetails).Errors;

    [Fact]
    public void A_report_on_a_begun_period_with_known_targets_is_submitted()
    {
        var (result, events) = SubmitReportEndpoint.Decide(Followed.Accepted(), Report(), Officer, Guid.NewGuid(), Now);
        Assert.Equal(200, Status(result));
        var e = Assert.IsType<ReportSubmitted>(Assert.Single(events));
        Assert.Equal(("2026-Q2", 11m, 1_500_000m), (e.Period, e.Readings.Single().Value, e.Narrative.MoneySpent!.Value));
    }

    [Fact]
    public void Refusals_come_in_order_and_store_nothing()
    {
        var m = Followed.Accepted();
        Assert.Equal(404, Status(SubmitReportEndpoint.Decide(null, Report(), Officer, Guid.NewGuid(), Now).Item1));
        Assert.Equal(403, Status(SubmitReportEndpoint.Decide(m, Report(), Secretary, Guid.NewGuid(), Now).Item1));
        var stopped = m.Apply(new ModelDiscontinued(m.ModelId, "Hết kinh phí", Followed.Officer, Now));
        Assert.Equal(400, Status(SubmitReportEndpoint.Decide(stopped, Report(stopped.Version), Officer, Guid.NewGuid(), Now).Item1));
        // Read before the step that stopped it: told to reload first, like every other loser of a race (ADR 0068).
        Assert.Equal(409, Status(SubmitReportEndpoint.Decide(stopped, Report(stopped.Version + 1), Officer, Guid.NewGuid(), Now).Item1));
        Assert.Equal(400, Status(SubmitReportEndpoint.Decide(m, Report(null), Officer, Guid.NewGuid(), Now).Item1));
        Assert.Equal(409, Status(SubmitReportEndpoint.Decide(m, Report(5), Officer, Guid.NewGuid(), Now).Item1));
        var (future, events) = SubmitReportEndpoint.Decide(m, Report(measured: "2026-07-21"), Officer, Guid.NewGuid(), Now);
        Assert.Contains("không được sau hôm nay", Errors(future)["readings[0].measuredOn"].Single());
        Assert.Empty(events);
        Assert.Equal("Mô hình không có chỉ tiêu số 3.", Errors(SubmitReportEndpoint.Decide(m, Report(target: 3), Officer, Guid.NewGuid(), Now).Item1)["readings[0].target"].Single());
        Assert.Contains("chưa bắt đầu", Errors(SubmitReportEndpoint.Decide(m, Report(period: "2026-Q4"), Officer, Guid.NewGuid(), Now).Item1)["period"].Single());
        Assert.NotEmpty(Errors(SubmitReportEndpoint.Decide(m, Report(period: "2026-H1"), Officer, Guid.NewGuid(), Now).Item1)["period"]);
        Assert.NotEmpty(Errors(SubmitReportEndpoint.Decide(m, Report(period: "2025-Q4"), Officer, Guid.NewGuid(), Now).Item1)["period"]);
    }

    [Fact]
    public void A_withdrawn_model_takes_no_report_and_a_reported_period_takes_a_correction_instead()
    {
        var m = Followed.Accepted();
        var withdrawn = m.Apply(new FollowedFactsChanged(m.ModelId, m.Facts with { SourceStatus = "withdrawn" }, 4, Now)) with { Version = 2 };
        Assert.Contains("rút đăng ký", ((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)SubmitReportEndpoint.Decide(withdrawn, Report(2), Officer, Guid.NewGuid(), Now).Item1).ProblemDetails.Detail);

        var reported = m.Submit("2026-Q2", Now.AddDays(-5), (1, 12, new DateOnly(2026, 6, 30))) with { Version = 2 };
        Assert.Contains("báo cáo điều chỉnh", Errors(SubmitReportEndpoint.Decide(reported, Report(2), Officer, Guid.NewGuid(), Now).Item1)["period"].Single());
        var old = reported.Reports.Single().Id;
        var (ok, events) = CorrectReportEndpoint.Decide(reported, old, new CorrectReport([new ReadingInput(1, 11, new DateOnly(2026, 6, 30))], "Họp dân",
            null, null, null, null, "Sai số", 2), Officer, Guid.NewGuid(), Now);
        Assert.Equal(200, Status(ok));
        Assert.Equal(old, Assert.IsType<ReportSubmitted>(Assert.Single(events)).Corrects);
    }

    [Fact]
    public void A_draft_is_saved_over_the_same_periods_draft()
    {
        var m = Followed.Accepted();
        var draft = new SaveReportDraft("2026-Q2", [], "Đang làm", null, null, null, null, 1);
        var first = Assert.IsType<ReportDraftSaved>(Assert.Single(SaveReportDraftEndpoint.Decide(m, draft, Officer, Guid.NewGuid(), Now).Item2));
        var again = Assert.IsType<ReportDraftSaved>(Assert.Single(SaveReportDraftEndpoint.Decide(m.Apply(first) with { Version = 2 }, draft with { Version = 2 }, Officer, Guid.NewGuid(), Now).Item2));
        Assert.Equal(first.ReportId, again.ReportId);
    }

    [Fact]
    public void Marks_follow_the_state_and_only_the_covering_board_makes_them()
    {
        var m = Followed.Accepted();
        Assert.Equal(403, Status(PauseModelEndpoint.Decide(m, new MarkModel("Mưa bão", 1), Officer, Now).Item1));
        Assert.Equal(400, Status(PauseModelEndpoint.Decide(m, new MarkModel(null, 1), Secretary, Now).Item1));
        var paused = m.Apply(Assert.IsType<ModelPaused>(Assert.Single(PauseModelEndpoint.Decide(m, new MarkModel("Mưa bão", 1), Secretary, Now).Item2))) with { Version = 2 };
        Assert.Equal(400, Status(PauseModelEndpoint.Decide(paused, new MarkModel("Lần nữa", 2), Secretary, Now).Item1));
        Assert.Equal(403, Status(RequestResumeEndpoint.Decide(paused, new MarkModel("Xin làm lại", 2), Secretary, Now).Item1));
        var asked = paused.Apply(Assert.IsType<ResumeRequested>(Assert.Single(RequestResumeEndpoint.Decide(paused, new MarkModel("Xin làm lại", 2), Officer, Now).Item2))) with { Version = 3 };
        Assert.Equal(400, Status(RequestResumeEndpoint.Decide(asked, new MarkModel("Lần hai", 3), Officer, Now).Item1));
        var resumed = asked.Apply(Assert.IsType<ModelResumed>(Assert.Single(ResumeModelEndpoint.Decide(asked, new MarkModel(null, 3), Secretary, Now).Item2)));
        Assert.Equal((FollowState.Active, (ResumeRequest?)null), (resumed.State, resumed.PendingResume));
        var other = Followed.Accepted() with { ModelId = Guid.NewGuid(), Facts = m.Facts with { Code = "CM-2026-0002" } };
        var merged = MergeModelEndpoint.Decide(m, new MergeModel("CM-2026-0002", "Gộp", 1), other, Secretary, Now);
        Assert.Equal("CM-2026-0002", Assert.IsType<ModelMerged>(Assert.Single(merged.Item2)).IntoCode);
        Assert.NotEmpty(Errors(MergeModelEndpoint.Decide(m, new MergeModel("CM-2026-0001", "Gộp", 1), m, Secretary, Now).Item1)["intoCode"]);
    }
}
