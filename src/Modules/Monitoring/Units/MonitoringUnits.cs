using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Monitoring.Units;

public sealed class MonitoringUnitTree(IEnumerable<MonitoringUnit> units) : UnitTree<MonitoringUnit>(units)
{
    /// <summary>Where a unit lies, for the dashboards' breakdowns: the province, district and commune it is in (or is).</summary>
    public (Guid? Province, Guid? District, Guid? Commune) Location(Guid unitId)
    {
        var chain = SelfAndAncestors(unitId).ToList();
        return (chain.FirstOrDefault(u => u.Kind == "province")?.Id,
            chain.FirstOrDefault(u => u.Kind == "district")?.Id,
            chain.FirstOrDefault(u => u.Kind == "commune")?.Id);
    }
}

/// <summary>Monitoring's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class MonitoringUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
{
    readonly CachedRead<MonitoringUnitTree> _cache = new(cache, signals, TimeSpan.FromSeconds(5), [typeof(MonitoringUnit)], async ct =>
    {
        await using var session = store.QuerySession();
        return new MonitoringUnitTree(await session.Query<MonitoringUnit>().ToListAsync(ct));
    });

    public Task<MonitoringUnitTree> TreeAsync(CancellationToken ct = default) => _cache.GetAsync(ct);
}
