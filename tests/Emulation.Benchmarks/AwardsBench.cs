using System.Diagnostics;
using Emulation.Awards.Certificates;
using Emulation.Documents.Certificates;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --awards [--certificates 1000] [--seconds 10] [--clients 16] [--part rendering|verification]: certificates rendered one PDF
/// at a time on one thread (one core), one certificate's size, a whole decision as one PDF, then the public
/// verification page under concurrent clients with <c>GET /api/auth/me</c> measured in the same run as the yardstick.</summary>
public static class AwardsBench
{
    public static async Task RunAsync(string[] args, string adminDb)
    {
        var count = Value(args, "--certificates", 1000);
        var seconds = Value(args, "--seconds", 10);
        var clients = Value(args, "--clients", 16);
        var report = BenchHost.Report("Awards benchmark", args, $"{count:N0} certificates, verification page with {clients} clients for {seconds} s");
        var texts = Enumerable.Range(1, count).Select(Text).ToList();

        var part = Array.IndexOf(args, "--part") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : "all";
        if (part is "all" or "rendering") Rendering(report, texts, seconds);
        if (part is "all" or "verification") await Verification(report, adminDb, count, seconds, clients);
        await report.SaveAsync();
    }

    /// <summary>Rendering in this process, after a warm-up long enough for the code to reach its optimised tier (the
    /// first hundreds of calls of a method run unoptimised code). The thread's own processor time is reported next to
    /// the wall clock: on a shared machine the wall clock also counts the time other processes held the core.</summary>
    static void Rendering(Report report, List<CertificateText> texts, int seconds)
    {
        var count = texts.Count;
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed.TotalSeconds < 3; i++) CertificateSheet.Pdf([(texts[i % count], CertificateTemplate.BangKhen)], CertificatePrintMode.Full);
        var single = CertificateSheet.Pdf([(texts[1], CertificateTemplate.BangKhen)], CertificatePrintMode.Full).Length;
        var watch = Stopwatch.StartNew();
        var cpu = ThreadTime.Now();
        var rendered = 0;
        while (watch.Elapsed.TotalSeconds < Math.Min(seconds, 10)) CertificateSheet.Pdf([(texts[rendered++ % count], CertificateTemplate.BangKhen)], CertificatePrintMode.Full);
        var perCore = rendered / watch.Elapsed.TotalSeconds;
        var perCpu = rendered / (ThreadTime.Now() - cpu).TotalSeconds;
        report.Row("certificates rendered, each its own PDF (A3 Bằng khen, frame, QR, subset fonts), one thread",
            $"**{perCore:N0} per second per core** ({rendered:N0} in {watch.Elapsed.TotalSeconds:N1} s); {perCpu:N0} per second of the thread's processor time",
            "at least 200", perCore >= 200);
        report.Row("one certificate PDF", $"**{single / 1024.0:N1} KB**", "at most 100 KB", single <= 100 * 1024);
        var decision = new Samples();
        var decisionCpu = new Samples();
        var decisionBytes = 0;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            decisionBytes = CertificateSheet.Pdf(texts.Select(t => (t, CertificateTemplate.BangKhen)), CertificatePrintMode.Full).Length;
            decision.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            decisionCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds);
        }
        report.Row($"a {count:N0}-certificate decision as one PDF, 3 runs",
            $"**max {decision.Max / 1000:N2} s** (p50 {decision.P(50) / 1000:N2} s), {decisionBytes / 1024.0 / 1024:N1} MB; the process's processor time p50 {decisionCpu.P(50) / 1000:N2} s",
            "at most 2 s", decision.Max <= 2000);
    }

    static async Task Verification(Report report, string adminDb, int count, int seconds, int clients)
    {

        await using var host = await BenchHost.StartAsync(adminDb);
        var approver = await Client.SignIn(host.Http, "lanhdao.tinh");
        var issuer = (await approver.Ok(HttpMethod.Get, "/api/auth/me")).GetProperty("roles").EnumerateArray()
            .First(r => r.GetProperty("role").GetString() == "approver").GetProperty("unitId").GetGuid();
        var decisionId = Guid.NewGuid();
        var facts = Enumerable.Range(1, count).Select(i => Facts(issuer, decisionId, i)).ToList();
        await using (var session = host.Store.LightweightSession())
        {
            await host.Services.GetRequiredService<CertificateIssuer>().IssueAsync(session, facts, Guid.NewGuid(), DateTimeOffset.UtcNow);
            await session.SaveChangesAsync();
        }
        var ids = facts.Select(f => f.CertificateId).ToArray();
        async Task<bool> View(Random r)
        {
            using var reply = await host.Http.GetAsync($"/xac-minh/{ids[r.Next(ids.Length)]}");
            await reply.Content.ReadAsByteArrayAsync();
            return reply.IsSuccessStatusCode;
        }
        async Task<bool> Me(Random _) => (await approver.Get("/api/auth/me")).Status == System.Net.HttpStatusCode.OK;
        // Each measured after two seconds of the same load, so both run optimised code (not the first tier's) and
        // have their connections open.
        await Load(clients, 2, View);
        var page = await Load(clients, seconds, View);
        await Load(clients, 2, Me);
        var me = await Load(clients, seconds, Me);
        report.Row($"GET /api/auth/me (bearer, roles read), {clients} clients, {seconds} s", $"{me.Rate:N0} per second; {me.Times.Summary}; errors {me.Errors}");
        report.Row($"public verification page /xac-minh/{{id}} (stored certificate read on every view, signature checked and page rendered when it changed, ADR 0040), {clients} clients, {seconds} s, same run",
            $"{page.Rate:N0} per second ({page.Rate / me.Rate:P0} of auth/me); **p95 {page.Times.P(95):N1} ms**; {page.Times.Summary}; errors {page.Errors}",
            "p95 at most 20 ms", page.Times.P(95) <= 20 && page.Errors == 0);
    }

    sealed record Run(double Rate, Samples Times, int Errors);

    static async Task<Run> Load(int clients, int seconds, Func<Random, Task<bool>> call)
    {
        var times = new Samples();
        var errors = 0;
        var done = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            while (DateTime.UtcNow < until)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(random);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
                Interlocked.Increment(ref done);
            }
        })));
        return new Run(done / watch.Elapsed.TotalSeconds, times, errors);
    }

    static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
    static readonly string[] Given = ["Thị Hồng Nhung", "Văn Đức", "Thị Ánh Tuyết", "Minh Khôi", "Thị Mỹ Duyên", "Văn Sáu", "Quốc Việt", "Thị Lan Anh"];

    static string Name(int i) => $"{Family[i % Family.Length]} {Given[i / Family.Length % Given.Length]}";

    static CertificateText Text(int i) => new("BẰNG KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", Name(i), "Trưởng ấp", "xã Khánh Hội, huyện U Minh",
        "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" giai đoạn 2020 - 2023", "Quyết định số 125/QĐ-UBND ngày 15/11/2023",
        $"Số vào sổ vàng: {i}/2023", "Cà Mau, ngày 15 tháng 11 năm 2023", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Bi",
        $"https://thidua.camau.gov.vn/xac-minh/{Guid.NewGuid()}");

    static CertificateFacts Facts(Guid issuer, Guid decision, int i) => new(Guid.NewGuid(), decision, "125/QĐ-UBND", new DateOnly(2023, 11, 15),
        "bk-ubnd-tinh", "BẰNG KHEN", CertificateTemplate.A3Landscape, issuer, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "individual", Name(i),
        "Trưởng ấp", "xã Khánh Hội, huyện U Minh", "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" giai đoạn 2020 - 2023",
        i, 2023, "Cà Mau", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Bi", i);

    static int Value(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;

    /// <summary>The calling thread's processor time (Linux's per-thread clock).</summary>
    static class ThreadTime
    {
        public static TimeSpan Now()
        {
            if (!OperatingSystem.IsLinux() || clock_gettime(3, out var t) != 0) return TimeSpan.Zero;
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        }

        struct Timespec { public long Seconds; public long Nanoseconds; }

        [System.Runtime.InteropServices.DllImport("libc")] static extern int clock_gettime(int clock, out Timespec time);
    }
}
