using System.Diagnostics;
using Emulation.Documents.Administrative;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --documents [--rows 500] [--rounds 20]: the minutes of a review meeting with one row per
/// model rendered as PDF and as Word, after a warm-up (fonts loaded, code jitted); no database, no host.</summary>
public static class DocumentsBench
{
    public static async Task RunAsync(string[] args)
    {
        var rows = Value(args, "--rows", 500);
        var rounds = Value(args, "--rounds", 20);
        var report = BenchHost.Report("Documents benchmark", args, $"minutes with {rows:N0} result rows, {rounds} renderings of each after one warm-up");
        var minutes = Minutes(rows);
        Measure(report, $"minutes of a {rows:N0}-row meeting as PDF", minutes.ToPdf, rounds, "at most 1 s", ms => ms <= 1000);
        Measure(report, $"minutes of a {rows:N0}-row meeting as Word (.docx)", minutes.ToDocx, rounds, "", null);
        await report.SaveAsync();
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
