using Emulation.Kernel.Caching;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Registry;

/// <summary>The catalog and the periods change rarely and are read by every registry request (ADR 0009).</summary>
public sealed class ReferenceData(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
{
    readonly CachedRead<Snapshot> _cache = new(cache, signals, TimeSpan.FromSeconds(5), [typeof(RegistryCatalog), typeof(Campaign)], async _ =>
    {
        await using var session = store.QuerySession();
        return new Snapshot(await RegistryCatalog.LoadAsync(session), await Campaigns.Campaigns.PeriodsAsync(session));
    });

    public sealed record Snapshot(RegistryCatalog Catalog, IReadOnlyList<PeriodView> Periods);

    public void Invalidate() => _cache.Invalidate();

    public Task<Snapshot> GetAsync(CancellationToken ct = default) => _cache.GetAsync(ct);
}
