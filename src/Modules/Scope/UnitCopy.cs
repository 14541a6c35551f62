using Emulation.Contracts;

namespace Emulation.Scope;

/// <summary>A module's own copy of a Directory unit, kept from <see cref="UnitUpdated"/>. Each module derives its
/// document type from this one so the copy lives in the module's own schema (ADR 0012).</summary>
public abstract class UnitCopy
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

    /// <summary>Takes the state only when it is newer than what the copy holds: a replayed, repeated or late
    /// delivery never moves the copy backwards.</summary>
    public bool Accept(UnitUpdated e)
    {
        if (e.Version <= SourceVersion) return false;
        Id = e.UnitId;
        Code = e.Code;
        Name = e.Name;
        Kind = e.Kind;
        ParentId = e.ParentId;
        CoversLevel = e.CoversLevel;
        Active = e.Active;
        MergedInto = e.MergedInto;
        SourceVersion = e.Version;
        return true;
    }
}
