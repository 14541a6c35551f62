namespace Emulation.Awards.Reports;

/// <summary>Where an imported record came from: the upload, its file, sheet and row, and the row code the register gave it
/// (absent in records imported before the code was kept; the export then names the row by its id).</summary>
public sealed record ImportSource(Guid ImportId, string FileName, string Sheet, int Row, string? RowCode = null);

/// <summary>A commendation given before the province used Emulation, brought in from its register (issue 10): the decision's
/// own number and date are data of the event; <paramref name="At"/> and <paramref name="By"/> say when and by whom it was
/// brought in. <paramref name="ModelId"/> ties it to an imported or registered model when the register names one.</summary>
public sealed record PastCommendationImported(
    Guid Id, Guid? CampaignId, Guid? ModelId, string? RegistryCode, string RecipientKind, string Name, string? Position,
    Guid? UnitId, string UnitName, string FormName, string DecisionNumber, DateOnly DecisionDate, string IssuedBy,
    ImportSource Source, Guid By, DateTimeOffset At);

/// <summary>A commendation from a province's register, one stream each (the id is derived from the import key, so bringing
/// the same register in again finds it).</summary>
public sealed record PastCommendation(
    Guid Id, Guid? CampaignId, Guid? ModelId, string? RegistryCode, string RecipientKind, string Name, string? Position,
    Guid? UnitId, string UnitName, string FormName, string DecisionNumber, DateOnly DecisionDate, string IssuedBy,
    ImportSource Source, Guid ImportedBy, DateTimeOffset ImportedAt, long Version)
{
    public static PastCommendation Create(PastCommendationImported e) =>
        new(e.Id, e.CampaignId, e.ModelId, e.RegistryCode, e.RecipientKind, e.Name, e.Position, e.UnitId, e.UnitName, e.FormName,
            e.DecisionNumber, e.DecisionDate, e.IssuedBy, e.Source, e.By, e.At, 1);

    public PastCommendation Apply(PastCommendationAmended e) => Create(e.Now) with { ImportedBy = ImportedBy, ImportedAt = ImportedAt, Version = Version + 1 };
}
