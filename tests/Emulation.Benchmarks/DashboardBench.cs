using System.Diagnostics;
using System.Net;
using Emulation.Monitoring.Dashboards;
using Emulation.Monitoring.Health;
using Emulation.Monitoring.Summary;
using Marten;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --dashboard [--models 200000] [--reports 1000000]: the board's dashboard over a country's
/// worth of followed models. The read models are bulk-loaded (COPY through Marten's BulkInsert) in the shape the
/// monitoring core's subscription and the report projection write them (ADR 0019, docs/performance.md): following
/// 200,000 models and submitting a million reports through the product would take hours on this machine, and what
/// the dashboard reads is the summary and the report rows, not the events.</summary>
public static class DashboardBench
{
    public static async Task RunAsync(string[] args, string adminDb)
    {
        int Get(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
        var (modelCount, reportCount) = (Get("--models", 200_000), Get("--reports", 1_000_000));
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 64);
        var report = BenchHost.Report("Dashboard benchmark", args, $"{modelCount:N0} followed models, {reportCount:N0} submitted reports");
        var store = host.Store;
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var board = await Client.SignIn(http, "thuky.bdvtinh");

        // Where the models lie: the seeded province's communes and districts; the provincial board decided on them all.
        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().ToList();
        Guid Id(string code) => units.Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var province = Id("CM");
        var boardId = Id("CM-BDV");
        (Guid Unit, Guid? District)[] places =
            [(Id("CM-P1"), Id("CM-TP")), (Id("CM-P5"), Id("CM-TP")), (Id("CM-P8"), Id("CM-TP")), (Id("CM-KH"), Id("CM-UM")), (Id("CM-TH"), Id("CM-TVT")),
             (Id("CM-HLHPN"), null), (Id("CM-TD"), null), (Id("CM-HND"), null)];
        string[] fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri", "nong-thon-moi", "cai-cach-hanh-chinh"];
        var today = BenchHost.Today;
        var random = new Random(7);

        var watch = Stopwatch.StartNew();
        var models = new List<MonitoringSummary>(modelCount);
        for (var i = 0; i < modelCount; i++)
        {
            var (unit, district) = places[random.Next(places.Length)];
            var health = HealthLabels.All[random.Next(HealthLabels.All.Count)];
            var reports = random.Next(0, 11);
            var late = health is HealthCode.ReportOverdue or HealthCode.Stalled ? random.Next(1, 400) : 0;
            models.Add(new MonitoringSummary
            {
                Id = Guid.NewGuid(), StreamId = Guid.NewGuid(), Name = $"Mô hình thử {i:000000}", Code = $"CM-2025-{i:000000}", Kind = "model",
                UnitId = unit, UnitName = "", ProvinceId = province, DistrictId = district, CommuneId = district is null ? null : unit,
                FieldCode = fields[random.Next(fields.Length)], LevelCode = "tinh", BoardId = boardId, Schedule = "quarterly", State = "active",
                Health = HealthLabels.Code(health), HealthLabel = HealthLabels.Label(health), HealthWords = HealthLabels.Label(health),
                AcceptedOn = today.AddDays(-random.Next(30, 1500)), ReportsCount = reports, OverdueDays = late,
                NextDueOn = today.AddDays(late > 0 ? -late : random.Next(1, 90)), EvaluatedOn = today
            });
        }
        await store.BulkInsertAsync(models, batchSize: 10_000);
        var reportsLoaded = new List<SubmittedReport>(100_000);
        var start = today.AddMonths(-24).ToDateTime(TimeOnly.MinValue);
        for (var i = 0; i < reportCount; i++)
        {
            var m = models[random.Next(models.Count)];
            var at = new DateTimeOffset(start.AddMinutes(random.Next(0, 24 * 30 * 24 * 60)), TimeSpan.Zero);
            reportsLoaded.Add(new SubmittedReport(Guid.NewGuid(), m.Id, m.UnitId, m.BoardId, SubmittedReportProjection.Month(at), at));
            if (reportsLoaded.Count == 100_000 || i == reportCount - 1)
            {
                await store.BulkInsertAsync(reportsLoaded, batchSize: 10_000);
                reportsLoaded.Clear();
            }
        }
        report.Row($"bulk load of {modelCount:N0} summaries and {reportCount:N0} report rows (COPY)", $"{watch.Elapsed.TotalSeconds:N0} s");
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString)) await db.CreateCommand("vacuum analyze").ExecuteNonQueryAsync();

        foreach (var (label, client, url) in new[]
                 {
                     ("the board's dashboard, provincial board secretary (every model is the board's)", board, "/api/monitoring/dashboards/board"),
                     ("the board's dashboard, administrator (all models)", admin, "/api/monitoring/dashboards/board"),
                     ("the dashboard page, provincial board secretary (HTML)", board, "/theo-doi/tong-quan"),
                     ("the monitoring list, health filter, first page", board, "/api/monitoring/list?health=behind"),
                     ("the monitoring list, text filter", board, "/api/monitoring/list?q=th%E1%BB%AD%20012")
                 })
        {
            var samples = new Samples();
            for (var i = 0; i < 21; i++)
            {
                var (status, _, ms) = await client.Get(url);
                if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)status}");
                if (i > 0) samples.Add(ms);
            }
            var goal = url == "/api/monitoring/dashboards/board";
            report.Row($"{label}, `{url}`, 20 requests after one warm-up", samples.Summary, goal ? "p95 at most 100 ms" : "", goal ? samples.P(95) <= 100 : null);
        }
        await report.SaveAsync();
    }
}
