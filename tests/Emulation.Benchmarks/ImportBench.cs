using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --import [--models 5000]: a province's register of models with their history as one .xlsx,
/// uploaded and confirmed through the HTTP API (ADR 0036), end to end; the event append compared with COPY of the same
/// number of event-shaped rows measured in the same run; then the same file again (every row unchanged).</summary>
public static class ImportBench
{
    static readonly string[] Names =
    [
        "Đưa màu xuống ruộng", "Tiết kiệm giúp nhau xóa đói, giảm nghèo", "Trồng cây ăn trái kết hợp với nuôi cá đồng", "Nuôi cua đinh thương phẩm",
        "Cá chình - bống tượng", "5 không, 3 sạch", "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "Mẹ đỡ đầu", "Mái ấm tình thương",
        "Đổi rác thải nhựa lấy quà", "Địa chỉ tin cậy, nhà tạm lánh", "Ánh sáng an ninh", "Thắp sáng ước mơ hoàn lương", "Đội tàu thuyền an toàn"
    ];
    static readonly string[] Fields = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"];

    public static async Task RunAsync(string[] args, Options o, string adminDb)
    {
        var models = Array.IndexOf(args, "--models") >= 0 ? o.Models : 5_000;
        var report = BenchHost.Report("Import benchmark", args, $"{models:N0} models with targets and history in one .xlsx, uploaded and confirmed by the administrator");
        await using var host = await BenchHost.StartAsync(adminDb);
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        var admin = await Client.SignIn(host.Http, "quantri");
        var (period, label) = await HistoricPeriodAsync(admin);
        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray()
            .Where(u => u.GetProperty("active").GetBoolean() && u.GetProperty("kind").GetString() != "board" && u.GetProperty("code").GetString()!.StartsWith("CM"))
            .Select(u => u.GetProperty("code").GetString()!).ToArray();

        var watch = Stopwatch.StartNew();
        var (file, events, rows) = Workbook(models, units, label);
        report.Row("the register workbook, built by the benchmark (not timed below)", $"{file.Length / 1024.0 / 1024:N1} MB, {rows:N0} rows over 3 sheets, built in {watch.Elapsed.TotalSeconds:N1} s");

        // Warm-up: the upload and confirmation paths (code generation, pools) on a small file of another period's rows.
        var (warm, _, _) = Workbook(20, units, label, prefix: "W");
        var warmId = (await Upload(host.Http, admin, warm)).GetProperty("id").GetGuid();
        await admin.Ok(HttpMethod.Post, $"/api/registry/import/{warmId}/confirm", new { mode = "all-valid" });
        // The feeds carry the warm-up's models to the other modules, which append events of their own for a moment; the
        // measured import starts on a store at rest, as an officer's upload on a quiet day does.
        var settled = await Projections.SettleAsync(db, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));
        report.Row("warm-up (20 models imported), then the feeds and the daemon at rest", $"{settled.TotalSeconds:N1} s");
        var before = await Projections.HighestEvent(db);

        watch.Restart();
        var preview = await Upload(host.Http, admin, file);
        var uploaded = watch.Elapsed.TotalSeconds;
        var counts = preview.GetProperty("counts");
        if (counts.GetProperty("new").GetInt32() != models)
            throw new InvalidOperationException($"expected {models} new rows, the preview says {counts}: {string.Join("; ", preview.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("errors").GetArrayLength() > 0).Take(5).Select(r => r.GetProperty("errors")[0].GetProperty("text").GetString()))}");
        var id = preview.GetProperty("id").GetGuid();
        var confirmStarted = Stopwatch.GetTimestamp();
        var stages = await Confirm(host.Http, admin, id);
        var confirmed = Stopwatch.GetElapsedTime(confirmStarted).TotalSeconds;
        var total = watch.Elapsed.TotalSeconds;
        var appended = await Projections.HighestEvent(db) - before;
        var confirmRate = appended / confirmed;
        var storing = new[] { "build", "events", "documents", "commit" }.Sum(stages.GetValueOrDefault) / 1000;
        var appending = stages.GetValueOrDefault("events") / 1000;
        var appendRate = appended / appending;
        var copyRate = await Projections.CopyRowsPerSecondAsync(db, appended);

        report.Row("upload and check (POST /api/registry/import: read, check against the store, keep the preview)", $"{uploaded:N1} s");
        report.Row("confirm (POST …/{id}/confirm, all-or-nothing: the check, then the streams appended in batches)",
            $"{confirmed:N1} s; stages (Server-Timing, ms): {string.Join(", ", stages.Select(s => $"{s.Key} {s.Value:N0}"))}");
        report.Row($"**end to end, {models:N0} models with history** (upload + confirm)", $"**{total:N1} s**", "at most 10 s", total <= 10);
        report.Row("COPY of event-shaped rows into a plain table, the same count, right after", $"{copyRate:N0} rows/s");
        report.Row($"the whole confirmation as a rate ({appended:N0} events, {models:N0} streams)", $"{confirmRate:N0} events/s = {confirmRate / copyRate:P0} of COPY");
        report.Row($"storing, every stage after the check (build the events, write them, the keys, claims and codes, commit: {storing:N1} s)",
            $"{appended / storing:N0} events/s = {appended / storing / copyRate:P0} of COPY");
        report.Row($"event append part (stage \"events\": the streams' and events' rows with their sequence numbers, {appending:N1} s)",
            $"{appendRate:N0} events/s = **{appendRate / copyRate:P0}** of COPY", "at least 30 % of COPY", appendRate / copyRate >= 0.30);

