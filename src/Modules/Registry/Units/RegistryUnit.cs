using Emulation.Contracts;
using Marten;

namespace Emulation.Registry.Units;

/// <summary>The registry's own copy of a unit, kept from the Directory's <see cref="UnitUpdated"/> events.</summary>
public sealed class RegistryUnit
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid? ParentId { get; set; }
    public string? CoversLevel { get; set; }
    public bool Active { get; set; }
    public Guid? MergedInto { get; set; }
    public long SourceVersion { get; set; }

    public bool IsBoard => Kind == "board";
    public bool IsProvince => Kind == "province";
}

public static class UnitUpdatedHandler
{
    /// <summary>Out-of-order or repeated deliveries are ignored by version, so the copy only moves forward.</summary>
    public static async Task Handle(UnitUpdated e, IDocumentSession session, UnitDirectory directory)
    {
        var unit = await session.LoadAsync<RegistryUnit>(e.UnitId) ?? new RegistryUnit { Id = e.UnitId };
        if (unit.SourceVersion > e.Version) return;
        unit.Code = e.Code;
        unit.Name = e.Name;
        unit.Kind = e.Kind;
        unit.ParentId = e.ParentId;
        unit.CoversLevel = e.CoversLevel;
        unit.Active = e.Active;
        unit.MergedInto = e.MergedInto;
        unit.SourceVersion = e.Version;
        session.Store(unit);
        directory.Invalidate();
    }
}
