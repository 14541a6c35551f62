using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Emulation.Registry.Models;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.Benchmarks;

public static class Bench
{
    public static async Task Main(string[] args)
    {

        // ./build.sh bench [--models 200000] [--seconds 15] [--clients 16]
        // Everything runs on this machine, over loopback, and stops by itself.
        var options = Args.Parse(args);
        var adminDb = Environment.GetEnvironmentVariable("EMULATION_BENCH_ADMIN_DB") ?? throw new InvalidOperationException("run through ./build.sh bench");
        var port = Environment.GetEnvironmentVariable("EMULATION_PGPORT") ?? "55432";
        const string Database = "emulation_bench";
        var report = new StringBuilder();
        void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }

        await using (var admin = new NpgsqlConnection(adminDb))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"drop database if exists {Database} with (force)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"create database {Database}", admin).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(adminDb) { Database = Database, MaxPoolSize = 100 }.ConnectionString;

        Say($"# Emulation benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        Say("");

        // 1. The machine's raw ceiling: single-row inserts with pgbench, 16 clients.
        var rawTps = Pgbench.SingleRowInsertTps(port, Database, options.Clients, options.Seconds);
        Say($"| raw single-row insert, pgbench, {options.Clients} clients, {options.Seconds} s | {rawTps:N0} TPS |");

        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EMULATION_HOST", Path.GetFullPath("src/Host"));
        await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Emulation", connectionString);
            b.UseSetting("DemoData:Seed", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:Console:FormatterName", "simple");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress };

        async Task<string> Token(string user)
        {
            var reply = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Emulation.Directory.Seed.DirectoryDemoSeed.Password });
            reply.EnsureSuccessStatusCode();
            return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        var adminToken = await Token("quantri");
        var officerToken = await Token("canbo.phuong1");

        HttpRequestMessage Request(HttpMethod method, string url, string token, object? body = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        // A period open for registration, for the registration run.
        var campaign = await (await http.SendAsync(Request(HttpMethod.Post, "/api/registry/campaigns", adminToken,
            new { name = "Đợt đo hiệu năng", startYear = 2026, endYear = 2026 }))).Content.ReadFromJsonAsync<JsonElement>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = (await (await http.SendAsync(Request(HttpMethod.Post, $"/api/registry/campaigns/{campaign.GetProperty("id")}/periods", adminToken,
            new { name = "Năm đo", kind = "Year", from = today.AddMonths(-1), to = today.AddMonths(6), registrationOpens = today.AddDays(-1), registrationCloses = today.AddMonths(1), version = 1 })))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        object Dossier(string name) => new
        {
            kind = "Model", name, periodId = period, fieldCode = "kinh-te", levelCode = "co-so",
            situation = "Thu nhập hộ còn thấp", objectives = "Nâng thu nhập", contentAndMethods = "Họp dân, tập huấn", area = "Phường 1", targetGroup = "Hộ dân",
            startDate = today.AddDays(10), evaluationDate = today.AddMonths(5),
            targets = new[] { new { indicator = "Thu nhập bình quân hộ", unitOfMeasure = "triệu đồng/năm", baseline = 60, targetValue = 100, dueDate = today.AddMonths(5) } }
        };

        // Warm up every path once (run-time code generation, connection pools).
        for (var i = 0; i < 20; i++)
            (await http.SendAsync(Request(HttpMethod.Post, "/api/registry/models", officerToken, Dossier($"Khởi động {i}")))).EnsureSuccessStatusCode();

        // Context: the same 16 clients against the cheapest endpoints, to show what HTTP + auth alone cost here.
        foreach (var (label, url, token) in new[] { ("GET /health (one SELECT 1)", "/health", (string?)null), ("GET /api/auth/me (bearer token + roles lookup)", "/api/auth/me", officerToken) })
        {
            var done = 0;
            var until = DateTime.UtcNow.AddSeconds(Math.Min(5, options.Seconds));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                while (DateTime.UtcNow < until)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var reply = await http.SendAsync(request);
                    await reply.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref done);
                }
            }));
            Say($"| context: {label}, {options.Clients} clients | {done / watch.Elapsed.TotalSeconds:N0} per second ({done / watch.Elapsed.TotalSeconds / rawTps:P0} of raw) |");
        }

        // 2. Registrations end to end over HTTP, 16 concurrent clients; projection lag sampled meanwhile.
        var completed = new System.Collections.Concurrent.ConcurrentQueue<(Guid Id, DateTime At)>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var counter = 0;
        var stop = DateTime.UtcNow.AddSeconds(options.Seconds);
        var lags = new List<double>();
        var sampler = Task.Run(async () =>
        {
            var pending = new Dictionary<Guid, DateTime>();
            var quietSince = DateTime.MaxValue;
            while (true)
            {
                while (completed.TryDequeue(out var c)) if (c.Id.GetHashCode() % 10 == 0) pending[c.Id] = c.At;
                if (pending.Count > 0)
                {
                    await using var session = store.QuerySession();
                    var ids = pending.Keys.ToArray();
                    var seen = await session.Query<ModelSummary>().Where(s => s.Id.IsOneOf(ids)).Select(s => s.Id).ToListAsync();
                    var now = DateTime.UtcNow;
                    foreach (var id in seen) { lags.Add((now - pending[id]).TotalMilliseconds); pending.Remove(id); }
                }
                if (DateTime.UtcNow > stop && pending.Count == 0 && completed.IsEmpty) break;
                if (DateTime.UtcNow > stop.AddSeconds(30)) { lags.AddRange(pending.Select(_ => 30_000.0)); break; }
                await Task.Delay(25);
            }
        });
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async worker =>
        {
            while (DateTime.UtcNow < stop)
            {
                var n = Interlocked.Increment(ref counter);
                var started = Stopwatch.GetTimestamp();
                using var reply = await http.SendAsync(Request(HttpMethod.Post, "/api/registry/models", officerToken, Dossier($"Mô hình đo hiệu năng số {n}")));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!reply.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                var body = await reply.Content.ReadFromJsonAsync<JsonElement>();
                completed.Enqueue((body.GetProperty("id").GetGuid(), DateTime.UtcNow));
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampler;
        var ok = latencies.Count - errors;
        var perSecond = ok / elapsed;
        Say($"| registrations over HTTP (POST /api/registry/models), {options.Clients} clients, {elapsed:N1} s | {perSecond:N0} per second ({ok:N0} stored, {errors} errors); latency p50 {Stats.P(latencies, 50):N1} ms, p95 {Stats.P(latencies, 95):N1} ms |");
        Say($"| registrations / raw insert TPS | {perSecond / rawTps:P0} (goal: at least 25%) |");
        Say($"| projection lag (registration answered → row in the search model), {lags.Count} samples | p50 {Stats.P(lags, 50):N0} ms, p95 {Stats.P(lags, 95):N0} ms, max {lags.DefaultIfEmpty().Max():N0} ms (goal: p95 at most 1 s) |");

        // 3. Search over 200,000 models loaded in bulk.
        var units = (await (await http.SendAsync(Request(HttpMethod.Get, "/api/directory/units", adminToken))).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Where(u => u.GetProperty("kind").GetString() is "commune" or "mass-organisation" or "armed-forces")
            .Select(u => (Id: u.GetProperty("id").GetGuid(), Code: u.GetProperty("code").GetString()!)).ToList();
        var provinceId = (await (await http.SendAsync(Request(HttpMethod.Get, "/api/directory/units", adminToken))).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().First(u => u.GetProperty("code").GetString() == "CM").GetProperty("id").GetGuid();
        var load = Stopwatch.StartNew();
        var generated = Generator.Summaries(options.Models, units.Select(u => u.Id).ToList(), provinceId, period).ToList();
        await store.BulkInsertDocumentsAsync(generated, Weasel.Core.BulkInsertMode.InsertsOnly, batchSize: 10_000);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("vacuum analyze registry.mt_doc_modelsummary", conn).ExecuteNonQueryAsync();
        }
        Say($"| bulk load of {options.Models:N0} search rows (COPY) | {load.Elapsed.TotalSeconds:N1} s ({options.Models / load.Elapsed.TotalSeconds:N0} rows/s) |");

        var queries = new[]
        {
            "q=dua%20mau%20xuong", "q=dan%20van%20kheo&sort=name", "status=Accepted&level=co-so", $"period={period}&status=Submitted",
            "field=kinh-te&kind=Model&sort=code", "q=tiet%20kiem&status=Accepted", $"unit={units[0].Id}", "q=cm-2024-01", "level=tinh&page=50",
            $"unit={provinceId}&q=an%20ninh"
        };
        var searchTimes = new List<double>();
        var byShape = queries.ToDictionary(q => q, _ => new List<double>());
        foreach (var token in new[] { adminToken, officerToken })
            for (var round = 0; round < options.SearchRounds; round++)
                foreach (var q in queries)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var reply = await http.SendAsync(Request(HttpMethod.Get, "/api/registry/models?" + q, token));
                    reply.EnsureSuccessStatusCode();
                    await reply.Content.ReadAsByteArrayAsync();
                    if (round > 0) { searchTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); byShape[q].Add(searchTimes[^1]); }
                }
        Say($"| search over {options.Models:N0} models, {searchTimes.Count} requests ({queries.Length} query shapes, administrator and officer) | p50 {Stats.P(searchTimes, 50):N1} ms, p95 {Stats.P(searchTimes, 95):N1} ms, max {searchTimes.Max():N1} ms (goal: p95 at most 50 ms) |");
        foreach (var (shape, times) in byShape) Console.WriteLine($"    {shape}: p50 {Stats.P(times, 50):N1} ms, p95 {Stats.P(times, 95):N1} ms");
        var statTimes = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var reply = await http.SendAsync(Request(HttpMethod.Get, "/api/registry/statistics?status=Accepted&level=co-so", adminToken));
            reply.EnsureSuccessStatusCode();
            if (i > 0) statTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Say($"| statistics over the same data (status and level filter) | p50 {Stats.P(statTimes, 50):N0} ms |");
        Say($"| process working set at the end | {Environment.WorkingSet / 1024 / 1024:N0} MB |");

        System.IO.Directory.CreateDirectory(".artifacts");
        await File.WriteAllTextAsync(".artifacts/bench-results.md", report.ToString());
        Console.WriteLine("\nWritten to .artifacts/bench-results.md");


    }
}

