using System.Diagnostics;
using System.Text.Json;
using Marten;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --review [--models 5000]: the provincial board's secretary fills a round of 5,000 accepted
/// models with 3 reviewers each among 60 (<c>POST /api/review/rounds/{id}/assignments/auto</c>), timed at the client: the
/// round, the reviewers and their ties read, the plan, 5,000 review streams and ranking rows written. The models are
/// accepted registrations appended to the Registry's event store and carried to Review by the feed; the reviewers are
/// people made through the Directory's API, each also an officer of a district or a commune of the province, so conflicts
/// come from the unit tree as they do in a round, and their fields of expertise are set through Review's API. Each run
/// is a new round over the same models (a round is filled once); the first is a warm-up. The loads and conflicts are
/// checked afterwards from the stored assignments, against the Directory's tree, not taken from the answer.</summary>
public static class ReviewBench
{
    const int Reviewers = 60, PerModel = 3, Runs = 4;

    public static async Task RunAsync(string[] args, Options o, string adminDb)
    {
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 64);
        var count = args.Contains("--models") ? o.Models : 5_000;
        var report = BenchHost.Report("Review benchmark", args, $"{count:N0} models × {PerModel} reviewers among {Reviewers}, through the endpoint, {Runs - 1} rounds after a warm-up");
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var secretary = await Client.SignIn(http, "thuky.bdvtinh");
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo phân công");

        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().ToList();
        var parent = units.ToDictionary(u => u.GetProperty("id").GetGuid(), u => u.TryGetProperty("parentId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetGuid() : (Guid?)null);
        bool Under(Guid unit, Guid ancestor)
        {
            for (Guid? u = unit; u is { } x; u = parent.GetValueOrDefault(x)) if (x == ancestor) return true;
            return false;
        }
        var province = units.First(u => u.GetProperty("code").GetString() == "CM").GetProperty("id").GetGuid();
        // The province's own units (the demo also holds Thanh Hóa's, which the Cà Mau board does not cover).
        Guid[] Of(string kind) => units.Where(u => u.GetProperty("kind").GetString() == kind && u.GetProperty("active").GetBoolean())
            .Select(u => u.GetProperty("id").GetGuid()).Where(u => Under(u, province)).ToArray();
        var board = units.First(u => u.GetProperty("code").GetString() == "CM-BDV").GetProperty("id").GetGuid();
        var (districts, communes) = (Of("district"), Of("commune"));
        var me = (await admin.Ok(HttpMethod.Get, "/api/auth/me")).GetProperty("id").GetGuid();

        // 1. The accepted models, appended as the registry writes them; the feed brings them to Review.
        var watch = Stopwatch.StartNew();
        var store = (DocumentStore)host.Store;
        var unitOf = new Dictionary<Guid, Guid>();
        var setting = new ModelStreams.Setting(communes, [board], province, "CM", [period], me);
        foreach (var (streams, _) in ModelStreams.Batches(store, count, setting, accepted: true, level: "tinh"))
        {
            foreach (var s in streams) unitOf[s.Id] = ((Emulation.Registry.Models.ModelDrafted)s.Events[0].Data).UnitId;
            await store.BulkInsertEventsAsync(streams, batchSize: 5_000);
        }
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await WaitAsync(async () => await Scalar(db, "select count(*) from review.mt_doc_reviewedmodel where data->>'PeriodId' = @p and data->>'Status' = 'accepted'", period) >= count,
            TimeSpan.FromMinutes(10), "the Registry's feed never brought every model to Review");
        report.Row($"{count:N0} accepted registrations appended to the Registry's event store, then copied into Review by the feed", $"{watch.Elapsed.TotalSeconds:N1} s");

        // 2. The reviewers, through the Directory's API: members of the board and invited experts, each tied to a unit.
        var random = new Random(8);
        string[] fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri", "nong-thon-moi", "cai-cach-hanh-chinh"];
        var ties = new Dictionary<Guid, Guid>();
        for (var i = 0; i < Reviewers; i++)
        {
            var tie = i % 3 == 0 ? districts[random.Next(districts.Length)] : communes[random.Next(communes.Length)];
            var person = await admin.Ok(HttpMethod.Post, "/api/directory/people", new
            {
                userName = $"bench.phancong{i:00}", fullName = $"Người Thẩm Định {i}", password = "DoHieuNang2026",
                roles = new[] { new { role = i % 2 == 0 ? "board-member" : "expert", unitId = (Guid?)board }, new { role = "officer", unitId = (Guid?)tie } }
            });
            ties[person.GetProperty("id").GetGuid()] = tie;
        }
        await WaitAsync(async () => await Scalar(db, "select count(*) from review.mt_doc_reviewperson where data->>'FullName' like 'Người Thẩm Định %'") >= Reviewers,
            TimeSpan.FromMinutes(2), "the Directory's feed never brought the reviewers to Review");
        var k = 0;
        foreach (var id in ties.Keys)
            await secretary.Ok(HttpMethod.Put, $"/api/review/reviewers/{id}/fields", new { fields = new[] { fields[k++ % fields.Length] } });

        // 3. Rounds over the models, each filled automatically.
        var campaign = await ScoringBench.CampaignOfAsync(secretary, period);
        var rubric = (await secretary.Ok(HttpMethod.Post, "/api/review/rubrics", new { name = "Bộ tiêu chí đo phân công", preset = "tinh" })).GetProperty("id").GetGuid();
        var times = new Samples();
        var answers = new List<string>();
        Guid last = default;
        for (var run = 0; run < Runs; run++)
        {
            var today = BenchHost.Today;
            last = (await secretary.Ok(HttpMethod.Post, "/api/review/rounds", new
            {
                name = $"Đợt đo phân công {run}", kind = "yearly", campaignId = campaign, periodId = period, levels = new[] { "tinh" }, rubricId = rubric,
                selfAssessmentDue = today.AddDays(1), scoringDue = today.AddDays(10), meetingOn = today.AddDays(20)
            })).GetProperty("id").GetGuid();
            await secretary.Ok(HttpMethod.Post, $"/api/review/rounds/{last}/move", new { to = "self-assessment", version = 1 });
            var covered = (await secretary.Ok(HttpMethod.Get, $"/api/review/rounds/{last}")).GetProperty("models").GetArrayLength();
            if (covered != count) throw new InvalidOperationException($"the round covers {covered} of {count} models");
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/review/rounds/{last}/assignments/auto")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { perModel = PerModel }), Headers = { Authorization = new("Bearer", secretary.Token) }
            };
            using var reply = await http.SendAsync(request);
            var body = await reply.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if ((int)reply.StatusCode != 200) throw new InvalidOperationException($"auto: {(int)reply.StatusCode} {body}");
            if (run > 0) times.Add(ms);
            var stages = string.Join(", ", ScoringBench.Timing(reply).Select(t => $"{t.Stage} {t.Ms:0.0}"));
            answers.Add($"{ms:N0} ms ({stages} ms)");
        }

        // 4. What the last round stored, checked against the tree.
        // The board's demo reviewers (its member and experts) are in the pool too: every reviewer's ties are the units
        // of the roles they hold anywhere but at the board, read from Review's copy of people.
        var pairs = new List<(Guid Model, Guid Reviewer)>();
        var tiesOf = new Dictionary<Guid, List<Guid>>();
        await using (var session = host.Store.QuerySession())
        {
            foreach (var review in await session.Query<Emulation.Review.Assignment.ModelReview>().Where(r => r.RoundId == last).ToListAsync())
                pairs.AddRange(review.Reviewers.Select(r => (review.ModelId, r)));
            foreach (var person in await session.LoadManyAsync<Emulation.Review.Units.ReviewPerson>(pairs.Select(p => p.Reviewer).Distinct().ToArray()))
                tiesOf[person.Id] = person.Roles.Select(r => Guid.TryParse(r[(r.IndexOf('@') + 1)..], out var u) ? u : Guid.Empty)
                    .Where(u => u != Guid.Empty && u != board).ToList();
        }
        bool Conflict(Guid model, Guid reviewer) => tiesOf[reviewer].Any(t => Under(unitOf[model], t) || Under(t, unitOf[model]));
        var conflicted = pairs.Count(p => Conflict(p.Model, p.Reviewer));
        var loads = pairs.CountBy(p => p.Reviewer).Select(p => p.Value).ToList();
        var complete = pairs.Count == count * PerModel && pairs.GroupBy(p => p.Model).All(g => g.Select(p => p.Reviewer).Distinct().Count() == PerModel);
        var banned = unitOf.Keys.Sum(m => tiesOf.Keys.Count(r => Conflict(m, r)));
        report.Row($"automatic assignment through `POST …/assignments/auto`, {count:N0} models × {PerModel} among {tiesOf.Count} reviewers ({Reviewers} made for the run, the rest the board's demo reviewers; {banned:N0} conflicted pairs), the board's secretary, {Runs - 1} rounds after a warm-up",
            $"{times.Summary} (each run: {string.Join(", ", answers)}, the first a warm-up); stored: {pairs.Count:N0} pairs, loads {loads.Min()}–{loads.Max()}, {conflicted} conflicted pairs, every model {PerModel} distinct: {complete}",
            "at most 2 s, loads within one, no conflict", times.P(100) <= 2000 && loads.Max() - loads.Min() <= 1 && conflicted == 0 && complete);
        await report.SaveAsync();
    }

    static async Task<long> Scalar(NpgsqlDataSource db, string sql, Guid? p = null)
    {
        await using var command = db.CreateCommand(sql);
        if (p is { } v) command.Parameters.AddWithValue("p", v.ToString());
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    static async Task WaitAsync(Func<Task<bool>> done, TimeSpan limit, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure);
            await Task.Delay(250);
        }
    }
}
