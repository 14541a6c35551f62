using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --evidence [--evidence-mb 10]: the host's memory while 10 MB evidence files stream in,
/// one, four and eight at a time, each to its own model's draft report (PostgreSQL store, Production settings). The
/// load generator shares the process, so its files are generated on the fly and never held whole; the managed heap is
/// sampled every few milliseconds during the uploads and its peak compared with the heap before them.</summary>
public static class EvidenceBench
{
    public static async Task RunAsync(string[] args, string adminDb)
    {
        var megabytes = Array.IndexOf(args, "--evidence-mb") is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : 10;
        long size = megabytes * 1024L * 1024;
        await using var host = await BenchHost.StartAsync(adminDb, maxConnections: 64);
        var report = BenchHost.Report("Evidence upload benchmark", args, $"{megabytes} MB files, PostgreSQL store");
        var http = host.Http;
        var admin = await Client.SignIn(http, "quantri");
        var officer = await Client.SignIn(http, "canbo.phuong1");
        var secretary = await Client.SignIn(http, "thuky.phuong1");

        // Eight followed models with a draft report each: concurrent uploads go to different streams, as different units' would.
        var today = BenchHost.Today;
        var period = await BenchHost.OpenPeriodAsync(admin, "Đợt đo minh chứng");
        var reports = new List<string>();
        for (var n = 0; n < 8; n++)
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

        async Task<(HttpStatusCode, double)> Upload(string url, long length)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StreamContent(new GeneratedPdf(length), 64 * 1024), "file", "Biên bản đo.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officer.Token);
            var started = Stopwatch.GetTimestamp();
            using var reply = await http.SendAsync(request);
            return (reply.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        for (var warm = 0; warm < 3; warm++)
            if ((await Upload(reports[warm], 500_000)).Item1 != HttpStatusCode.Created) throw new InvalidOperationException("the upload path fails");

        foreach (var concurrent in new[] { 1, 4, 8 })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peak = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(2);
                }
            });
            var watch = Stopwatch.StartNew();
            var results = await Task.WhenAll(reports.Take(concurrent).Select(url => Upload(url, size)));
            var seconds = watch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await sampler;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var growth = Math.Max(0, peak - baseline);
            var failed = results.Count(r => r.Item1 != HttpStatusCode.Created);
            var perUpload = growth / (double)concurrent / 1024 / 1024;
            report.Row($"{megabytes} MB evidence upload, {concurrent} at once (multipart → checks → PostgreSQL chunks)",
                $"peak managed heap growth {growth / 1024.0 / 1024:N1} MB = **{perUpload:N2} MB per upload**; allocated {allocated / (double)concurrent / 1024 / 1024:N1} MB per upload " +
                $"(whole process: host, client, daemons); {concurrent * megabytes / seconds:N0} MB/s, slowest {results.Max(r => r.Item2) / 1000:N1} s" +
                (failed > 0 ? $"; **{failed} failed**" : ""),
                "under 2 MB per concurrent upload", failed == 0 && perUpload < 2);
        }
        await report.SaveAsync();
    }

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
