using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Registry.Units;

public sealed class RegistryUnitTree(IEnumerable<RegistryUnit> units) : UnitTree<RegistryUnit>(units);

/// <summary>The registry's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class UnitDirectory(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
{
    readonly CachedRead<RegistryUnitTree> _cache = new(cache, signals, TimeSpan.FromSeconds(5), [typeof(RegistryUnit)], async ct =>
    {
        await using var session = store.QuerySession();
        return new RegistryUnitTree(await session.Query<RegistryUnit>().ToListAsync(ct));
    });

    public void Invalidate() => _cache.Invalidate();

    public Task<RegistryUnitTree> TreeAsync(CancellationToken ct = default) => _cache.GetAsync(ct);
}
