namespace Emulation.Directory.Units;

public sealed record UnitRegistered(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId,
    string? CoversLevel, DateOnly EffectiveFrom, Guid By, DateTimeOffset At);

public sealed record UnitRenamed(Guid UnitId, string Name, DateOnly EffectiveFrom, string? Reason, Guid By, DateTimeOffset At);

public sealed record UnitMoved(Guid UnitId, Guid? ParentId, DateOnly EffectiveFrom, string? Reason, Guid By, DateTimeOffset At);

public sealed record UnitMerged(Guid UnitId, Guid IntoUnitId, DateOnly EffectiveFrom, string? Reason, Guid By, DateTimeOffset At);

public static class UnitEvents
{
    /// <summary>Every event of a unit's stream: what the Directory feed follows.</summary>
    public static readonly Type[] Types = [typeof(UnitRegistered), typeof(UnitRenamed), typeof(UnitMoved), typeof(UnitMerged)];
}
