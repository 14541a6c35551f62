using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Marten;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench: what users do, against a database that already holds a province's registrations built
/// through the event store. Everything runs on this machine over loopback and stops by itself; see docs/performance.md.</summary>
public static class Bench
{
    public static async Task Main(string[] args)
    {
        var o = Options.Parse(args);
        var adminDb = Environment.GetEnvironmentVariable("EMULATION_BENCH_ADMIN_DB") ?? throw new InvalidOperationException("run through ./build.sh bench");
        if (args.Contains("--recovery"))
        {
            await Recovery.RunAsync(adminDb, o.Rounds);
            return;
        }
        if (args.Contains("--documents")) { await DocumentsBench.RunAsync(args, adminDb); return; }
        if (args.Contains("--dashboard")) { await DashboardBench.RunAsync(args, adminDb); return; }
        if (args.Contains("--monitoring")) { await MonitoringBench.RunAsync(args, o, adminDb); return; }
        if (args.Contains("--evidence")) { await EvidenceBench.RunAsync(args, adminDb); return; }
        if (args.Contains("--review")) { await ReviewBench.RunAsync(args, o, adminDb); return; }
        if (args.Contains("--scoring")) { await ScoringBench.RunAsync(args, o, adminDb); return; }
        if (args.Contains("--awards")) { await AwardsBench.RunAsync(args, adminDb); return; }
        if (args.Contains("--import")) { await ImportBench.RunAsync(args, o, adminDb); return; }
        if (args.Contains("--report")) { await ReportBench.RunAsync(args, o, adminDb); return; }
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 256);
        var report = BenchHost.Report("Emulation benchmark", args, $"{o.Models:N0} models, {o.Clients} registering clients, {o.Readers} readers, {o.Seconds} s, {o.Directory:N0} units and people");
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        var store = (DocumentStore)host.Store;
        var http = host.Http;

        var admin = await Client.SignIn(http, "quantri");
        var officer = await Client.SignIn(http, "canbo.phuong1");
        var secretary = await Client.SignIn(http, "thuky.phuong1");
        var reader = await Client.SignIn(http, "canbo.khanhhoi");

        // A period open for registration now; the bulk-loaded models share it with eight others.
        var today = BenchHost.Today;
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo hiệu năng");

        // 1. The Directory at a province's size, through its API.
        var watch = Stopwatch.StartNew();
        var (unitCount, peopleCount) = await DirectoryLoad.FillAsync(admin, o.Directory, o.Clients);
        Console.WriteLine($"directory: {unitCount:N0} units, {peopleCount:N0} people in {watch.Elapsed.TotalSeconds:N0} s");

