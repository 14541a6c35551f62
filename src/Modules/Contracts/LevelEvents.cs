namespace Emulation.Contracts;

/// <summary>A level of the Registry's catalog (cấp): its code, name, and whether it is in use.</summary>
public sealed record CatalogLevel(string Code, string Name, bool Active);

/// <summary>The Registry's catalog of levels as it stands after its stream's <paramref name="Version"/> (ADR 0011's
/// feed, ADR 0067): the levels a board may cover.</summary>
public sealed record LevelsUpdated(IReadOnlyList<CatalogLevel> Levels, long Version, DateTimeOffset At);
