using Emulation.Kernel;
using Marten;

namespace Emulation.Monitoring.Summary;

/// <summary>Health moves with the calendar (a period falls due, a target's date passes): every day each summary not
/// evaluated today is evaluated again, then the dashboards' tallies are compacted. Idempotent: a retried or doubled run writes the same rows.</summary>
public sealed record RefreshSummaries;

public static class RefreshSummariesHandler
{
    const int Batch = 500;

    public static async Task Handle(RefreshSummaries _, IDocumentStore store, SummaryWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.VietnamToday();
        while (true)
        {
            await using var session = store.LightweightSession();
            // Any other day is stale, a later one too (evaluated by a clock that ran ahead, e.g. a test's).
            var stale = await session.Query<MonitoringSummary>().Where(s => s.EvaluatedOn != today)
                .OrderBy(s => s.Id).Select(s => s.StreamId).Take(Batch).ToListAsync(ct);
            if (stale.Count == 0) break;
            if (await writer.RefreshAsync(session, stale.ToList(), ct) == 0) break;
            await session.SaveChangesAsync(ct);
            if (stale.Count < Batch) break;
        }
        // The refresh is what moves most keys of the dashboards' tallies at once: fold them right after.
        await Dashboards.DashboardTallies.CompactAsync(store, ct);
    }
}
