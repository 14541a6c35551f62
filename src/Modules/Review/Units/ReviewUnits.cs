using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Review.Units;

public sealed class ReviewUnitTree(IEnumerable<ReviewUnit> units) : UnitTree<ReviewUnit>(units)
{
    /// <summary>Where a unit lies: the province, district and commune it is in (or is).</summary>
    public (Guid? Province, Guid? District, Guid? Commune) Location(Guid unitId)
    {
        var chain = SelfAndAncestors(unitId).ToList();
        return (chain.FirstOrDefault(u => u.Kind == "province")?.Id,
            chain.FirstOrDefault(u => u.Kind == "district")?.Id,
            chain.FirstOrDefault(u => u.Kind == "commune")?.Id);
    }
}

/// <summary>Review's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class ReviewUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
{
    readonly CachedRead<ReviewUnitTree> _cache = new(cache, signals, TimeSpan.FromSeconds(5), [typeof(ReviewUnit)], async ct =>
    {
        await using var session = store.QuerySession();
        return new ReviewUnitTree(await session.Query<ReviewUnit>().ToListAsync(ct));
    });

    public Task<ReviewUnitTree> TreeAsync(CancellationToken ct = default) => _cache.GetAsync(ct);
}
