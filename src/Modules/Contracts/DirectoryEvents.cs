namespace Emulation.Contracts;

/// <summary>A unit's state after the change at <paramref name="Version"/> of its stream, relayed from the event store
/// in sequence order (ADR 0011). Kind is one of: province, district, commune, agency, mass-organisation, party-cell,
/// armed-forces, board.</summary>
public sealed record UnitUpdated(
    Guid UnitId, string Code, string Name, string Kind, Guid? ParentId, string? CoversLevel,
    bool Active, Guid? MergedInto, long Version, DateTimeOffset At);

/// <summary>A person's contact details and roles after the change at <paramref name="Version"/> of their stream.</summary>
public sealed record PersonUpdated(
    Guid PersonId, string FullName, string? Email, bool Active, IReadOnlyList<PersonRole> Roles, long Version, DateTimeOffset At);

public sealed record PersonRole(string Role, Guid? UnitId);
