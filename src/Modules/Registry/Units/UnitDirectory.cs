using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Registry.Units;

public sealed class RegistryUnitTree(IEnumerable<RegistryUnit> units) : UnitTree<RegistryUnit>(units);

/// <summary>The registry's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class UnitDirectory(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
    : CachedUnitTree<RegistryUnit, RegistryUnitTree>(store, cache, signals, units => new RegistryUnitTree(units));
