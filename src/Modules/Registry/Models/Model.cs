namespace Emulation.Registry.Models;

public enum ModelKind { Model, CollectiveExemplar, IndividualExemplar }

public enum ModelStatus { Draft, Submitted, Accepted, Returned, Rejected, Withdrawn }

public sealed record Target(string Indicator, string UnitOfMeasure, decimal? Baseline, decimal? TargetValue, DateOnly? DueDate);

public sealed record Milestone(DateOnly? Date, string Description);

/// <summary>The registration dossier, as in a ward Fatherland Front's instructions.</summary>
public sealed record ModelDetails(
    ModelKind Kind, string Name, string? PersonName, string? PersonPosition,
    Guid PeriodId, string FieldCode, string LevelCode,
    string? Situation, string? Objectives, string? ContentAndMethods, string? Area, string? TargetGroup,
    string? LeadForce, string? CoordinatingForces, string? ParticipatingForces,
    decimal? Budget, string? Facilities, int? Workdays, decimal? SocialisedFunds,
    DateOnly? StartDate, DateOnly? EvaluationDate,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<Target> Targets,
    string? Outputs, string? Sustainability, Guid? ReplicatesModelId);

public sealed record NearDuplicate(Guid ModelId, string Name, Guid UnitId, string? RegistryCode, double Similarity);

public sealed record ModelDrafted(Guid ModelId, Guid UnitId, Guid ProvinceId, ModelDetails Details, Guid By, DateTimeOffset At);
public sealed record ModelEdited(Guid ModelId, ModelDetails Details, Guid By, DateTimeOffset At);
public sealed record ModelSubmitted(Guid ModelId, Guid BoardId, IReadOnlyList<NearDuplicate> NearDuplicates, Guid By, DateTimeOffset At);
public sealed record ModelAccepted(Guid ModelId, string RegistryCode, string? Note, Guid By, DateTimeOffset At);
public sealed record ModelReturned(Guid ModelId, string Reason, Guid By, DateTimeOffset At);
public sealed record ModelRejected(Guid ModelId, string Reason, Guid By, DateTimeOffset At);
public sealed record ModelWithdrawn(Guid ModelId, string? Reason, Guid By, DateTimeOffset At);

/// <summary>Where an imported stream came from: the upload (batch), the file, and the sheet, row and row code of the register.</summary>
public sealed record ModelImportSource(Guid BatchId, string FileName, string Sheet, int Row, string RowCode);

/// <summary>Opens a stream brought in from a province's register (ADR 0036): who imported it and when, from where. The
/// events after it are the Registry's own, each carrying the register's original date in <c>At</c>.</summary>
public sealed record ModelImported(Guid ModelId, Guid UnitId, Guid ProvinceId, ModelDetails Details, ModelImportSource Source, Guid By, DateTimeOffset At);

/// <summary>A registered model or exemplar. Immutable; built from its events.</summary>
public sealed partial record Model(Guid Id, Guid UnitId, Guid ProvinceId, ModelDetails Details, ModelStatus Status,
    Guid? BoardId, string? RegistryCode, IReadOnlyList<NearDuplicate> NearDuplicates, string? LastReason,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, long Version)
{
    public static Model Create(ModelDrafted e) =>
        new(e.ModelId, e.UnitId, e.ProvinceId, e.Details, ModelStatus.Draft, null, null, [], null, e.At, null, null, 1);

    public static Model Create(ModelImported e) =>
        new(e.ModelId, e.UnitId, e.ProvinceId, e.Details, ModelStatus.Draft, null, null, [], null, e.At, null, null, 1) { Imported = e.Source, ImportedAt = e.At };

    /// <summary>After <see cref="ModelImported"/>, the register's own registration date.</summary>
    public Model Apply(ModelDrafted e) => this with { Details = e.Details, CreatedAt = e.At };

    public Model Apply(ModelEdited e) => this with { Details = e.Details };
    public Model Apply(ModelSubmitted e) => this with { Status = ModelStatus.Submitted, BoardId = e.BoardId, NearDuplicates = e.NearDuplicates, SubmittedAt = e.At, LastReason = null };
    public Model Apply(ModelAccepted e) => this with { Status = ModelStatus.Accepted, RegistryCode = e.RegistryCode, DecidedAt = e.At, LastReason = e.Note };
    public Model Apply(ModelReturned e) => this with { Status = ModelStatus.Returned, DecidedAt = e.At, LastReason = e.Reason };
    public Model Apply(ModelRejected e) => this with { Status = ModelStatus.Rejected, DecidedAt = e.At, LastReason = e.Reason };
    public Model Apply(ModelWithdrawn e) => this with { Status = ModelStatus.Withdrawn, LastReason = e.Reason };

    public bool Editable => Status is ModelStatus.Draft or ModelStatus.Returned;

    /// <summary>Set when the stream was brought in from a register rather than registered here.</summary>
    public ModelImportSource? Imported { get; init; }
    public DateTimeOffset? ImportedAt { get; init; }
}

public static class ModelLabels
{
    public static string Kind(ModelKind k) => k switch
    {
        ModelKind.Model => "Mô hình",
        ModelKind.CollectiveExemplar => "Điển hình tập thể",
        ModelKind.IndividualExemplar => "Điển hình cá nhân",
        _ => k.ToString()
    };

    public static string Status(ModelStatus s) => s switch
    {
        ModelStatus.Draft => "Bản nháp",
        ModelStatus.Submitted => "Chờ Ban xem xét",
        ModelStatus.Accepted => "Đã công nhận đăng ký",
        ModelStatus.Returned => "Trả lại để bổ sung",
        ModelStatus.Rejected => "Không chấp nhận",
        ModelStatus.Withdrawn => "Đơn vị đã rút",
        _ => s.ToString()
    };

    public static string StatusTag(ModelStatus s) => s switch
    {
        ModelStatus.Accepted => "ok", ModelStatus.Submitted => "warn", ModelStatus.Returned => "warn",
        ModelStatus.Rejected or ModelStatus.Withdrawn => "bad", _ => ""
    };
}
