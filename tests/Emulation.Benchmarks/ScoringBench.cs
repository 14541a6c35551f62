using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Scoring;
using Marten;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --scoring [--seconds 20] [--clients 16] [--models 5000]: reviewers submitting their scores over
/// HTTP against <c>GET /api/auth/me</c> in the same run; then the round's ranking (API and page) over <c>--models</c>
/// models × 3 submitted scorecards. The scoring round, its models and its reviewers are made through the API as a board
/// does; the large round's scorecards are written as the scoring endpoint writes them (the same events, inline
/// snapshots), in batches, because 15,000 HTTP submissions would take the run's whole time budget.</summary>
public static class ScoringBench
{
    const string Board = "CM-P1-BCD";

    public static async Task RunAsync(string[] args, Options o, string adminDb)
    {
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 256);
        var models = args.Contains("--models") ? o.Models : 5_000;
        var report = BenchHost.Report("Scoring benchmark", args, $"{o.Clients} reviewers, {o.Seconds} s per measurement, ranking over {models:N0} models × 3");
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var officer = await Client.SignIn(http, "canbo.phuong1");
        var secretary = await Client.SignIn(http, "thuky.phuong1");

        // A round of the ward's board over one accepted model per reviewer, each reviewer assigned to their own model.
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo chấm điểm");
        var work = new Workload(officer, secretary, officer, admin, host.Store, period);
        var accepted = new ConcurrentQueue<(Guid Id, long At)>();
        for (var i = 0; i < o.Clients; i++)
            if (!await work.RegisterOne(accepted)) throw new InvalidOperationException("registration fails: " + string.Join(", ", work.Errors.Select(e => $"{e.Key} ×{e.Value}")));
        var boardId = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().First(u => u.GetProperty("code").GetString() == Board).GetProperty("id").GetGuid();
        var reviewers = new List<(Guid Id, Client Api)>();
        for (var i = 0; i < o.Clients; i++)
        {
            var user = $"bench.thamdinh{i:00}";
            var person = await admin.Ok(HttpMethod.Post, "/api/directory/people", new
            {
                userName = user, fullName = $"Người Thẩm Định {i}", password = "DoHieuNang2026", roles = new[] { new { role = "board-member", unitId = (Guid?)boardId } }
            });
            reviewers.Add((person.GetProperty("id").GetGuid(), await Client.SignIn(http, user, "DoHieuNang2026")));
        }
        var ids = accepted.Select(a => a.Id).ToArray();
        var round = await OpenRoundAsync(secretary, period, ids);
        var criteria = (await secretary.Ok(HttpMethod.Get, $"/api/review/rounds/{round}")).GetProperty("criteria").EnumerateArray()
            .Select(c => (Code: c.GetProperty("code").GetString()!, Max: c.GetProperty("maxPoints").GetDecimal())).ToList();
        await WaitForReviewersAsync(secretary, round, reviewers.Select(r => r.Id).ToList());
        (await secretary.Ok(HttpMethod.Post, $"/api/review/rounds/{round}/move", new { to = "scoring", version = 2 })).GetProperty("version");
        for (var i = 0; i < reviewers.Count; i++)
            await secretary.Ok(HttpMethod.Post, $"/api/review/rounds/{round}/assignments", new { modelIds = new[] { ids[i] }, reviewerIds = new[] { reviewers[i].Id } });

        var stages = new ConcurrentDictionary<string, Samples>();
        var cards = reviewers.Select((r, i) => new Card(http, r.Api.Token, round, ids[i], criteria, stages)).ToList();
        foreach (var card in cards) await card.SubmitAsync(null);
        var mePerSecond = await MonitoringBench.Rate(o, async () => (await officer.Get("/api/auth/me")).Status == HttpStatusCode.OK);
        report.Row($"`GET /api/auth/me` (bearer token, roles read), {o.Clients} clients, {o.Seconds} s", $"{mePerSecond:N0} per second");

