using Emulation.Scope;
using Marten;

namespace Emulation.Monitoring.Units;

/// <summary>Monitoring's own copy of a unit, kept from the Directory feed (ADR 0011, ADR 0012).</summary>
public sealed class MonitoringUnit : UnitCopy;

/// <summary>Monitoring's copy of a person's address and roles: whom to tell (reminders, escalations).</summary>
public sealed class MonitoringPerson : PersonCopy;

public static class UnitUpdatedHandler
{
    public static Task Handle(UnitUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<MonitoringUnit>(session, e.UnitId, u => u.Accept(e), ct);
}

public static class PersonUpdatedHandler
{
    public static Task Handle(PersonUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<MonitoringPerson>(session, e.PersonId, p => p.Accept(e), ct);
}
