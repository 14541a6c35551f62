using Emulation.Kernel;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;

namespace Emulation.Monitoring.Summary;

/// <summary>Writes the <see cref="MonitoringSummary"/> of followed models from their streams' snapshots, the unit tree,
/// today's date and the overdue inspection actions. The one place a summary is computed: after a change of the stream
/// (<see cref="SummaryRelay"/>), every day (<see cref="RefreshSummariesHandler"/>) and when an action changes.</summary>
public sealed class SummaryWriter(MonitoringUnits units, TimeProvider clock, IEnumerable<IOverdueActions> actions)
{
    /// <param name="streamIds">Followed streams (see <see cref="FollowedModel.StreamFor"/>).</param>
    public async Task<int> RefreshAsync(IDocumentOperations operations, IReadOnlyCollection<Guid> streamIds, CancellationToken ct)
    {
        if (streamIds.Count == 0) return 0;
        var models = await operations.LoadManyAsync<FollowedModel>(ct, streamIds);
        if (models.Count == 0) return 0;
        var tree = await units.TreeAsync(ct);
        var today = clock.VietnamToday();
        var modelIds = models.Select(m => m.ModelId).ToList();
        var counts = new Dictionary<Guid, int>();
        foreach (var source in actions)
            foreach (var (id, n) in await source.CountAsync(operations, modelIds, today, ct))
                counts[id] = counts.GetValueOrDefault(id) + n;
        foreach (var m in models) operations.Store(MonitoringSummary.From(m, tree, today, counts.GetValueOrDefault(m.ModelId)));
        return models.Count;
    }

    /// <summary>Same, for model ids (what other parts of Monitoring, e.g. inspections, know).</summary>
    public Task<int> RefreshModelsAsync(IDocumentOperations operations, IEnumerable<Guid> modelIds, CancellationToken ct) =>
        RefreshAsync(operations, modelIds.Select(FollowedModel.StreamFor).Distinct().ToList(), ct);
}