        watch.Restart();
        var again = await Upload(host.Http, admin, file);
        report.Row("the same file uploaded again (every row unchanged)", $"{watch.Elapsed.TotalSeconds:N1} s, {again.GetProperty("counts").GetProperty("unchanged").GetInt32():N0} unchanged");
        var high = await Projections.HighestEvent(db);
        var caught = await Projections.CatchUpAsync(db, high, TimeSpan.FromMinutes(10));
        report.Row("search model caught up with the import (async daemon)", $"{caught.TotalSeconds:N1} s after the re-upload");
        var stats = await admin.Ok(HttpMethod.Get, $"/api/registry/statistics?period={period}&on=2021-12-31");
        report.Row("statistics as of 31/12/2021 over the imported period", stats.GetProperty("sentence").GetString() ?? "");
        await report.SaveAsync();
    }

    static async Task<(Guid, string)> HistoricPeriodAsync(Client admin)
    {
        var name = "Dân vận khéo 2020-2025 (nhập sổ)";
        var campaign = await admin.Ok(HttpMethod.Post, "/api/registry/campaigns", new { name, startYear = 2020, endYear = 2025 });
        var period = await admin.Ok(HttpMethod.Post, $"/api/registry/campaigns/{campaign.GetProperty("id")}/periods", new
        {
            name = "Sơ kết 2020-2023 (sổ nhập)", kind = "Preliminary", from = "2020-01-01", to = "2023-12-31", registrationOpens = "2020-01-01",
            registrationCloses = "2023-12-31", codeYear = 2021, version = 1
        });
        return (period.GetProperty("id").GetGuid(), $"{name} — Sơ kết 2020-2023 (sổ nhập)");
    }

    /// <summary>Models of the province's units at provincial level (the provincial board covers them all), each with a
    /// target and a history: submitted, then accepted (60 %), returned, rejected or withdrawn, on dates in 2020-2023.</summary>
    static (byte[] File, long Events, int Rows) Workbook(int count, string[] units, string period, string prefix = "")
    {
        var random = new Random(20210315 + prefix.Length);
        var dossiers = new List<Dictionary<string, object?>>();
        var targets = new List<Dictionary<string, object?>>();
        var history = new List<Dictionary<string, object?>>();
        long events = 0;
        for (var i = 1; i <= count; i++)
        {
            var code = $"{prefix}{i:00000}";
            var registered = new DateTime(2020, 1, 1).AddDays(random.Next(0, 900));
            dossiers.Add(new()
            {
                ["Mã dòng"] = code, ["Loại"] = random.Next(10) < 8 ? "Mô hình" : "Điển hình tập thể",
                ["Tên mô hình, điển hình"] = $"{Names[random.Next(Names.Length)]} {prefix}{i}", ["Đơn vị"] = units[random.Next(units.Length)],
                ["Kỳ thi đua"] = period, ["Lĩnh vực"] = Fields[random.Next(Fields.Length)], ["Cấp"] = "Cấp tỉnh", ["Ngày đăng ký"] = registered,
                ["Thực trạng, lý do"] = "Thu nhập hộ còn thấp", ["Mục tiêu, tiêu chí"] = "Nâng thu nhập", ["Địa bàn"] = "Khóm 3",
                ["Kinh phí (đồng)"] = 50_000_000d, ["Ngày bắt đầu"] = registered, ["Ngày đánh giá"] = registered.AddMonths(12)
            });
            targets.Add(new()
            {
                ["Mã dòng"] = code, ["Chỉ tiêu"] = "Thu nhập bình quân hộ", ["Đơn vị tính"] = "triệu đồng/năm", ["Giá trị hiện tại"] = 60d,
                ["Giá trị mục tiêu"] = 100d, ["Thời hạn"] = registered.AddMonths(12)
            });
            var submitted = registered.AddDays(5);
            history.Add(Step(code, "Gửi Ban xem xét", submitted));
            var outcome = random.Next(10);
            var decided = submitted.AddDays(30);
            history.Add(outcome switch
            {
                < 6 => Step(code, "Công nhận", decided, $"CM-{decided.Year}-{prefix}{i:000000}"),
                6 => Step(code, "Trả lại để bổ sung", decided, reason: "Bổ sung chỉ tiêu"),
                7 => Step(code, "Không chấp nhận", decided, reason: "Chưa đạt tiêu chí"),
                _ => Step(code, "Đơn vị rút hồ sơ", decided, reason: "Đăng ký nhầm kỳ")
            });
            events += 4;
        }
        var sheets = new Dictionary<string, object> { ["Hồ sơ"] = dossiers, ["Chỉ tiêu"] = targets, ["Lịch sử"] = history };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, excelType: ExcelType.XLSX);
        return (buffer.ToArray(), events, dossiers.Count + targets.Count + history.Count);

        static Dictionary<string, object?> Step(string code, string step, DateTime date, string? registryCode = null, string? reason = null) =>
            new() { ["Mã dòng"] = code, ["Bước"] = step, ["Ngày"] = date, ["Mã đăng ký"] = registryCode, ["Lý do, ghi chú"] = reason };
    }

    /// <summary>Confirms all-or-nothing; returns the confirmation's stages from its <c>Server-Timing</c> header.</summary>
    static async Task<Dictionary<string, double>> Confirm(HttpClient http, Client admin, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/import/{id}/confirm")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { mode = "all-or-nothing" })
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        using var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"confirm: {(int)reply.StatusCode} {text}");
        var stages = new Dictionary<string, double>();
        foreach (var stage in string.Join(",", reply.Headers.TryGetValues("Server-Timing", out var t) ? t : []).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = stage.Trim().Split(";dur=");
            if (parts.Length == 2) stages[parts[0]] = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return stages;
    }

    static async Task<JsonElement> Upload(HttpClient http, Client admin, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "so-dang-ky-ca-mau.xlsx");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/import") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        using var reply = await http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"upload: {(int)reply.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
