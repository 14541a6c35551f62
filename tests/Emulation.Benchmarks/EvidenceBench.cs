using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --evidence [--evidence-mb 10]: the host's memory while 10 MB evidence files stream in,
/// one, four and eight at a time, each to its own model's draft report (PostgreSQL store, Production settings): scanned
/// minutes as PDF, then photos as JPEG, which are also decoded for a thumbnail (native memory, outside the managed heap).
/// The load generator shares the process: the PDFs are generated as they are read, the photo is made once before the
/// measurements and every upload reads that one copy. The managed heap and the process's resident memory (RSS, from
/// /proc) are sampled every few milliseconds during the uploads and their peaks compared with their values before
/// them. Five rounds per concurrency, the first included; the goal is judged on the worst, and the table says whether a
/// collection ran while sampling (without one the growth is everything allocated, garbage included).</summary>
public static class EvidenceBench
{
    public static async Task RunAsync(string[] args, string adminDb)
    {
        var megabytes = Array.IndexOf(args, "--evidence-mb") is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : 10;
        long size = megabytes * 1024L * 1024;
        var startLoad = Load();
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 64);
        var report = BenchHost.Report("Evidence upload benchmark", args, $"{megabytes} MB files, PostgreSQL store");
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var officer = await Client.SignIn(http, "canbo.phuong1");
        var secretary = await Client.SignIn(http, "thuky.phuong1");

        // Sixteen followed models with a draft report each, eight for the scans and eight for the photos (a report holds at
        // most 30 files): concurrent uploads go to different streams, as different units' would.
        var today = BenchHost.Today;
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo minh chứng");
        var reports = new List<string>();
        for (var n = 0; n < 16; n++)
        {
            var model = (await officer.Ok(HttpMethod.Post, "/api/registry/models", new
            {
                kind = "Model", name = $"Mô hình đo minh chứng số {n + 1}", periodId = period, fieldCode = "kinh-te", levelCode = "co-so",
                situation = "Thu nhập của hộ dân còn thấp.", objectives = "Nâng thu nhập hộ tham gia.", contentAndMethods = "Họp dân, tập huấn.",
                area = "Các khóm", targetGroup = "Hộ nông dân", startDate = today.AddDays(-20), evaluationDate = today.AddMonths(5),
                targets = new[] { new { indicator = "Thu nhập bình quân hộ", unitOfMeasure = "triệu đồng/năm", baseline = 60, targetValue = 100, dueDate = today.AddMonths(5) } }
            })).GetProperty("id").GetGuid();
            await officer.Ok(HttpMethod.Post, $"/api/registry/models/{model}/submit", new { version = 1 });
            await secretary.Ok(HttpMethod.Post, $"/api/registry/models/{model}/accept", new { version = 2 });
            var followed = default(System.Text.Json.JsonElement);
            for (var wait = 0; wait < 300 && followed.ValueKind != System.Text.Json.JsonValueKind.Object; wait++)
            {
                var (status, body, _) = await officer.Get($"/api/monitoring/models/{model}");
                if (status == HttpStatusCode.OK) followed = body; else await Task.Delay(100);
            }
            if (followed.ValueKind != System.Text.Json.JsonValueKind.Object) throw new InvalidOperationException("Monitoring never followed the accepted model");
            var quarter = $"{today.Year}-Q{(today.Month - 1) / 3 + 1}";
            var draft = await officer.Ok(HttpMethod.Post, $"/api/monitoring/models/{model}/reports/draft",
                new { period = quarter, version = followed.GetProperty("version").GetInt64(), whatWasDone = "Đo" });
            reports.Add($"/api/monitoring/models/{model}/reports/{draft.GetProperty("reportId")}/evidence");
        }

