using Emulation.Kernel.Caching;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Scope;

/// <summary>A module's unit tree read from its copy and cached until the next commit that changes the copy (ADR 0012).</summary>
public abstract class CachedUnitTree<TUnit, TTree>(IDocumentStore store, IMemoryCache cache, CommitSignals signals, Func<IReadOnlyList<TUnit>, TTree> build)
    where TUnit : UnitCopy where TTree : UnitTree<TUnit>
{
    readonly CachedRead<TTree> _cache = new(cache, signals, TimeSpan.FromSeconds(5), [typeof(TUnit)], async ct =>
    {
        await using var session = store.QuerySession();
        return build(await session.Query<TUnit>().ToListAsync(ct));
    });

    public void Invalidate() => _cache.Invalidate();

    public Task<TTree> TreeAsync(CancellationToken ct = default) => _cache.GetAsync(ct);
}
