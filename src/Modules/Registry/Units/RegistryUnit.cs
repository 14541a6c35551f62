using Emulation.Contracts;
using Emulation.Scope;
using Marten;

namespace Emulation.Registry.Units;

/// <summary>The registry's own copy of a unit, kept from the Directory feed (ADR 0011).</summary>
public sealed class RegistryUnit : UnitCopy;

public static class UnitUpdatedHandler
{
    public static Task Handle(UnitUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<RegistryUnit>(session, e.UnitId, u => u.Accept(e), ct);
}
