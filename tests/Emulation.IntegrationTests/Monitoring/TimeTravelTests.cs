using System.Net;
using Emulation.Monitoring.Summary;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Days pass on the host's clock: health turns as periods fall due, and the model page shows any past day.</summary>
[Collection(AppCollection.Name)]
public sealed class TimeTravelTests(AppFixture app)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task Health_turns_as_days_pass_and_each_past_day_shows_the_state_it_had()
    {
        var id = await app.AcceptedModel("Theo thời gian");
        var accepted = Today;
        var quarter = (accepted.Month - 1) / 3 + 1;
        var quarterEnd = new DateOnly(accepted.Year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        var due = quarterEnd.AddDays(15);
        string Key(DateOnly d) => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}";

        try
        {
            // Twelve days after the first report fell due, nothing was sent.
            app.Clock.MoveTo(TimeSpan.FromDays(due.DayNumber - accepted.DayNumber + 12));
            using (var officer = await app.Fresh("canbo.phuong1"))
            {
                var late = (await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
                Assert.Equal("report-overdue", late.GetProperty("health").GetString());
                Assert.Equal($"Chậm báo cáo quý {quarter}/{accepted.Year}, 12 ngày", late.GetProperty("healthWords").GetString());
                await Refresh();
                await app.Summary(id, s => s.Health == "report-overdue" && s.OverdueDays == 12);

                var version = late.GetProperty("version").GetInt64();
                (await officer.Post($"/api/monitoring/models/{id}/reports", new
                {
                    period = Key(accepted), version, whatWasDone = "Họp dân, hỗ trợ giống",
                    readings = new[] { new { target = 1, value = 70, measuredOn = quarterEnd } }
                })).Expect(HttpStatusCode.OK);
                var reported = (await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
                Assert.NotEqual("report-overdue", reported.GetProperty("health").GetString());
            }

            // Two more quarters pass without a report (20 July of the next year).
            var later = new DateOnly(quarterEnd.Year, 1, 1).AddYears(1).AddMonths(6).AddDays(19);
            app.Clock.MoveTo(TimeSpan.FromDays(later.DayNumber - accepted.DayNumber));
            using var board = await app.Fresh("thuky.phuong1");
            var before = (await board.Get($"/api/monitoring/models/{id}?on={accepted.AddDays(-1):dd/MM/yyyy}")).Expect(HttpStatusCode.NotFound);
            Assert.Contains("chưa được theo dõi", before.Detail);

            var first = (await board.Get($"/api/monitoring/models/{id}?on={accepted:dd/MM/yyyy}")).Expect(HttpStatusCode.OK).Body;
            Assert.Equal("on-track", first.GetProperty("health").GetString());
            Assert.Empty(first.GetProperty("reports").EnumerateArray());
            Assert.Empty(first.GetProperty("actions").EnumerateArray());

            var overdue = (await board.Get($"/api/monitoring/models/{id}?on={due.AddDays(11):yyyy-MM-dd}")).Expect(HttpStatusCode.OK).Body;
            Assert.Equal($"Chậm báo cáo quý {quarter}/{accepted.Year}, 11 ngày", overdue.GetProperty("healthWords").GetString());
            Assert.Empty(overdue.GetProperty("reports").EnumerateArray());

            // The report was sent on the twelfth day late; the target's due date had passed unmet by then.
            var afterReport = (await board.Get($"/api/monitoring/models/{id}?on={due.AddDays(12):dd/MM/yyyy}")).Expect(HttpStatusCode.OK).Body;
            Assert.Equal("behind", afterReport.GetProperty("health").GetString());
            Assert.Single(afterReport.GetProperty("reports").EnumerateArray());
            Assert.Equal("Nguyễn Thị Hoa", afterReport.GetProperty("reports")[0].GetProperty("by").GetString());
            Assert.Equal(70m, afterReport.GetProperty("targets")[0].GetProperty("latest").GetDecimal());

            var now = (await board.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
            Assert.Equal("stalled", now.GetProperty("health").GetString());

            var future = (await board.Get($"/api/monitoring/models/{id}?on={later.AddDays(1):dd/MM/yyyy}")).Expect(HttpStatusCode.BadRequest);
            Assert.NotEmpty(future.Errors("on"));
            (await board.Get($"/api/monitoring/models/{id}?on=31/02/2026")).Expect(HttpStatusCode.BadRequest);
        }
        finally
        {
            app.Clock.MoveTo(TimeSpan.Zero);
            await Refresh();
        }
    }

    async Task Refresh()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new RefreshSummaries());
    }
}
