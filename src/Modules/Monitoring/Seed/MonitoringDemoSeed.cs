using Emulation.Kernel;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Monitoring.Seed;

/// <summary>Two years of quarterly reports on the Registry seed's accepted models, dated when they would have been sent,
/// so health and the state on past days show something real: most on track (target met), some behind (stuck well
/// short of a target past due), one with its last report overdue, one stalled (nothing for two quarters), one
/// discontinued by its board, one report corrected, one draft waiting.</summary>
public sealed class MonitoringDemoSeed(ILogger<MonitoringDemoSeed> log) : IDemoSeed
{
    public int Order => 30;
    const int Quarters = 8;

    static readonly string[] Done =
    [
        "Họp dân ở các ấp, khóm để bàn cách làm; phân công hội viên phụ trách từng nhóm hộ.",
        "Tập huấn kỹ thuật cho hộ tham gia; thăm, động viên các hộ khó khăn.",
        "Sơ kết, biểu dương hộ làm tốt; tuyên truyền trên loa truyền thanh và nhóm Zalo của ấp.",
        "Phối hợp với công an, đoàn thanh niên ra quân; vận động thêm hộ đăng ký tham gia."
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        // The Registry's seed has committed its models; Monitoring follows them once they come through its feed.
        if (!await services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Monitoring demo data: the Registry feed did not reach Monitoring within 60 s.");
        await using var session = store.LightweightSession();
        var models = (await session.Query<FollowedModel>().ToListAsync(ct)).OrderBy(m => m.Facts.Name, Kernel.Text.VietnameseText.Comparer).ThenBy(m => m.Facts.Code).ToList();
        if (models.Count == 0 || models.Any(m => m.Reports.Count > 0)) return;

        var clock = services.GetRequiredService<TimeProvider>();
        var today = clock.VietnamToday();
        var people = await session.Query<MonitoringPerson>().ToListAsync(ct);
        var last = ReportingPeriod.DueBy(ReportingSchedule.Quarterly, today.AddYears(-3), today).Last();
        var periods = new List<ReportingPeriod> { last };
        while (periods.Count < Quarters) periods.Insert(0, Previous(periods[0]));

        var fates = new Dictionary<string, int>();
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var officer = people.FirstOrDefault(p => p.Holds(Contracts.Roles.Officer, m.UnitId))?.Id ?? Guid.Empty;
            var secretary = people.FirstOrDefault(p => p.Holds(Contracts.Roles.BoardSecretary, m.BoardId))?.Id ?? Guid.Empty;
            var fate = i switch { 0 => "discontinued", 1 => "stalled", 2 => "report-overdue", _ => i % 3 == 0 ? "behind" : "on-track" };
            fates[fate] = fates.GetValueOrDefault(fate) + 1;
            var sent = fate switch { "discontinued" => Quarters - 5, "stalled" => Quarters - 2, "report-overdue" => Quarters - 1, _ => Quarters };
            var events = new List<object>();
            for (var k = 0; k < sent; k++)
            {
                var p = periods[k];
                var at = At(p.End.AddDays(8 + (i + k) % 5));
                var readings = m.Facts.Targets.Where(t => t.Measurable)
                    .Select(t => new TargetReading(t.No, Value(t, fate, k), p.End)).ToList();
                var narrative = new Narrative(Done[(i + k) % Done.Length], "Mặt trận, Hội Phụ nữ, Hội Nông dân, Đoàn Thanh niên",
                    5_000_000m + 1_500_000m * ((i + k) % 8), 80 + 15 * k + i, k == sent - 1 && fate == "behind" ? "Thiếu kinh phí; một số hộ chưa đồng thuận." : null);
                var reportId = Guid.NewGuid();
                events.Add(new ReportSubmitted(m.ModelId, reportId, p.Key, readings, narrative, null, officer, at));
                if (fate == "on-track" && i == 4 && k == 2)
                    events.Add(new ReportSubmitted(m.ModelId, Guid.NewGuid(), p.Key, readings.Select(r => r with { Value = r.Value + 2 }).ToList(), narrative,
                        reportId, officer, at.AddDays(3), "Bổ sung số hộ của ấp 3 bị sót khi tổng hợp"));
            }
            if (fate == "discontinued")
                events.Add(new ModelDiscontinued(m.ModelId, "Đơn vị sáp nhập, không còn lực lượng duy trì mô hình", secretary, At(periods[Quarters - 4].Start.AddDays(20))));
            if (i == 3)
                events.Add(new ReportDraftSaved(m.ModelId, Guid.NewGuid(), periods[^1].Next().Key, [], new Narrative("Đang tổng hợp số liệu các ấp", null, null, null, null),
                    null, officer, clock.GetUtcNow().AddDays(-1)));
            session.Events.Append(m.Id, events.ToArray());
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation("Monitoring demo data: reports on {Count} followed models ({Fates})", models.Count,
            string.Join(", ", fates.Select(f => $"{f.Key}: {f.Value}")));
    }

    /// <summary>On track: the way covered by the fifth quarter and kept; behind: stuck around half way.</summary>
    static decimal Value(FollowedTarget t, string fate, int k)
    {
        var from = t.Baseline ?? 0m;
        var share = fate == "behind" ? 0.35m + 0.03m * k : Math.Min(1m, (k + 3) / 7m);
        return Math.Round(from + (t.TargetValue!.Value - from) * share, 0);
    }

    static ReportingPeriod Previous(ReportingPeriod p) => ReportingPeriod.Containing(p.Schedule, p.Start.AddDays(-1));

    static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), VietnamClock.Offset).ToUniversalTime();
}
