using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Monitoring;

[Collection(AppCollection.Name)]
public sealed class ReportTests(AppFixture app)
{
    static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
    static string Quarter { get { var d = DateTime.UtcNow.AddHours(7); return $"{d.Year}-Q{(d.Month - 1) / 3 + 1}"; } }

    static object Report(long version, object? value = null, string? measuredOn = null, string? period = null, int target = 1) => new
    {
        period = period ?? Quarter, version,
        readings = new[] { new { target, value = value ?? 75, measuredOn = measuredOn ?? Today } },
        whatWasDone = "Tổ chức 3 buổi họp dân, tập huấn kỹ thuật trồng màu.", participants = "Hội Nông dân, Đoàn Thanh niên",
        moneySpent = "15.000.000", peopleReached = 120, difficulties = "Thời tiết mưa nhiều."
    };

    [Fact]
    public async Task The_unit_saves_a_draft_submits_it_and_corrects_it_by_a_later_report_keeping_both()
    {
        var id = await app.AcceptedModel("Báo cáo tiến độ");
        using var officer = await app.As("canbo.phuong1");
        using var other = await app.As("canbo.khanhhoi");

        var draft = (await officer.Post($"/api/monitoring/models/{id}/reports/draft", new { period = Quarter, version = 1, whatWasDone = "Đang tổng hợp" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, draft.Version);
        var otherView = (await other.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Empty(otherView.GetProperty("reports").EnumerateArray());

        var submitted = (await officer.Post($"/api/monitoring/models/{id}/reports", Report(2))).Expect(HttpStatusCode.OK);
        Assert.Equal(draft.Body.GetProperty("reportId").GetGuid(), submitted.Body.GetProperty("reportId").GetGuid());
        var again = (await officer.Post($"/api/monitoring/models/{id}/reports", Report(3))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("báo cáo điều chỉnh", again.Errors("period").Single());

        var reportId = submitted.Body.GetProperty("reportId").GetGuid();
        var noReason = (await officer.Post($"/api/monitoring/models/{id}/reports/{reportId}/corrections", Report(3))).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.Errors("reason"));
        var correction = new Dictionary<string, object?>
        {
            ["version"] = 3, ["reason"] = "Nhập nhầm số liệu", ["whatWasDone"] = "Tổ chức 3 buổi họp dân.",
            ["readings"] = new[] { new { target = 1, value = "80,5", measuredOn = Today } }
        };
        (await officer.Post($"/api/monitoring/models/{id}/reports/{reportId}/corrections", correction)).Expect(HttpStatusCode.OK);

        var view = (await other.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        var reports = view.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(2, reports.Count);
        Assert.Equal(["submitted", "corrected"], reports.Select(r => r.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(reportId, reports[0].GetProperty("corrects").GetGuid());
        Assert.Equal("Nhập nhầm số liệu", reports[0].GetProperty("reason").GetString());
        Assert.Equal(15_000_000m, reports[1].GetProperty("narrative").GetProperty("moneySpent").GetDecimal());
        var target = view.GetProperty("targets").EnumerateArray().Single();
        Assert.Equal(80.5m, target.GetProperty("latest").GetDecimal());
        Assert.Equal(51.3m, target.GetProperty("percent").GetDecimal());
        Assert.Equal("Nguyễn Thị Hoa", reports[0].GetProperty("by").GetString());

        var summary = await app.Summary(id, s => s.ReportsCount == 1 && s.StreamVersion == 4);
        Assert.NotNull(summary.LastReportOn);
    }

    [Fact]
    public async Task Bad_reports_are_refused_with_a_message_naming_the_field_and_store_nothing()
    {
        var id = await app.AcceptedModel("Báo cáo sai");
        using var officer = await app.As("canbo.phuong1");
        var url = $"/api/monitoring/models/{id}/reports";

        var future = (await officer.Post(url, Report(1, measuredOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd")))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không được sau hôm nay", future.Errors("readings[0].measuredOn").Single());
        var unknown = (await officer.Post(url, Report(1, target: 7))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Mô hình không có chỉ tiêu số 7.", unknown.Errors("readings[0].target").Single());
        var wrongType = (await officer.PostRaw(url, $$"""{"period":"{{Quarter}}","version":1,"readings":[{"target":1,"value":"nhiều","measuredOn":"{{Today}}"}]}"""))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("readings[0].value", wrongType.Raw);
        Assert.DoesNotContain("JSON", wrongType.Raw);
        var badPeriod = (await officer.Post(url, Report(1, period: "2026-H1"))).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badPeriod.Errors("period"));
        var nextYear = (await officer.Post(url, Report(1, period: $"{DateTime.UtcNow.Year + 1}-Q4"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("chưa bắt đầu", nextYear.Errors("period").Single());
        var missing = (await officer.Post(url, new { period = Quarter, version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.Errors("whatWasDone"));
        Assert.NotEmpty(missing.Errors("readings"));
        var huge = (await officer.Post(url, new { period = Quarter, version = 1, whatWasDone = new string('a', 5000) })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(huge.Errors("whatWasDone"));
        (await officer.Post(url, Report(9))).Expect(HttpStatusCode.Conflict);
        var noVersion = (await officer.Post(url, new { period = Quarter, whatWasDone = "Họp dân" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noVersion.Errors("version"));
        Assert.Empty((await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_registering_units_officers_report_and_an_unfollowed_model_is_not_found()
    {
        var id = await app.AcceptedModel("Ai được báo cáo");
        using var otherUnit = await app.As("canbo.khanhhoi");
        using var board = await app.As("thuky.phuong1");
        using var admin = await app.As("quantri");
        foreach (var api in new[] { otherUnit, board, admin })
            (await api.Post($"/api/monitoring/models/{id}/reports", Report(1))).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("canbo.phuong1");
        (await officer.Post($"/api/monitoring/models/{Guid.NewGuid()}/reports", Report(1))).Expect(HttpStatusCode.NotFound);
        (await officer.Get($"/api/monitoring/models/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        using var anonymous = new Api(app.Anonymous());
        (await anonymous.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.Unauthorized);
        var seen = (await otherUnit.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("on-track", seen.GetProperty("health").GetString());
        Assert.Empty(seen.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task A_discontinued_model_takes_no_report()
    {
        var id = await app.AcceptedModel("Dừng rồi báo cáo");
        using var board = await app.As("thuky.phuong1");
        (await board.Post($"/api/monitoring/models/{id}/discontinue", new { reason = "Không còn kinh phí", version = 1 })).Expect(HttpStatusCode.OK);
        using var officer = await app.As("canbo.phuong1");
        var refused = (await officer.Post($"/api/monitoring/models/{id}/reports", Report(2))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("dừng hoạt động", refused.Detail);
    }
}
