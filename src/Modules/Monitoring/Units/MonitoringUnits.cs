using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Monitoring.Units;

public sealed class MonitoringUnitTree(IEnumerable<MonitoringUnit> units) : UnitTree<MonitoringUnit>(units);

/// <summary>Monitoring's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class MonitoringUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
    : CachedUnitTree<MonitoringUnit, MonitoringUnitTree>(store, cache, signals, units => new MonitoringUnitTree(units));