        var submits = new Samples();
        var errors = new ConcurrentDictionary<string, int>();
        var until = DateTime.UtcNow.AddSeconds(o.Seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(cards.Select(card => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
                if (await card.SubmitAsync(submits) is { } error) errors.AddOrUpdate(error, 1, (_, c) => c + 1);
        })));
        var perSecond = submits.Count / watch.Elapsed.TotalSeconds;
        report.Row($"a reviewer submits (revises) their scores (`POST …/models/{{id}}/scorecard`), {o.Clients} reviewers, {o.Seconds} s",
            $"{perSecond:N0} per second; {submits.Summary}, p99 {submits.P(99):N1} ms; errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}")))}");
        report.Row("score submissions / `GET /api/auth/me`, same run", $"**{perSecond / mePerSecond:P0}**", "at least 50 %", perSecond / mePerSecond >= 0.5);
        report.Row("a submission's stages inside the endpoint (`Server-Timing`), p50 / p95",
            string.Join("; ", stages.OrderBy(s => s.Key == "outside" ? 1 : 0).Select(s => $"{s.Key} {s.Value.P(50):N1} / {s.Value.P(95):N1} ms")) +
            " (outside: the answer's time at the client less the endpoint's stages: authentication, Wolverine's pipeline, reading the body and writing the answer, the network)");

        var large = await LargeRoundAsync(host.Store, boardId, models, reviewers.Take(3).Select(r => r.Id).ToList());
        // The 20,000 events just written go through the feeds and the daemon for a while; the ranking is read once they are
        // at rest, as a board reads it on a working day, not in the wake of 15,000 scores written in a few seconds.
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        {
            var settled = await Projections.SettleAsync(db, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3));
            report.Row($"the large round written ({models:N0} reviews, {models * 3:N0} submitted scorecards), then the feeds and the daemon at rest", $"{settled.TotalSeconds:N1} s");
        }
        foreach (var (what, url, goal) in new[]
        {
            ("the round's ranking, API, first page of 200 rows (`GET /api/review/rounds/{id}/ranking`)", $"/api/review/rounds/{large}/ranking", true),
            ("the round's ranking page (`/tham-dinh/{id}/xep-hang`, 200 rows of the first level and field)", $"/tham-dinh/{large}/xep-hang", true),
            ("the round's whole ranking in one answer, as an export reads it (`…/ranking?size=10000`)", $"/api/review/rounds/{large}/ranking?size=10000", false),
        })
        {
            var times = new Samples();
            var timings = new ConcurrentDictionary<string, Samples>();
            long bytes = 0;
            for (var i = 0; i < 21; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", secretary.Token) } };
                using var reply = await http.SendAsync(request);
                bytes = (await reply.Content.ReadAsByteArrayAsync()).Length;
                if (reply.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)reply.StatusCode}");
                if (i == 0) continue;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                foreach (var (stage, ms) in Timing(reply)) timings.GetOrAdd(stage, _ => new Samples()).Add(ms);
            }
            var inside = timings.IsEmpty ? "" : "; stages p50 (Server-Timing): " + string.Join(", ", timings.Select(s => $"{s.Key} {s.Value.P(50):N1} ms"));
            report.Row($"{what}, {models:N0} models × 3 scores, board secretary, {bytes / 1024:N0} KB", times.Summary + inside,
                goal ? "p95 at most 100 ms" : "", goal ? times.P(95) <= 100 : (bool?)null);
        }
        await report.SaveAsync();
    }

    static async Task<Guid> OpenRoundAsync(Client secretary, Guid period, Guid[] models)
    {
        var campaign = await CampaignOfAsync(secretary, period);
        var rubric = (await secretary.Ok(HttpMethod.Post, "/api/review/rubrics", new { name = "Bộ tiêu chí đo", preset = "tinh" })).GetProperty("id").GetGuid();
        var today = BenchHost.Today;
        var round = (await secretary.Ok(HttpMethod.Post, "/api/review/rounds", new
        {
            name = "Đợt đo chấm điểm", kind = "yearly", campaignId = campaign, periodId = period, levels = new[] { "co-so" },
            rubricId = rubric, selfAssessmentDue = today.AddDays(1), scoringDue = today.AddDays(10), meetingOn = today.AddDays(20)
        })).GetProperty("id").GetGuid();
        // The Registry's feed must have brought every accepted model before the round freezes its list.
        await WaitAsync(async () => (await secretary.Get($"/api/review/rounds/{round}")).Status == HttpStatusCode.OK ? true : (bool?)null);
        await Task.Delay(1000);
        await secretary.Ok(HttpMethod.Post, $"/api/review/rounds/{round}/move", new { to = "self-assessment", version = 1 });
        var covered = (await secretary.Ok(HttpMethod.Get, $"/api/review/rounds/{round}")).GetProperty("models").GetArrayLength();
        if (covered < models.Length) throw new InvalidOperationException($"the round covers {covered} of {models.Length} models");
        return round;
    }

    /// <summary>The campaign of <paramref name="period"/> once the Registry's feed has brought it to Review.</summary>
    public static async Task<Guid> CampaignOfAsync(Client secretary, Guid period) =>
        (await WaitAsync(async () =>
        {
            var (status, body, _) = await secretary.Get("/api/review/campaigns");
            return status == HttpStatusCode.OK && body.ValueKind == JsonValueKind.Array
                ? body.EnumerateArray().FirstOrDefault(c => c.GetRawText().Contains(period.ToString())) is { ValueKind: JsonValueKind.Object } c ? c : (JsonElement?)null
                : null;
        })).GetProperty("id").GetGuid();

    static async Task WaitForReviewersAsync(Client secretary, Guid round, IReadOnlyList<Guid> reviewers) =>
        await WaitAsync(async () =>
        {
            var listed = (await secretary.Ok(HttpMethod.Get, $"/api/review/rounds/{round}/assignments")).GetProperty("reviewers").EnumerateArray()
                .Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
            return reviewers.All(listed.Contains) ? true : (bool?)null;
        });

    static async Task<T> WaitAsync<T>(Func<Task<T?>> probe) where T : struct
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException("the copies never caught up");
    }

    /// <summary>A round in scoring over <paramref name="count"/> models, each scored by the same three reviewers, written
    /// as the endpoints write them: the round's stream, a review stream per model, a scorecard stream per score.</summary>
    public static async Task<Guid> LargeRoundAsync(IDocumentStore store, Guid board, int count, IReadOnlyList<Guid> reviewers)
    {
        var now = DateTimeOffset.UtcNow;
        var today = BenchHost.Today;
        var id = Guid.NewGuid();
        var criteria = RubricPresets.Provincial;
        string[] fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri"];
        var covered = Enumerable.Range(0, count).Select(i => new CoveredModel(Guid.NewGuid(), $"Mô hình xếp hạng {i}", $"CM-2026-{i:0000}", board,
            fields[i % 4], "co-so", null, null, null)).ToList();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Round>(id,
                new RoundCreated(id, "Đợt đo xếp hạng", RoundKind.Yearly, Guid.NewGuid(), "Đo", Guid.NewGuid(), board, ["co-so"], Guid.NewGuid(),
                    new RoundDates(today, today.AddDays(10), today.AddDays(20)), Guid.Empty, now),
                new RoundOpened(id, Guid.NewGuid(), 1, criteria, covered, Guid.Empty, now), new ScoringStarted(id, Guid.Empty, now));
            await session.SaveChangesAsync();
        }
        var random = new Random(5);
        foreach (var batch in covered.Chunk(250))
        {
            await using var session = store.LightweightSession();
            foreach (var m in batch)
            {
                session.Events.StartStream<ModelReview>(ReviewIds.ModelReview(id, m.ModelId), new ReviewersAssigned(id, m.ModelId, reviewers, AssignedHow.Automatic, Guid.Empty, now));
                foreach (var r in reviewers)
                {
                    var scores = criteria.ToDictionary(c => c.Code, c => Math.Round(c.MaxPoints * (decimal)(0.4 + random.NextDouble() * 0.6) * 2) / 2);
                    var total = RubricScore.Total(criteria, scores);
                    session.Events.StartStream<Scorecard>(ReviewIds.Scorecard(id, m.ModelId, r),
                        new ScoresSubmitted(id, m.ModelId, r, scores, null, null, total.Total, total.GatesMet, r, now));
                }
            }
            await session.SaveChangesAsync();
        }
        return id;
    }

    /// <summary>The stages an answer's <c>Server-Timing</c> header names, with their milliseconds.</summary>
    internal static IEnumerable<(string Stage, double Ms)> Timing(HttpResponseMessage reply)
    {
        foreach (var stage in string.Join(",", reply.Headers.TryGetValues("Server-Timing", out var t) ? t : []).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = stage.Split(";dur=");
            if (parts.Length == 2 && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var ms)) yield return (parts[0].Trim(), ms);
        }
    }

    /// <summary>One reviewer's scorecard on their model, submitted again and again with changed points (a revision); the
    /// endpoint's <c>Server-Timing</c> stages of each timed answer go to <paramref name="stages"/>.</summary>
    sealed class Card(HttpClient http, string token, Guid round, Guid model, IReadOnlyList<(string Code, decimal Max)> criteria,
        ConcurrentDictionary<string, Samples> stages)
    {
        long? _version;
        int _n;

        public async Task<string?> SubmitAsync(Samples? samples)
        {
            _n++;
            var scores = criteria.ToDictionary(c => c.Code, c => (object)(Math.Round(c.Max * (0.5m + _n % 10 / 20m) * 2) / 2).ToString(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/review/rounds/{round}/models/{model}/scorecard")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { scores, toUnit = $"Nhận xét lần {_n}", submit = true, version = _version }),
                Headers = { Authorization = new("Bearer", token) }
            };
            var started = Stopwatch.GetTimestamp();
            using var reply = await http.SendAsync(request);
            var text = await reply.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (reply.StatusCode != HttpStatusCode.OK)
            {
                if (samples is null) throw new InvalidOperationException($"scorecard: {(int)reply.StatusCode} {text}");
                return $"{(int)reply.StatusCode}";
            }
            if (samples is not null)
            {
                samples.Add(ms);
                var inside = 0.0;
                foreach (var (stage, d) in Timing(reply))
                {
                    stages.GetOrAdd(stage, _ => new Samples()).Add(d);
                    inside += d;
                }
                stages.GetOrAdd("outside", _ => new Samples()).Add(ms - inside);
            }
            _version = JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt64();
            return null;
        }
    }
}
