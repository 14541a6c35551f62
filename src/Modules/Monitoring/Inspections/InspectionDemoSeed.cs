using Emulation.Kernel;
using Emulation.Monitoring.Following;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Emulation.Monitoring.Inspections;

/// <summary>One supervision visit by the board that decided on the seeded models, with two follow-up actions: one
/// already past due and unanswered (it counts against the model's health), one due next month. Seeded once, after
/// the monitoring core has followed the seed models.</summary>
public sealed class InspectionDemoSeed(ILogger<InspectionDemoSeed> log) : IDemoSeed
{
    public int Order => 90;

    static readonly Guid InspectionId = new("9b7e4c1a-2f3d-4e5b-8a6c-0d1e2f3a4b5c");

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(InspectionId, ct) is not null) return;

        // The core follows the seed models from the Registry's feed, which may still be catching up at start.
        List<FollowedModel> models = [];
        for (var i = 0; i < 100 && models.Count < 2; i++)
        {
            models = (await session.Query<FollowedModel>().ToListAsync(ct)).Where(m => m.BoardId is not null && !m.Closed)
                .GroupBy(m => m.BoardId).OrderByDescending(g => g.Count()).FirstOrDefault()?.OrderBy(m => m.Facts.Name).Take(2).ToList() ?? [];
            if (models.Count < 2) await Task.Delay(300, ct);
        }
        if (models.Count == 0) { log.LogWarning("No followed model to seed an inspection on"); return; }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = VietnamClock.VietnamToday(clock);
        var board = models[0].BoardId!.Value;
        var scheduled = new InspectionScheduled(InspectionId, board, InspectionKind.Supervision, today.AddDays(-45),
            "Giám sát việc duy trì mô hình và sổ sách theo dõi kết quả", models.Select(m => new InspectedModel(m.ModelId, m.UnitId, m.Facts.Name)).ToList(),
            Guid.Empty, now.AddDays(-60));
        var first = models[0];
        var last = models[^1];
        var recorded = new InspectionRecorded(InspectionId, board, InspectionKind.Supervision, today.AddDays(-40),
            ["Lê Minh Tuấn, Phó Trưởng Ban", "Nguyễn Thị Thu, chuyên viên"],
            models.Select((m, i) => new ModelFinding(m.ModelId, i == 0
                ? "Mô hình duy trì đều; sổ theo dõi hộ tham gia chưa cập nhật từ quý trước."
                : "Mô hình hoạt động tốt, người dân đồng tình, có thể nhân rộng.", i == 0 ? InspectionRating.Average : InspectionRating.Good)).ToList(),
            [
                new FollowUpAction(new Guid("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), first.ModelId, first.UnitId, first.Facts.Name,
                    "Cập nhật sổ theo dõi hộ tham gia và gửi bản sao về Ban", today.AddDays(-10)),
                new FollowUpAction(new Guid("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60"), last.ModelId, last.UnitId, last.Facts.Name,
                    "Tổ chức họp dân sơ kết 6 tháng, mời đơn vị bạn dự để học tập", today.AddDays(30))
            ], Guid.Empty, now.AddDays(-40));
        session.Events.StartStream<Inspection>(InspectionId, scheduled, recorded);
        await session.SaveChangesAsync(ct);
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new FollowUpActionsChanged(models.Select(m => m.ModelId).ToList()));
    }
}