        // 2. The register: model streams appended in bulk (COPY) to the event store; the daemon builds the search model.
        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().ToList();
        Guid[] Of(params string[] kinds) => units.Where(u => kinds.Contains(u.GetProperty("kind").GetString()) && u.GetProperty("active").GetBoolean())
            .Select(u => u.GetProperty("id").GetGuid()).ToArray();
        var province = units.First(u => u.GetProperty("code").GetString() == "CM");
        var me = await admin.Ok(HttpMethod.Get, "/api/auth/me");
        var setting = new ModelStreams.Setting(Of("commune", "mass-organisation", "armed-forces", "agency"), Of("board"), province.GetProperty("id").GetGuid(), "CM",
            [.. Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()), period], me.GetProperty("id").GetGuid());
        watch.Restart();
        long appended = 0;
        foreach (var (streams, events) in ModelStreams.Batches(store, o.Models, setting))
        {
            await store.BulkInsertEventsAsync(streams, batchSize: 5_000);
            appended += events;
        }
        var appendSeconds = watch.Elapsed.TotalSeconds;
        var high = await Projections.HighestEvent(db);
        // The daemon applies the new streams to the search model from nothing, as a rebuild replays them.
        var built = await Projections.CatchUpAsync(db, high, TimeSpan.FromMinutes(40));
        var buildRate = appended / built.TotalSeconds;
        var copyRate = await Projections.CopyRowsPerSecondAsync(db, appended);
        report.Row($"bulk append of {o.Models:N0} model streams to the event store (COPY)", $"{appended:N0} events in {appendSeconds:N1} s ({appended / appendSeconds:N0} events/s)");
        report.Row("COPY of event-shaped rows into a plain table, the same count, right after", $"{copyRate:N0} rows/s");
        report.Row($"search model built by the async daemon from those {o.Models:N0} streams ({appended:N0} events, the rate of a rebuild)",
            $"{built.TotalSeconds:N1} s, {buildRate:N0} events/s = **{buildRate / copyRate:P0}** of COPY", "at least 30 % of COPY", buildRate / copyRate >= 0.30);
        // The daemon's and Wolverine's leadership sessions wait in statements of up to a minute, and such a statement's snapshot
        // keeps VACUUM from marking the pages written after it visible to all: the search's index-only scans would then read
        // those rows anyway. Vacuum once no snapshot from before the build's end is left, as autovacuum would a little later.
        var older = await Projections.OlderSnapshotsGoneAsync(db, TimeSpan.FromMinutes(2));
        Console.WriteLine($"snapshots older than the build gone after {older.TotalSeconds:N0} s");
        await db.CreateCommand("vacuum analyze").ExecuteNonQueryAsync();

        // 4. Warm-up of every path (run-time code generation, pools), then the yardstick: GET /api/auth/me.
        var work = new Workload(officer, secretary, reader, admin, store, period);
        for (var i = 0; i < 10; i++)
            if (!await work.RegisterOne()) throw new InvalidOperationException("the registration path fails: " + string.Join(", ", work.Errors.Select(e => $"{e.Key} ×{e.Value}")));
        foreach (var q in Workload.Queries) await reader.Get("/api/registry/models?" + q);
        var meCount = 0;
        var meUntil = DateTime.UtcNow.AddSeconds(o.Seconds);
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < meUntil)
                if ((await officer.Get("/api/auth/me")).Status == HttpStatusCode.OK) Interlocked.Increment(ref meCount);
        })));
        var mePerSecond = meCount / watch.Elapsed.TotalSeconds;
        report.Row($"`GET /api/auth/me` (bearer token, roles read), {o.Clients} clients, {o.Seconds} s", $"{mePerSecond:N0} per second");

        // 5. The searches alone first (their own cost on this machine), then registrations and searches at once.
        var alone = new Workload(officer, secretary, reader, admin, store, period);
        await alone.RunAsync(0, o.Readers, o.Seconds);
        report.Row($"search alone (no registrations), {o.Readers} readers, {Workload.Queries.Length} query shapes, {alone.Seconds:N0} s",
            $"{alone.Searches / alone.Seconds:N0} per second; {alone.Search.Summary}; `GET /api/auth/me` one at a time meanwhile: {alone.Floor.Summary}");
        work = new Workload(officer, secretary, reader, admin, store, period);
        await work.RunAsync(o.Clients, o.Readers, o.Seconds);
        var paths = work.Completed / work.Seconds;
        report.Row($"registration path (draft → submit with the near-duplicate check → accept with a code), {o.Clients} clients, {work.Seconds:N0} s",
            $"{paths:N0} per second ({work.Completed:N0} done, {3 * paths:N0} requests/s); path {work.Path.Summary}; " +
            $"draft p95 {work.Draft.P(95):N0} ms, submit p95 {work.Submit.P(95):N0} ms, accept p95 {work.Accept.P(95):N0} ms; errors: {(work.Errors.IsEmpty ? "none" : string.Join(", ", work.Errors.Select(e => $"{e.Key} ×{e.Value}")))}");
        report.Row("registration paths / `GET /api/auth/me`, same run", $"**{paths / mePerSecond:P0}**", "at least 50 %", paths / mePerSecond >= 0.5);
        report.Row($"search during the registrations, {o.Readers} readers, {Workload.Queries.Length} query shapes", $"{work.Searches / work.Seconds:N0} per second; {work.Search.Summary}",
            "p95 at most 50 ms", work.Search.P(95) <= 50);
        report.Row("`GET /api/auth/me` one at a time during the registrations and searches (what any request waits for a core)", work.Floor.Summary);
        report.Row("projection lag under that load (accept answered → the search model shows it accepted)", work.Lag.Summary, "p95 at most 1 s", work.Lag.P(95) <= 1000);

        // 6. Statistics over the whole register and the administrator's lists, the machine quiet again.
        var modelsInRegister = (await admin.Ok(HttpMethod.Get, "/api/registry/statistics")).GetProperty("total").GetInt64();
        var stats = await Timed(admin, "/api/registry/statistics", 11);
        report.Row($"statistics over the register ({modelsInRegister:N0} models, no filter), administrator", stats.Summary, "p50 at most 50 ms", stats.P(50) <= 50);
        var filtered = await Timed(admin, "/api/registry/statistics?status=Accepted&level=co-so", 11);
        report.Row("statistics, status and level filter (counted from the rows)", filtered.Summary);
        // Viewers without the whole register: a commune's officer (its own units from the rows beside the tallies) and the
        // provincial board's secretary (the tallies less the units the board does not oversee), ADR 0058.
        var board = await Client.SignIn(http, "thuky.bdvtinh");
        report.Row("statistics, no filter, a commune's officer", (await Timed(reader, "/api/registry/statistics", 11)).Summary);
        report.Row("statistics, no filter, the provincial board's secretary", (await Timed(board, "/api/registry/statistics", 11)).Summary);
        foreach (var (label, url) in new[] { ($"administrator's people page ({peopleCount:N0} people)", "/quan-tri/nguoi-dung"), ($"administrator's units page ({unitCount:N0} units)", "/quan-tri/don-vi") })
        {
            var (status, _, _) = await admin.Get(url);
            var size = (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", admin.Token) } })).Content.Headers.ContentLength;
            var page = await Timed(admin, url, 11);
            report.Row($"{label}, `{url}`", $"{(int)status}, {size / 1024.0:N0} KB; {page.Summary}", "at most 150 ms (p50)", page.P(50) <= 150);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        report.Row("memory at the end (the host and the load generator share one process)",
            $"working set {self.WorkingSet64 / 1024 / 1024:N0} MB, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024:N0} MB after a collection");
        await report.SaveAsync();
    }

    static async Task<Samples> Timed(Client client, string url, int times)
    {
        var samples = new Samples();
        for (var i = 0; i < times; i++)
        {
            var (status, _, ms) = await client.Get(url);
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)status}");
            if (i > 0) samples.Add(ms);
        }
        return samples;
    }
}
