using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Review.Units;

public sealed class ReviewUnitTree(IEnumerable<ReviewUnit> units) : UnitTree<ReviewUnit>(units);

/// <summary>Review's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class ReviewUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
    : CachedUnitTree<ReviewUnit, ReviewUnitTree>(store, cache, signals, units => new ReviewUnitTree(units));
