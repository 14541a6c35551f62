using Marten;
using Marten.Events.Projections;

namespace Emulation.Monitoring.Inspections;

/// <summary>One follow-up action of a recorded inspection, kept as its own document so the unit's to-do list, the
/// reminders, the dashboards and the health rules query actions without opening inspections. Written inline by
/// <see cref="OpenActionProjection"/> in the same transaction as the inspection's events.</summary>
public sealed record OpenAction(Guid Id, Guid InspectionId, Guid BoardId, InspectionKind Kind, DateOnly VisitedOn,
    Guid ModelId, Guid UnitId, string ModelName, string Description, DateOnly DueOn,
    string? Answer, DateOnly? AnsweredOn, DateTimeOffset? ClosedAt)
{
    public bool Open => ClosedAt is null;

    /// <summary>Counts against the model's health (ADR 0019): due before today, and the unit has neither answered nor been
    /// released by the board. An answered action waits for the board to close it; the unit has done its part.</summary>
    public bool PastDue(DateOnly today) => ClosedAt is null && AnsweredOn is null && DueOn < today;
}

public partial class OpenActionProjection : EventProjection
{
    public OpenActionProjection() => Name = "monitoring-open-actions";

    public void Project(InspectionRecorded e, IDocumentOperations ops)
    {
        foreach (var a in e.Actions)
            ops.Store(new OpenAction(a.ActionId, e.InspectionId, e.BoardId, e.Kind, e.VisitedOn, a.ModelId, a.UnitId, a.ModelName,
                a.Description, a.DueOn, null, null, null));
    }

    public async Task Project(ActionAnswered e, IDocumentOperations ops, CancellationToken ct)
    {
        if (await ops.LoadAsync<OpenAction>(e.ActionId, ct) is { } action)
            ops.Store(action with { Answer = e.Answer, AnsweredOn = e.AnsweredOn });
    }

    public async Task Project(ActionClosed e, IDocumentOperations ops, CancellationToken ct)
    {
        if (await ops.LoadAsync<OpenAction>(e.ActionId, ct) is { } action)
            ops.Store(action with { ClosedAt = e.At });
    }
}
