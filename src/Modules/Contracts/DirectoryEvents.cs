namespace Emulation.Contracts;

/// <summary>A unit's current state, published after every change so other modules can keep their own copy
/// of the unit tree. Kind is one of: province, district, commune, agency, mass-organisation, party-cell,
/// armed-forces, board.</summary>
public sealed record UnitUpdated(
    Guid UnitId, string Code, string Name, string Kind, Guid? ParentId, string? CoversLevel,
    bool Active, Guid? MergedInto, long Version, DateTimeOffset At);

/// <summary>A person's contact details and roles, for modules that notify people.</summary>
public sealed record PersonUpdated(
    Guid PersonId, string FullName, string? Email, bool Active, IReadOnlyList<PersonRole> Roles, DateTimeOffset At);

public sealed record PersonRole(string Role, Guid? UnitId);
