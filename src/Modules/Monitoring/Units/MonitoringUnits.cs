using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Monitoring.Units;

public sealed class MonitoringUnitTree(IEnumerable<MonitoringUnit> units) : UnitTree<MonitoringUnit>(units)
{
    /// <summary>The board that follows a model: the one that decided on it while it still covers the unit, otherwise the
    /// one that covers the unit at the model's level now (the unit moved under another parent), if any; as the Registry
    /// passes a waiting dossier to the board covering its unit now (ADR 0016).</summary>
    public Guid? FollowingBoard(Guid? decidedBy, Guid unitId, string level) =>
        decidedBy is { } b && CoveredBy(b).Contains(unitId) ? b : BoardFor(unitId, level)?.Id;

    public Guid? FollowingBoard(Following.FollowedModel m) => FollowingBoard(m.BoardId, m.UnitId, m.Facts.LevelCode);
}

/// <summary>Monitoring's unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class MonitoringUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
    : CachedUnitTree<MonitoringUnit, MonitoringUnitTree>(store, cache, signals, units => new MonitoringUnitTree(units));
