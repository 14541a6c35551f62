namespace Emulation.Contracts;

/// <summary>A registered model's state after the change at <paramref name="Version"/> of its stream, relayed from the
/// Registry's event store in sequence order (ADR 0011, ADR 0017). <paramref name="Status"/> is one of
/// <see cref="ModelStatusCodes"/>; <paramref name="BoardId"/> is the board the dossier was sent to (the deciding
/// board); <paramref name="AcceptedAt"/> is set once accepted. <paramref name="SubmittedAt"/> is the last time it was sent to
/// a board, <paramref name="PeriodName"/> the campaign period's name, and <paramref name="ReplicatesModelId"/> the model it replicates, if any (the sơ kết report counts both). Dates are
/// the events' own: a history brought in from a province's registers keeps its original dates;
/// <paramref name="ImportedAt"/> is set for such a model (ADR 0036): the system has known it only since then.</summary>
public sealed record ModelUpdated(
    Guid ModelId, string? RegistryCode, string Name, string Kind, string Status,
    Guid UnitId, Guid? BoardId, Guid? CampaignId, string? CampaignName, Guid? CampaignBoardId, Guid PeriodId,
    string FieldCode, string LevelCode, IReadOnlyList<ModelTarget> Targets, DateTimeOffset? AcceptedAt,
    long Version, DateTimeOffset At, DateTimeOffset? SubmittedAt = null, Guid? ReplicatesModelId = null, string? PeriodName = null,
    DateTimeOffset? ImportedAt = null)
{
    public bool Accepted => Status == ModelStatusCodes.Accepted;
    public bool Withdrawn => Status == ModelStatusCodes.Withdrawn;
    public bool Rejected => Status == ModelStatusCodes.Rejected;
}

/// <summary>A measurable target of the registration dossier: move <paramref name="Indicator"/> from the baseline to the
/// target value by the due date (either direction: "reduce violations from 20 to 5" is a target below its baseline).</summary>
public sealed record ModelTarget(string Indicator, string UnitOfMeasure, decimal? Baseline, decimal? TargetValue, DateOnly? DueDate);

public static class ModelStatusCodes
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
}

/// <summary>Model kinds as carried by <see cref="ModelUpdated.Kind"/>.</summary>
public static class ModelKindCodes
{
    public const string Model = "model";
    public const string CollectiveExemplar = "collective-exemplar";
    public const string IndividualExemplar = "individual-exemplar";
}
