using Emulation.Scope;
using Marten;

namespace Emulation.Review.Units;

/// <summary>Review's own copy of a unit, kept from the Directory feed (ADR 0011, ADR 0012).</summary>
public sealed class ReviewUnit : UnitCopy;

/// <summary>Review's copy of a person's address and roles: whom to remind (the unit's officers).</summary>
public sealed class ReviewPerson : PersonCopy;

public static class UnitUpdatedHandler
{
    public static Task Handle(UnitUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<ReviewUnit>(session, e.UnitId, u => u.Accept(e), ct);
}

public static class PersonUpdatedHandler
{
    public static Task Handle(PersonUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<ReviewPerson>(session, e.PersonId, p => p.Accept(e), ct);
}
