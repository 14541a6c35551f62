using System.Diagnostics;
using Emulation.Documents.Administrative;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --documents [--rows 500] [--rounds 20]: the minutes of a review meeting with one row per
/// model, first as a user gets them (<c>GET /api/review/rounds/{id}/minutes/{pdf|docx}</c> of a closed round whose
/// scores, decisions and meeting were written as the endpoints write them: the round, the reads, the layout, the
/// answer), then rendered alone from the document layer, each after a warm-up (fonts loaded, code jitted).</summary>
public static class DocumentsBench
{
    public static async Task RunAsync(string[] args, string adminDb)
    {
        var rows = Value(args, "--rows", 500);
        var rounds = Value(args, "--rounds", 20);
        var report = BenchHost.Report("Documents benchmark", args, $"minutes with {rows:N0} result rows, {rounds} requests or renderings of each after one warm-up");
        await using (var host = await BenchHost.StartAsync(adminDb, maxConnections: 16))
        {
            var admin = await Client.SignIn(host.Http, "quantri");
            var secretary = await Client.SignIn(host.Http, "thuky.phuong1");
            var board = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().First(u => u.GetProperty("code").GetString() == "CM-P1-BCD").GetProperty("id").GetGuid();
            var round = await DecidedRoundAsync(host.Store, board, rows);
            foreach (var (kind, goal) in new[] { ("pdf", true), ("docx", false) })
            {
                var url = $"/api/review/rounds/{round}/minutes/{kind}";
                var samples = new Samples();
                long bytes = 0;
                for (var i = 0; i <= rounds; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", secretary.Token) } };
                    using var reply = await host.Http.SendAsync(request);
                    bytes = (await reply.Content.ReadAsByteArrayAsync()).Length;
                    if (reply.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)reply.StatusCode}");
                    if (i > 0) samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                report.Row($"the minutes of a {rows:N0}-row meeting as {kind.ToUpperInvariant()}, `GET {url.Replace(round.ToString(), "{id}")}`, the board's secretary",
                    $"p50 {samples.P(50):N0} ms, **p95 {samples.P(95):N0} ms**, {bytes / 1024.0:N0} KB", goal ? "at most 1 s" : "", goal ? samples.P(95) <= 1000 : null);
            }
        }
        var minutes = Minutes(rows);
        Measure(report, $"the document layer alone: minutes of a {rows:N0}-row meeting as PDF", minutes.ToPdf, rounds, "", null);
        Measure(report, $"the document layer alone: the same as Word (.docx)", minutes.ToDocx, rounds, "", null);
        await report.SaveAsync();
    }

