using Emulation.Kernel.Caching;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Marten;

namespace Emulation.Registry;

/// <summary>The catalog and the periods change rarely and are read by every registry request (ADR 0009).</summary>
public sealed class ReferenceData
{
    readonly Expiring<Snapshot> _cache;

    public ReferenceData(IDocumentStore store) => _cache = new Expiring<Snapshot>(TimeSpan.FromSeconds(5), async () =>
    {
        await using var session = store.QuerySession();
        return new Snapshot(await RegistryCatalog.LoadAsync(session), await Campaigns.Campaigns.PeriodsAsync(session));
    });

    public sealed record Snapshot(RegistryCatalog Catalog, IReadOnlyList<PeriodView> Periods);

    public void Invalidate() => _cache.Invalidate();

    public Task<Snapshot> GetAsync() => _cache.GetAsync();
}
