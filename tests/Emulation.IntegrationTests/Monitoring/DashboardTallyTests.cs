using System.Net;
using Emulation.Monitoring.Dashboards;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The dashboards' tallies (ADR 0019) against the rows they count: after a model is followed, reported on and
/// discontinued, and after compaction, the tally's sums are what a GROUP BY of the summaries and report rows gives.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTallyTests(AppFixture app)
{
    const string Summaries = "select board_id, unit_id, health, field_code, district_id, commune_id, count(*)::bigint, " +
                             "sum((reports_count = 0)::int)::bigint, sum((overdue_days > 0)::int)::bigint from monitoring.mt_doc_monitoringsummary group by 1, 2, 3, 4, 5, 6";
    const string SummaryTally = "select board_id, unit_id, health, field_code, district_id, commune_id, sum(models)::bigint, sum(never)::bigint, " +
                                "sum(late)::bigint from monitoring.summary_tally group by 1, 2, 3, 4, 5, 6 having sum(models) <> 0";
    const string Reports = "select board_id, unit_id, month, count(*)::bigint from monitoring.mt_doc_submittedreport group by 1, 2, 3";
    const string ReportTally = "select board_id, unit_id, month, sum(reports)::bigint from monitoring.report_month_tally group by 1, 2, 3 having sum(reports) <> 0";

    /// <summary>Rows in one set and not the other, both read in one statement (one snapshot: the daemon may be writing).</summary>
    async Task<long> Differences(string rows, string tally)
    {
        await using var connection = app.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"select (select count(*) from (({rows}) except all ({tally})) a) + (select count(*) from (({tally}) except all ({rows})) b)";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    async Task<long> Scalar(string sql)
    {
        await using var connection = app.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_tallies_count_what_the_rows_say_through_reports_marks_and_compaction()
    {
        var id = await app.AcceptedModel("Sân chơi cho em");
        await app.Summary(id);
        Assert.Equal(0, await Differences(Summaries, SummaryTally));

        using var officer = await app.As("canbo.phuong1");
        var now = DateTime.UtcNow.AddHours(7);
        (await officer.Post($"/api/monitoring/models/{id}/reports", new
        {
            period = $"{now.Year}-Q{(now.Month - 1) / 3 + 1}", version = 1,
            readings = new[] { new { target = 1, value = 40, measuredOn = InspectionScenarios.Today } },
            whatWasDone = "Làm sân chơi ở ấp 3.", participants = "Đoàn thanh niên", moneySpent = "2.000.000", peopleReached = 40, difficulties = "Không"
        })).Expect(HttpStatusCode.OK);
        await app.Summary(id, s => s.ReportsCount == 1);
        using var board = await app.As("thuky.phuong1");
        (await board.Post($"/api/monitoring/models/{id}/discontinue", new { reason = "Ấp giải thể", version = 2 })).Expect(HttpStatusCode.OK);
        await app.Summary(id, s => s.Health == "discontinued");

        Assert.Equal(0, await Differences(Summaries, SummaryTally));
        Assert.Equal(0, await Differences(Reports, ReportTally));

        await DashboardTallies.CompactAsync(app.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        Assert.Equal(0, await Differences(Summaries, SummaryTally));
        Assert.Equal(0, await Differences(Reports, ReportTally));
        Assert.Equal(0, await Scalar("select count(*) from monitoring.report_month_tally where reports <= 0"));
        Assert.Equal(await Scalar($"select count(*) from ({ReportTally}) t"), await Scalar("select count(*) from monitoring.report_month_tally"));
    }
}