    /// <summary>A closed round of <paramref name="count"/> models, each scored by three reviewers, decided one by one
    /// with the vote, and its meeting recorded: the events the scoring, decision and meeting endpoints append.</summary>
    static async Task<Guid> DecidedRoundAsync(Marten.IDocumentStore store, Guid board, int count)
    {
        var round = await ScoringBench.LargeRoundAsync(store, board, count, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        var now = DateTimeOffset.UtcNow;
        await using var session = store.LightweightSession();
        var covered = (await session.LoadAsync<Emulation.Review.Rounds.Round>(round))!.Models;
        session.Events.Append(round, new Emulation.Review.Rounds.DeliberationStarted(round, Guid.Empty, now));
        var decided = new List<object>
        {
            new Emulation.Review.Decisions.DecisionsStarted(round, now),
            new Emulation.Review.Decisions.DecisionRulesSet(round, Emulation.Review.Decisions.MajorityRule.MoreThanHalfOfPresent, 9, new Dictionary<string, int>(), Guid.Empty, now)
        };
        decided.AddRange(covered.Select((m, i) => new Emulation.Review.Decisions.ModelDecided(round, m.ModelId,
            i % 4 == 0 ? Emulation.Review.Decisions.Outcome.NotRecognised : Emulation.Review.Decisions.Outcome.Recognised, null,
            new Emulation.Review.Decisions.Vote(9, i % 4 == 0 ? 2 : 8, i % 4 == 0 ? 7 : 1), null, 1, Guid.Empty, now)));
        decided.Add(new Emulation.Review.Decisions.MeetingRecorded(round, new Emulation.Review.Decisions.Meeting("12/BB-BCĐ", BenchHost.Today, "08:00", "11:30",
            "Hội trường Ủy ban nhân dân phường", new("Nguyễn Thị Hoa", "Trưởng ban Chỉ đạo"), new("Trần Văn Đức", "Chuyên viên"),
            Enumerable.Range(1, 9).Select(i => new Emulation.Review.Decisions.MeetingPerson($"Thành viên số {i}", "Ủy viên Ban Chỉ đạo")).ToList(), [],
            "Các thành viên thống nhất công nhận các mô hình theo danh sách kèm theo."), Guid.Empty, now));
        session.Events.StartStream<Emulation.Review.Decisions.RoundDecisions>(Emulation.Review.Decisions.RoundDecisions.StreamFor(round), decided.ToArray());
        session.Events.Append(round, new Emulation.Review.Rounds.RoundClosed(round, Guid.Empty, now));
        await session.SaveChangesAsync();
        return round;
    }

    static void Measure(Report report, string what, Func<byte[]> render, int rounds, string goal, Func<double, bool>? met)
    {
        var bytes = render().Length;
        var samples = new Samples();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes = render().Length;
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        report.Row(what, $"p50 {samples.P(50):N0} ms, **p95 {samples.P(95):N0} ms**, {bytes / 1024.0:N0} KB", goal, met?.Invoke(samples.P(95)));
    }

    static int Value(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;

    static MeetingMinutes Minutes(int rows)
    {
        string[] models = ["Mô hình “Dân vận khéo” xây dựng nông thôn mới", "Tổ tự quản đường hoa", "Nhà nhân ái cho hộ nghèo", "Chợ không rác thải nhựa"];
        string[] units = ["Phường Đống Đa", "Xã Ẳng Cang", "Ủy ban Mặt trận Tổ quốc", "Hội Nông dân xã Khánh Hội"];
        return new MeetingMinutes(
            new Issuer("Tỉnh ủy Cà Mau", "Ban Dân vận Tỉnh ủy", "12/BB-BDV", "Cà Mau", new DateOnly(2026, 11, 23)),
            "Họp xét công nhận mô hình “Dân vận khéo” năm 2026", "Vào lúc 08 giờ 00 ngày 23 tháng 11 năm 2026, tại Hội trường Ban Dân vận Tỉnh ủy.",
            "Nguyễn Thị Hoa, Trưởng ban", "Trần Văn Đức, chuyên viên",
            Enumerable.Range(1, 9).Select(i => new MinutesParticipant($"Thành viên số {i}", "Ủy viên Hội đồng")).ToList(),
            ["Báo cáo kết quả chấm điểm.", "Thảo luận.", "Biểu quyết."],
            ["Các thành viên thống nhất đánh giá phong trào có nhiều mô hình hiệu quả, lan tỏa ở cơ sở, được nhân dân đồng tình hưởng ứng."],
            Enumerable.Range(1, rows).Select(i => new MinutesResult($"{models[i % models.Length]} số {i}", units[i % units.Length],
                i % 3 == 0 ? "Kinh tế" : "Văn hóa - xã hội", 60 + i % 40 + 0.25m, i % 4 == 0 ? "Không công nhận" : "Công nhận", 9, 8, 1)).ToList(),
            "Cuộc họp kết thúc vào lúc 11 giờ 30 cùng ngày.",
            new Signature(null, "Thư ký", "Trần Văn Đức"), new Signature(null, "Chủ trì", "Nguyễn Thị Hoa"), ["Lưu: VT, BDV"]);
    }
}
