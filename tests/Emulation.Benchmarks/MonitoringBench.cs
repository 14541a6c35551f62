using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --monitoring [--seconds 20] [--clients 16]: a unit appending progress reports to a model it
/// already follows, over HTTP, against <c>GET /api/auth/me</c> in the same run; then a model's state on a past day
/// folded from a stream of 100 events. Every model is registered, submitted and accepted through the API, and every
/// report goes through the endpoint a unit uses. Two kinds of append: a quarter's first report on models that have not
/// reported yet (what units do each quarter, each model a few times a year), and corrections (the report that takes
/// the place of the last one) chained on one model per client, which grows each stream by hundreds of events.</summary>
public static class MonitoringBench
{
    /// <summary>The host's clock, moved one day forward at the end so that "yesterday" holds every event written.</summary>
    sealed class BenchClock : TimeProvider
    {
        long _offset;
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offset));
        public void Shift(TimeSpan by) => Interlocked.Exchange(ref _offset, by.Ticks);
    }

    public static async Task RunAsync(string[] args, Options o, string adminDb)
    {
        var clock = new BenchClock();
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 256, services: s => s.AddSingleton<TimeProvider>(clock));
        var report = BenchHost.Report("Monitoring benchmark", args, $"{o.Clients} clients, {o.Seconds} s per measurement");
        var store = host.Store;
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var officer = await Client.SignIn(http, "canbo.phuong1");
        var secretary = await Client.SignIn(http, "thuky.phuong1");

        // A period open for registration now, as the main benchmark makes one.
        var today = BenchHost.Today;
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo theo dõi");

        // One accepted model per client, followed once the Registry's feed has reached Monitoring.
        var work = new Workload(officer, secretary, officer, admin, store, period);
        var accepted = new ConcurrentQueue<(Guid Id, long At)>();
        for (var i = 0; i < o.Clients + 1; i++)
            if (!await work.RegisterOne(accepted)) throw new InvalidOperationException("registration fails: " + string.Join(", ", work.Errors.Select(e => $"{e.Key} ×{e.Value}")));
        var chains = new List<Chain>();
        foreach (var (id, _) in accepted) chains.Add(await Chain.StartAsync(officer, id, today));
        // Models that have not reported this quarter, registered by all the clients at once: each gets its first report.
        var fresh = new ConcurrentQueue<(Guid Id, long At)>();
        var wanted = o.Clients * 50;
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            while (fresh.Count < wanted)
                if (!await work.RegisterOne(fresh)) throw new InvalidOperationException("registration fails: " + string.Join(", ", work.Errors.Select(e => $"{e.Key} ×{e.Value}")));
        })));
        var unreported = new ConcurrentQueue<(Guid Id, long Version)>();
        foreach (var (id, _) in fresh) unreported.Enqueue((id, await Chain.FollowedVersionAsync(officer, id)));

        // Warm-up of both paths, then the yardstick.
        foreach (var chain in chains) await chain.AppendAsync(officer, null);
        var mePerSecond = await Rate(o, async () => (await officer.Get("/api/auth/me")).Status == HttpStatusCode.OK);
        report.Row($"`GET /api/auth/me` (bearer token, roles read), {o.Clients} clients, {o.Seconds} s", $"{mePerSecond:N0} per second");

        // A quarter's first report on each of those models, the clients taking the next model as they finish one.
        var firsts = new Samples();
        var firstErrors = new ConcurrentDictionary<string, int>();
        var firstUntil = DateTime.UtcNow.AddSeconds(o.Seconds);
        var firstWatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < firstUntil && unreported.TryDequeue(out var m))
            {
                var (status, _, ms) = await officer.Post($"/api/monitoring/models/{m.Id}/reports", Chain.FirstReport(today, 70, m.Version));
                if (status == HttpStatusCode.OK) firsts.Add(ms); else firstErrors.AddOrUpdate($"{(int)status}", 1, (_, c) => c + 1);
            }
        })));
        var firstsPerSecond = firsts.Count / firstWatch.Elapsed.TotalSeconds;
        report.Row($"a quarter's first progress report on a followed model (`POST .../reports`), {o.Clients} clients, {firsts.Count:N0} models, {firstWatch.Elapsed.TotalSeconds:N1} s",
            $"{firstsPerSecond:N0} per second; {firsts.Summary}, p99 {firsts.P(99):N1} ms; errors: {(firstErrors.IsEmpty ? "none" : string.Join(", ", firstErrors.Select(e => $"{e.Key} ×{e.Value}")))}");
        report.Row("first reports / `GET /api/auth/me`, same run", $"**{firstsPerSecond / mePerSecond:P0}**", "at least 50 %", firstsPerSecond / mePerSecond >= 0.5);

        // Each client appends to its own model, one correction after the other.
        var appends = new Samples();
        var errors = new ConcurrentDictionary<string, int>();
        var until = DateTime.UtcNow.AddSeconds(o.Seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(chains.Take(o.Clients).Select(chain => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
                if (await chain.AppendAsync(officer, appends) is { } error) errors.AddOrUpdate(error, 1, (_, c) => c + 1);
        })));
        var appendsPerSecond = appends.Count / watch.Elapsed.TotalSeconds;
        report.Row($"progress report appended to a followed model (`POST .../reports/{{id}}/corrections`), {o.Clients} clients, {o.Seconds} s",
            $"{appendsPerSecond:N0} per second; {appends.Summary}, p99 {appends.P(99):N1} ms; errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}")))}");
        report.Row("corrections / `GET /api/auth/me`, same run", $"**{appendsPerSecond / mePerSecond:P0}**", "at least 50 %", appendsPerSecond / mePerSecond >= 0.5);

        // Time travel: the last model's stream grown to 100 events, then seen as it stood yesterday (the clock moved a day on).
        var traveller = chains[^1];
        while (traveller.Version < 100) await traveller.AppendAsync(officer, null);
        clock.Shift(TimeSpan.FromDays(1));
        // A token signed yesterday has expired by the moved clock: the secretary signs in again, as on a new day.
        secretary = await Client.SignIn(http, "thuky.phuong1");
        var url = $"/api/monitoring/models/{traveller.ModelId}?on={today:dd'/'MM'/'yyyy}";
        var travel = new Samples();
        for (var i = 0; i < 101; i++)
        {
            var (status, body, ms) = await secretary.Get(url);
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)status} {body}");
            if (i > 0) travel.Add(ms);
        }
        var current = new Samples();
        for (var i = 0; i < 101; i++)
        {
            var (status, _, ms) = await secretary.Get($"/api/monitoring/models/{traveller.ModelId}");
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET model: {(int)status}");
            if (i > 0) current.Add(ms);
        }
        report.Row($"a model's state on a past day, folded from its {traveller.Version} events (`GET /api/monitoring/models/{{id}}?on=…`), board secretary",
            travel.Summary, "p95 at most 20 ms", travel.P(95) <= 20);
        var floor = new Samples();
        for (var i = 0; i < 101; i++)
        {
            var (status, _, ms) = await secretary.Get("/api/auth/me");
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET /api/auth/me: {(int)status}");
            if (i > 0) floor.Add(ms);
        }
        report.Row("the same model today (the stored state, no fold), for comparison", current.Summary);
        report.Row("`GET /api/auth/me` one at a time right after, the least a request costs at that moment", floor.Summary);
        await report.SaveAsync();
    }

    internal static async Task<double> Rate(Options o, Func<Task<bool>> call)
    {
        var count = 0;
        var until = DateTime.UtcNow.AddSeconds(o.Seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
                if (await call()) Interlocked.Increment(ref count);
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A followed model and its standing report for the current quarter: each append corrects the last one.</summary>
    sealed class Chain
    {
        public Guid ModelId { get; private init; }
        public long Version { get; private set; }
        Guid _report;
        DateOnly _today;
        int _n;

        /// <summary>The followed model's version, once Monitoring follows it (the Registry's feed brings it).</summary>
        public static async Task<long> FollowedVersionAsync(Client officer, Guid modelId)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                var (status, body, _) = await officer.Get($"/api/monitoring/models/{modelId}");
                if (status == HttpStatusCode.OK) return body.GetProperty("version").GetInt64();
                if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"model {modelId} never followed: {(int)status}");
                await Task.Delay(100);
            }
        }

        public static async Task<Chain> StartAsync(Client officer, Guid modelId, DateOnly today)
        {
            var chain = new Chain { ModelId = modelId, _today = today, Version = await FollowedVersionAsync(officer, modelId) };
            var saved = await officer.Ok(HttpMethod.Post, $"/api/monitoring/models/{modelId}/reports", FirstReport(today, 60, chain.Version));
            chain._report = saved.GetProperty("reportId").GetGuid();
            chain.Version = saved.GetProperty("version").GetInt64();
            return chain;
        }

        /// <summary>A quarter's first report, as the report form sends it, with one reading of the model's first target.</summary>
        public static object FirstReport(DateOnly today, decimal value, long version) => new
        {
            period = $"{today.Year}-Q{(today.Month - 1) / 3 + 1}", readings = new[] { new { target = 1, value, measuredOn = today } },
            whatWasDone = "Họp dân, tập huấn", participants = "Chi hội phụ nữ", moneySpent = 1_500_000, peopleReached = 120, version
        };

        object[] Readings() => [new { target = 1, value = 60 + _n % 40, measuredOn = _today }];

        /// <summary>Null when appended, else the refusal's status.</summary>
        public async Task<string?> AppendAsync(Client officer, Samples? samples)
        {
            _n++;
            var (status, body, ms) = await officer.Post($"/api/monitoring/models/{ModelId}/reports/{_report}/corrections", new
            {
                readings = Readings(), whatWasDone = $"Họp dân lần {_n}", participants = "Chi hội phụ nữ", moneySpent = 1_500_000 + _n,
                peopleReached = 120 + _n, reason = "Cập nhật số liệu đo mới", version = Version
            });
            if (status != HttpStatusCode.OK)
            {
                if (samples is null) throw new InvalidOperationException($"correction: {(int)status} {body}");
                return $"{(int)status}";
            }
            samples?.Add(ms);
            _report = body.GetProperty("reportId").GetGuid();
            Version = body.GetProperty("version").GetInt64();
            return null;
        }
    }
}
