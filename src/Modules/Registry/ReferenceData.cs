using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Marten;

namespace Emulation.Registry;

/// <summary>The catalog and the periods change rarely and are read by every registry request: kept in memory
/// for a few seconds, and dropped at once when this node changes them.</summary>
public sealed class ReferenceData(IDocumentStore store)
{
    static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    volatile Snapshot? _snapshot;

    public sealed record Snapshot(RegistryCatalog Catalog, IReadOnlyList<PeriodView> Periods, DateTime LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<Snapshot> GetAsync()
    {
        var s = _snapshot;
        if (s is not null && DateTime.UtcNow - s.LoadedAt < MaxAge) return s;
        await using var session = store.QuerySession();
        s = new Snapshot(await RegistryCatalog.LoadAsync(session), await Campaigns.Campaigns.PeriodsAsync(session), DateTime.UtcNow);
        _snapshot = s;
        return s;
    }
}
