using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Emulation.Registry.Models;

/// <summary>The row behind the list, search, statistics and exports. Built asynchronously by the daemon,
/// so it may trail a write by a fraction of a second; a model's own page reads the stream instead.</summary>
public sealed class ModelSummary
{
    public Guid Id { get; set; }
    public ModelKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
    public string? PersonName { get; set; }
    public string SearchText { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid ProvinceId { get; set; }
    public Guid PeriodId { get; set; }
    public string FieldCode { get; set; } = "";
    public string LevelCode { get; set; } = "";
    public ModelStatus Status { get; set; }
    public string? RegistryCode { get; set; }
    public Guid? BoardId { get; set; }
    public Guid? ReplicatesModelId { get; set; }
    public int NearDuplicateCount { get; set; }
    public string? FirstTarget { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public void Describe(ModelDetails d)
    {
        Kind = d.Kind;
        Name = d.Name;
        NameKey = Similarity.Key(d.Name);
        PersonName = d.PersonName;
        PeriodId = d.PeriodId;
        FieldCode = d.FieldCode;
        LevelCode = d.LevelCode;
        ReplicatesModelId = d.ReplicatesModelId;
        FirstTarget = d.Targets.FirstOrDefault() is { } t
            ? $"{t.Indicator}: {t.Baseline:0.##} → {t.TargetValue:0.##} {t.UnitOfMeasure}{(t.DueDate is { } due ? $" ({due:dd/MM/yyyy})" : "")}"
            : null;
        Index();
    }

    public void Index() => SearchText = Kernel.Text.VietnameseText.Fold($"{Name} {PersonName} {RegistryCode}");
}

public sealed partial class ModelSummaryProjection : SingleStreamProjection<ModelSummary, Guid>
{
    public ModelSummaryProjection()
    {
        Name = "ModelSummary";
        // The daemon reads up to 5,000 events at a time for the search model (500 by default): a rebuild or a large import
        // then costs a tenth of the round trips; 22 % more events per second in four alternating runs (docs/performance.md).
        Options.BatchSize = 5_000;
    }

    public static ModelSummary Create(IEvent<ModelDrafted> e)
    {
        var summary = new ModelSummary
        {
            Id = e.Data.ModelId, UnitId = e.Data.UnitId, ProvinceId = e.Data.ProvinceId, Status = ModelStatus.Draft,
            CreatedAt = e.Data.At, UpdatedAt = e.Data.At, Version = e.Version
        };
        summary.Describe(e.Data.Details);
        return summary;
    }

    public static ModelSummary Create(IEvent<ModelImported> e)
    {
        var summary = new ModelSummary
        {
            Id = e.Data.ModelId, UnitId = e.Data.UnitId, ProvinceId = e.Data.ProvinceId, Status = ModelStatus.Draft,
            CreatedAt = e.Data.At, UpdatedAt = e.Data.At, Version = e.Version
        };
        summary.Describe(e.Data.Details);
        return summary;
    }

    /// <summary>An imported stream's registration, at the register's own date.</summary>
    public static void Apply(IEvent<ModelDrafted> e, ModelSummary s)
    {
        s.Describe(e.Data.Details);
        s.CreatedAt = e.Data.At;
        Touch(s, e, e.Data.At);
    }

    public static void Apply(IEvent<ModelEdited> e, ModelSummary s) { s.Describe(e.Data.Details); Touch(s, e, e.Data.At); }

    public static void Apply(IEvent<ModelSubmitted> e, ModelSummary s)
    {
        s.Status = ModelStatus.Submitted;
        s.BoardId = e.Data.BoardId;
        s.SubmittedAt = e.Data.At;
        s.NearDuplicateCount = e.Data.NearDuplicates.Count;
        Touch(s, e, e.Data.At);
    }

    public static void Apply(IEvent<ModelAccepted> e, ModelSummary s)
    {
        s.Status = ModelStatus.Accepted;
        s.RegistryCode = e.Data.RegistryCode;
        s.DecidedAt = e.Data.At;
        s.Index();
        Touch(s, e, e.Data.At);
    }

    public static void Apply(IEvent<ModelReturned> e, ModelSummary s) { s.Status = ModelStatus.Returned; s.DecidedAt = e.Data.At; Touch(s, e, e.Data.At); }
    public static void Apply(IEvent<ModelRejected> e, ModelSummary s) { s.Status = ModelStatus.Rejected; s.DecidedAt = e.Data.At; Touch(s, e, e.Data.At); }
    public static void Apply(IEvent<ModelWithdrawn> e, ModelSummary s) { s.Status = ModelStatus.Withdrawn; Touch(s, e, e.Data.At); }

    static void Touch(ModelSummary s, IEvent e, DateTimeOffset at)
    {
        s.UpdatedAt = at;
        s.Version = e.Version;
    }
}
