using Emulation.Contracts;

namespace Emulation.Directory.Units;

/// <summary>A name a unit carried from a date; earlier names stay so old records read as they were written.</summary>
public sealed record NameSpan(string Name, DateOnly From);

public sealed partial record Unit(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? CoversLevel,
    UnitStatus Status, Guid? MergedInto, DateOnly? MergedFrom, IReadOnlyList<NameSpan> Names, long Version)
{
    public const string NotFound = "Không tìm thấy đơn vị.";

    public bool Active => Status == UnitStatus.Active;

    public string NameOn(DateOnly date) =>
        Names.Where(n => n.From <= date).OrderBy(n => n.From).LastOrDefault()?.Name ?? Names.FirstOrDefault()?.Name ?? Name;

    public static Unit Create(UnitRegistered e) =>
        new(e.UnitId, e.Code, e.Name, e.Kind, e.ParentId, e.CoversLevel, UnitStatus.Active, null, null,
            [new NameSpan(e.Name, e.EffectiveFrom)], 1);

    public Unit Apply(UnitRenamed e) => this with
    {
        Names = [.. Names, new NameSpan(e.Name, e.EffectiveFrom)],
        Name = Names.Append(new NameSpan(e.Name, e.EffectiveFrom)).OrderBy(n => n.From).Last().Name
    };

    public Unit Apply(UnitMoved e) => this with { ParentId = e.ParentId };

    public Unit Apply(UnitMerged e) => this with { Status = UnitStatus.Merged, MergedInto = e.IntoUnitId, MergedFrom = e.EffectiveFrom };

    public UnitUpdated ToIntegrationEvent(DateTimeOffset at) =>
        new(Id, Code, Name, UnitKinds.Code(Kind), ParentId, CoversLevel, Active, MergedInto, Version, at);
}
