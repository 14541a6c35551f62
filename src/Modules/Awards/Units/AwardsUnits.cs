using Emulation.Kernel.Caching;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Awards.Units;

/// <summary>Awards' own copy of a unit, kept from the Directory feed (ADR 0011, ADR 0012).</summary>
public sealed class AwardsUnit : UnitCopy;

/// <summary>Awards' copy of a person's roles: who may sign for a unit.</summary>
public sealed class AwardsPerson : PersonCopy;

public static class UnitUpdatedHandler
{
    public static Task Handle(UnitUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<AwardsUnit>(session, e.UnitId, u => u.Accept(e), ct);
}

public static class PersonUpdatedHandler
{
    public static Task Handle(PersonUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<AwardsPerson>(session, e.PersonId, p => p.Accept(e), ct);
}

public sealed class AwardsUnitTree(IEnumerable<AwardsUnit> units) : UnitTree<AwardsUnit>(units);

/// <summary>Awards' unit tree, cached until the next commit that changes its copy (ADR 0012).</summary>
public sealed class AwardsUnits(IDocumentStore store, IMemoryCache cache, CommitSignals signals)
    : CachedUnitTree<AwardsUnit, AwardsUnitTree>(store, cache, signals, units => new AwardsUnitTree(units));