sealed record Args(int Models, int Seconds, int Clients, int SearchRounds)
{
    public static Args Parse(string[] a)
    {
        int Get(string name, int fallback) => Array.IndexOf(a, name) is var i and >= 0 && i + 1 < a.Length ? int.Parse(a[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new Args(Get("--models", 200_000), Get("--seconds", 15), Get("--clients", 16), Get("--search-rounds", 11));
    }
}

static class Stats
{
    public static double P(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

static class Pgbench
{
    public static double SingleRowInsertTps(string port, string database, int clients, int seconds)
    {
        var bin = File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench";
        Run("psql", $"-h 127.0.0.1 -p {port} -U postgres -d {database} -qc \"create table if not exists bench_raw(id bigserial primary key, payload text not null, at timestamptz not null default now())\"");
        var script = Path.GetTempFileName();
        File.WriteAllText(script, "insert into bench_raw(payload) values ('mô hình dân vận khéo');\n");
        var output = Run(bin, $"-h 127.0.0.1 -p {port} -U postgres -n -c {clients} -j 2 -T {seconds} -f {script} {database}");
        var line = output.Split('\n').First(l => l.StartsWith("tps = "));
        return double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);
    }

    static string Run(string file, string arguments)
    {
        var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {output}");
        return output;
    }
}

static class Generator
{
    static readonly string[] Names =
    [
        "Đưa màu xuống ruộng", "Tiết kiệm giúp nhau xóa đói, giảm nghèo", "Trồng cây ăn trái kết hợp với nuôi cá đồng", "Nuôi cua đinh thương phẩm",
        "Cá chình - bống tượng", "5 không, 3 sạch", "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "Mẹ đỡ đầu", "Mái ấm tình thương",
        "Đổi rác thải nhựa lấy quà", "Địa chỉ tin cậy, nhà tạm lánh", "Ánh sáng an ninh", "Thắp sáng ước mơ hoàn lương", "Đội tàu thuyền an toàn",
        "Ấp điểm không có tội phạm và tệ nạn xã hội", "Tết Quân - Dân", "Chính quyền thân thiện", "Cán bộ tìm dân", "Dân vận khéo trong cải cách hành chính"
    ];
    static readonly string[] Places = ["ấp Cái Rắn", "khóm 3", "ấp Kinh Hội", "khóm 5", "ấp Tân Lợi", "tổ 12", "ấp Sào Lưới", "khóm 1"];
    static readonly string[] Levels = ["co-so", "co-so", "co-so", "huyen", "tinh"];
    static readonly string[] Fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri", "nong-thon-moi", "cai-cach-hanh-chinh"];

    public static IEnumerable<ModelSummary> Summaries(int count, List<Guid> units, Guid province, Guid period)
    {
        var random = new Random(20260101);
        var periods = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).Append(period).ToArray();
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var status = (ModelStatus)random.Next(0, 6);
            var at = start.AddMinutes(random.Next(0, 60 * 24 * 365 * 6));
            var s = new ModelSummary
            {
                Id = Guid.NewGuid(), Kind = random.Next(10) < 8 ? ModelKind.Model : ModelKind.CollectiveExemplar,
                Name = $"{Names[random.Next(Names.Length)]} {Places[random.Next(Places.Length)]} {i}",
                UnitId = units[random.Next(units.Count)], ProvinceId = province, PeriodId = periods[random.Next(periods.Length)],
                FieldCode = Fields[random.Next(Fields.Length)], LevelCode = Levels[random.Next(Levels.Length)], Status = status,
                RegistryCode = status == ModelStatus.Accepted ? $"CM-{2020 + random.Next(6)}-{random.Next(1, 10_000):0000}" : null,
                CreatedAt = at, SubmittedAt = status == ModelStatus.Draft ? null : at.AddDays(3), UpdatedAt = at.AddDays(5),
                FirstTarget = "Thu nhập bình quân hộ: 60 → 100 triệu đồng/năm", Version = 3
            };
            s.NameKey = Similarity.Key(s.Name);
            s.Index();
            yield return s;
        }
    }
}
