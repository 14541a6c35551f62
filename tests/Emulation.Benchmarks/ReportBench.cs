using System.Diagnostics;
using System.Net;
using Emulation.Awards.Proposals;
using Emulation.Awards.Reports;
using Emulation.Contracts;
using Marten;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --report [--models 200000] [--clients 4]: the sơ kết report of a campaign of that many accepted
/// models (2020-2023), for the whole province, as JSON, .docx, PDF and .xlsx, one request at a time and then with
/// several officials asking at once. Awards' copies are written as the Registry's and Review's feeds write them (the same
/// <c>ReportModel.Accept</c> over the same <c>ModelUpdated</c>), in bulk rather than through 200,000 feed deliveries;
/// the baseline in the same run is reading the scope's rows with one plain SQL query.</summary>
public static class ReportBench
{
    public static async Task RunAsync(string[] args, Options o, string adminDb)
    {
        var clients = Value(args, "--clients", 4);
        var report = BenchHost.Report("Report benchmark", args, $"{o.Models:N0} accepted models, {clients} concurrent clients");
        await using var host = await BenchHost.StartAsync(adminDb);
        var admin = await Client.SignIn(host.Http, "quantri");
        var campaign = await admin.Ok(HttpMethod.Post, "/api/registry/campaigns", new { name = "Dân vận khéo đo báo cáo", startYear = 2020, endYear = 2025 });
        var campaignId = campaign.GetProperty("id").GetGuid();
        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().ToList();
        var province = units.First(u => u.GetProperty("code").GetString() == "CM").GetProperty("id").GetGuid();
        Guid[] Of(string kind) => units.Where(u => u.GetProperty("kind").GetString() == kind && u.GetProperty("active").GetBoolean())
            .Select(u => u.GetProperty("id").GetGuid()).ToArray();
        var communes = Of("commune");
        var districts = Of("district") is { Length: > 0 } d ? d : communes;
        var periodId = Guid.NewGuid();

        // The copies, as the feeds write them.
        var watch = Stopwatch.StartNew();
        var fields = StandardFields.All.Select(f => f.Code).ToArray();
        var ids = new Guid[o.Models];
        var first = new DateTimeOffset(2020, 3, 1, 3, 0, 0, TimeSpan.Zero);
        for (var start = 0; start < o.Models; start += 10_000)
        {
            var batch = new List<ReportModel>();
            for (var i = start; i < Math.Min(o.Models, start + 10_000); i++)
            {
                ids[i] = Guid.NewGuid();
                var level = (i % 9) switch { < 5 => StandardLevels.Grassroots, < 7 => StandardLevels.District, 8 when i % 90 == 8 => StandardLevels.Central, _ => StandardLevels.Province };
                var unit = level == StandardLevels.Grassroots ? communes[i % communes.Length] : level == StandardLevels.District ? districts[i % districts.Length] : province;
                var kind = (i % 10) switch { 8 => ModelKindCodes.CollectiveExemplar, 9 => ModelKindCodes.IndividualExemplar, _ => ModelKindCodes.Model };
                var acceptedAt = first.AddDays(i * 1370.0 / o.Models);
                var model = new ReportModel();
                model.Accept(new ModelUpdated(ids[i], $"CM-{2020 + i % 4}-{i:000000}", $"Mô hình đo báo cáo số {i}", kind, ModelStatusCodes.Accepted, unit, null,
                    campaignId, "Dân vận khéo đo báo cáo", null, periodId, fields[i % fields.Length], level, [], acceptedAt, 3, acceptedAt,
                    SubmittedAt: acceptedAt.AddDays(-15), ReplicatesModelId: i % 7 == 6 ? ids[i / 3] : null, PeriodName: "Giai đoạn 2020-2023"));
                batch.Add(model);
            }
            await host.Store.BulkInsertAsync(batch, Weasel.Core.BulkInsertMode.OverwriteExisting);
        }
        await using (var session = host.Store.LightweightSession())
        {
            session.Store(new ReportCampaign { Id = campaignId, Name = "Dân vận khéo đo báo cáo", Periods = [new ReportPeriod(periodId, "Giai đoạn 2020-2023")] });
            // Four published rounds; one model in forty outstanding, one in eighty proposed.
            for (var r = 0; r < 4; r++)
                session.Store(new ProposalList
                {
                    Id = Guid.NewGuid(), Name = $"Sơ kết {2020 + r}", Kind = "midterm", CampaignId = campaignId, PeriodId = periodId, Published = true,
                    PublishedAt = new DateTimeOffset(2021 + r, 1, 15, 3, 0, 0, TimeSpan.Zero), SourceVersion = 1,
                    Outcomes = [.. Enumerable.Range(0, o.Models).Where(i => i / 10 % 4 == r && i % 10 == 3).Select(i => new ModelOutcome(ids[i],
                        i % 40 == 3 ? (i % 80 == 3 ? OutcomeCodes.Proposed : OutcomeCodes.Outstanding) : OutcomeCodes.Recognised, null, DateTimeOffset.UtcNow))]
                });
            await session.SaveChangesAsync();
        }
        var commendations = o.Models / 40;
        for (var start = 0; start < commendations; start += 2_000)
        {
            await using var session = host.Store.LightweightSession();
            for (var i = start; i < Math.Min(commendations, start + 2_000); i++)
            {
                var id = Guid.NewGuid();
                var collective = i % 3 != 0;
                session.Events.StartStream<PastCommendation>(id, new PastCommendationImported(id, campaignId, i % 2 == 0 ? ids[i * 40 + 3] : null, null,
                    collective ? RecipientKinds.Collective : RecipientKinds.Individual, $"Người nhận {i}", null, i % 2 == 0 ? null : communes[i % communes.Length], "",
                    i % 5 == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen của Chủ tịch UBND huyện", $"{i}/QĐ-UBND", new DateOnly(2021 + i % 3, 6, 1),
                    "Ủy ban nhân dân", new ImportSource(Guid.Empty, "khen-thuong.xlsx", "Khen thưởng", i + 2), Guid.Empty, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString)) await db.CreateCommand("vacuum analyze").ExecuteNonQueryAsync();
        report.Row($"{o.Models:N0} model copies, 4 published rounds, {commendations:N0} register commendations written", $"{watch.Elapsed.TotalSeconds:N1} s");

        // Baseline: the scope's rows read by one plain query, as the report starts.
        var baseline = new Samples();
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
            for (var run = 0; run < 6; run++)
            {
                var started = Stopwatch.GetTimestamp();
                await using var command = db.CreateCommand($"select id, code, name, kind, status, unit_id, level_code, field_code, submitted_at, accepted_at, replicates_model_id from awards.mt_doc_reportmodel where campaign_id = '{campaignId}'");
                await using var reader = await command.ExecuteReaderAsync();
                var n = 0;
                while (await reader.ReadAsync()) n++;
                if (run > 0) baseline.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        report.Row($"baseline: the {o.Models:N0} rows read by one SQL query", baseline.Summary);

        var query = $"campaign={campaignId}&on=2023-12-31";
        var json = await admin.Ok(HttpMethod.Get, "/api/awards/reports/campaign?" + query);
        var accepted = json.GetProperty("totals").GetProperty("accepted").GetInt32();
        if (accepted != o.Models) throw new InvalidOperationException($"the report counts {accepted:N0} accepted models, not {o.Models:N0}");
        var outstanding = json.GetProperty("totals").GetProperty("outstandingModels").GetArrayLength();
        if (outstanding != o.Models / 40) throw new InvalidOperationException($"the report lists {outstanding:N0} outstanding models, not {o.Models / 40:N0}");
        report.Row("what the report holds", $"{accepted:N0} accepted, {outstanding:N0} outstanding models listed (every one in the documents), " +
            $"{json.GetProperty("totals").GetProperty("commendedCollectives").GetInt32() + json.GetProperty("totals").GetProperty("commendedIndividuals").GetInt32():N0} commendations");
        foreach (var (format, label) in new[] { ("", "figures as JSON"), ("/docx", ".docx"), ("/pdf", "PDF"), ("/xlsx", ".xlsx") })
        {
            var url = "/api/awards/reports/campaign" + format + "?" + query;
            await Fetch(host.Http, admin, url);
            var one = new Samples();
            long size = 0;
            for (var run = 0; run < 5; run++)
            {
                var started = Stopwatch.GetTimestamp();
                size = await Fetch(host.Http, admin, url);
                one.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var stages = LastTiming;
            var together = new Samples();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                for (var run = 0; run < 2; run++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await Fetch(host.Http, admin, url);
                    together.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })));
            report.Row($"the report of {o.Models:N0} models for the whole campaign, {label} ({size / 1024.0:N0} KB), one at a time, 5 runs",
                $"**p50 {one.P(50) / 1000:N2} s**, max {one.Max / 1000:N2} s = {one.P(50) / baseline.P(50):N1} × the baseline; last run's stages: {stages}", "at most 3 s", format == "" || one.Max <= 3000);
            report.Row($"the same, {clients} clients at once, 2 each", $"p50 {together.P(50) / 1000:N2} s, max {together.Max / 1000:N2} s");
        }
        await report.SaveAsync();
    }

    static string LastTiming = "";

    static async Task<long> Fetch(HttpClient http, Client client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", client.Token) } };
        using var reply = await http.SendAsync(request);
        var bytes = await reply.Content.ReadAsByteArrayAsync();
        if (reply.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {(int)reply.StatusCode}");
        LastTiming = string.Join(", ", reply.Headers.TryGetValues("Server-Timing", out var t) ? t : []);
        return bytes.Length;
    }

    static int Value(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}