        var photo = Photo(size);
        async Task<(HttpStatusCode, double)> Upload(string url, long length, bool jpeg)
        {
            using var form = new MultipartFormDataContent();
            if (jpeg) form.Add(new StreamContent(new MemoryStream(photo, writable: false), 64 * 1024), "file", "Ảnh hiện trường.jpg");
            else form.Add(new StreamContent(new GeneratedPdf(length), 64 * 1024), "file", "Biên bản đo.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officer.Token);
            var started = Stopwatch.GetTimestamp();
            using var reply = await http.SendAsync(request);
            return (reply.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        for (var warm = 0; warm < 3; warm++)
            foreach (var jpeg in new[] { false, true })
                if ((await Upload(reports[warm + (jpeg ? 8 : 0)], 500_000, jpeg)).Item1 != HttpStatusCode.Created) throw new InvalidOperationException("the upload path fails");

        // Each concurrency runs several rounds, the first included (it opens the extra connections): the goal holds only if
        // the worst round is under it. Between rounds the heap is collected so that every round starts from live data only.
        const int Rounds = 5;
        foreach (var (jpeg, what) in new[] { (false, "PDF (a scan)"), (true, $"JPEG photo, {PhotoWidth}×{PhotoHeight}, thumbnailed") })
        foreach (var concurrent in new[] { 1, 4, 8 })
        {
            var rounds = new List<Round>();
            for (var r = 0; r < Rounds; r++) rounds.Add(await Measure(concurrent, jpeg));
            var perUpload = rounds.Select(r => r.Growth / (double)concurrent / 1024 / 1024).Order().ToArray();
            var allocated = rounds.Select(r => r.Allocated / (double)concurrent / 1024 / 1024).Order().ToArray();
            var collected = rounds.Count(r => r.Collections > 0);
            var failed = rounds.Sum(r => r.Failed);
            var median = perUpload[perUpload.Length / 2];
            // A collection during the sampling takes garbage off the peak; the allocation then bounds the growth from above.
            var worst = Math.Max(perUpload[^1], rounds.Any(r => r.Collections > 0) ? allocated[^1] : 0);
            var rss = rounds.Select(r => r.Rss / (double)concurrent / 1024 / 1024).Order().ToArray();
            var mb = jpeg ? photo.Length / 1024.0 / 1024 : megabytes;
            report.Row($"{mb:N1} MB evidence upload, {what}, {concurrent} at once, {Rounds} rounds (multipart → checks → PostgreSQL chunks{(jpeg ? " → thumbnail" : "")})",
                $"peak managed heap growth per upload: median **{median:N2} MB**, worst **{perUpload[^1]:N2} MB** (rounds: {string.Join(" / ", rounds.Select(r => (r.Growth / (double)concurrent / 1024 / 1024).ToString("N2")))}); " +
                $"allocated per upload median {allocated[allocated.Length / 2]:N2} MB, worst {allocated[^1]:N2} MB (whole process: host, client, daemons); " +
                (collected == 0 ? "no collection ran while sampling" : $"a collection ran while sampling in {collected} of {Rounds} rounds (the peak is then live data plus the garbage since it)") +
                $"; process resident memory (RSS) growth per upload: median {rss[rss.Length / 2]:N2} MB, worst {rss[^1]:N2} MB" +
                $"; {rounds.Sum(r => concurrent * mb / r.Seconds) / Rounds:N0} MB/s, slowest {rounds.Max(r => r.Slowest) / 1000:N1} s" +
                (failed > 0 ? $"; **{failed} failed** ({string.Join(", ", rounds.SelectMany(r => r.Refusals).CountBy(x => x).Select(x => $"{x.Key} ×{x.Value}"))})" : ""),
                "under 2 MB per concurrent upload (worst round; and its allocation when a collection ran)", failed == 0 && worst < 2);
        }
        report.Line("");
        report.Line($"Load average (1, 5, 15 min) at the start: {startLoad}; at the end: {Load()}.");
        await report.SaveAsync();

        async Task<Round> Measure(int concurrent, bool jpeg)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var rssBefore = Rss();
            var rssPeak = rssBefore;
            var collectionsBefore = GC.CollectionCount(0);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peak = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    rssPeak = Math.Max(rssPeak, Rss());
                    await Task.Delay(2);
                }
            });
            var watch = Stopwatch.StartNew();
            var results = await Task.WhenAll(reports.Skip(jpeg ? 8 : 0).Take(concurrent).Select(url => Upload(url, size, jpeg)));
            var seconds = watch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await sampler;
            // The sampler may not have run since the last bytes: the heap as the uploads end counts too.
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            rssPeak = Math.Max(rssPeak, Rss());
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            return new Round(Math.Max(0, peak - baseline), allocated, collections, results.Count(r => r.Item1 != HttpStatusCode.Created),
                seconds, results.Max(r => r.Item2), Math.Max(0, rssPeak - rssBefore),
                results.Where(r => r.Item1 != HttpStatusCode.Created).Select(r => (int)r.Item1).ToList());
        }
    }

    sealed record Round(long Growth, long Allocated, int Collections, int Failed, double Seconds, double Slowest, long Rss, IReadOnlyList<int> Refusals);

    /// <summary>The process's resident memory in bytes (the second field of /proc/self/statm, in pages).</summary>
    static long Rss() => long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]) * Environment.SystemPageSize;

    const int PhotoWidth = 4000, PhotoHeight = 3000;

    /// <summary>A 12-megapixel photo-like JPEG (grain over soft gradients, so it compresses like a phone photo rather
    /// than like noise), its quality stepped down until it fits in <paramref name="limit"/> bytes.</summary>
    static byte[] Photo(long limit)
    {
        using var bitmap = new SkiaSharp.SKBitmap(PhotoWidth, PhotoHeight);
        var random = new Random(3);
        var pixels = new byte[PhotoWidth * PhotoHeight * 4];
        for (var y = 0; y < PhotoHeight; y++)
        for (var x = 0; x < PhotoWidth; x++)
        {
            var i = (y * PhotoWidth + x) * 4;
            var grain = random.Next(-40, 41);
            pixels[i] = (byte)Math.Clamp(60 + x * 120 / PhotoWidth + grain, 0, 255);
            pixels[i + 1] = (byte)Math.Clamp(140 + y * 80 / PhotoHeight + grain, 0, 255);
            pixels[i + 2] = (byte)Math.Clamp(90 + (x + y) * 60 / (PhotoWidth + PhotoHeight) + grain, 0, 255);
            pixels[i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        for (var quality = 95; ; quality -= 5)
        {
            using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, quality);
            if (data.Size <= limit || quality <= 40) return data.ToArray();
        }
    }

    static string Load() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>A PDF-headed file of pseudo-random bytes (incompressible, like a scan), made as it is read.</summary>
    sealed class GeneratedPdf(long length) : Stream
    {
        static readonly byte[] Head = "%PDF-1.7\n"u8.ToArray();
        long _position;
        ulong _state = 0x9E3779B97F4A7C15UL;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                if (at < Head.Length) { buffer[i] = Head[at]; continue; }
                _state ^= _state << 13; _state ^= _state >> 7; _state ^= _state << 17;
                buffer[i] = (byte)_state;
            }
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
