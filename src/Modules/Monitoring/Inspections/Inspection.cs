namespace Emulation.Monitoring.Inspections;

public enum InspectionKind { Inspection, Supervision }

public enum InspectionRating { Good, Fair, Average, Weak }

public enum InspectionStatus { Scheduled, Recorded }

/// <summary>A followed model as it stood when the visit was planned: the unit that answers its actions, its name for lists.</summary>
public sealed record InspectedModel(Guid ModelId, Guid UnitId, string Name);

public sealed record ModelFinding(Guid ModelId, string Findings, InspectionRating Rating);

/// <summary>A follow-up the board asks of the model's unit, with the day it is due.</summary>
public sealed record FollowUpAction(Guid ActionId, Guid ModelId, Guid UnitId, string ModelName, string Description, DateOnly DueOn);

public sealed record InspectionScheduled(Guid InspectionId, Guid BoardId, InspectionKind Kind, DateOnly PlannedOn, string? Purpose,
    IReadOnlyList<InspectedModel> Models, Guid By, DateTimeOffset At);
public sealed record InspectionRecorded(Guid InspectionId, Guid BoardId, InspectionKind Kind, DateOnly VisitedOn, IReadOnlyList<string> Members,
    IReadOnlyList<ModelFinding> Findings, IReadOnlyList<FollowUpAction> Actions, Guid By, DateTimeOffset At);
public sealed record ActionAnswered(Guid InspectionId, Guid ActionId, string Answer, DateOnly AnsweredOn, Guid By, DateTimeOffset At);
public sealed record ActionClosed(Guid InspectionId, Guid ActionId, string? Note, Guid By, DateTimeOffset At);

public sealed record ActionState(Guid ActionId, Guid ModelId, Guid UnitId, string Description, DateOnly DueOn,
    string? Answer, DateOnly? AnsweredOn, DateTimeOffset? ClosedAt, string? CloseNote)
{
    public bool Closed => ClosedAt is not null;
}

/// <summary>An inspection or supervision visit by a board to one or more followed models. Immutable; built from its events.</summary>
public sealed partial record Inspection(Guid Id, Guid BoardId, InspectionKind Kind, DateOnly PlannedOn, string? Purpose,
    IReadOnlyList<InspectedModel> Models, InspectionStatus Status, DateOnly? VisitedOn, IReadOnlyList<string> Members,
    IReadOnlyList<ModelFinding> Findings, IReadOnlyList<ActionState> Actions, DateTimeOffset ScheduledAt, long Version)
{
    public static Inspection Create(InspectionScheduled e) =>
        new(e.InspectionId, e.BoardId, e.Kind, e.PlannedOn, e.Purpose, e.Models, InspectionStatus.Scheduled, null, [], [], [], e.At, 1);

    public Inspection Apply(InspectionRecorded e) => this with
    {
        Status = InspectionStatus.Recorded, VisitedOn = e.VisitedOn, Members = e.Members, Findings = e.Findings,
        Actions = e.Actions.Select(a => new ActionState(a.ActionId, a.ModelId, a.UnitId, a.Description, a.DueOn, null, null, null, null)).ToList()
    };

    public Inspection Apply(ActionAnswered e) =>
        this with { Actions = Actions.Select(a => a.ActionId == e.ActionId ? a with { Answer = e.Answer, AnsweredOn = e.AnsweredOn } : a).ToList() };

    public Inspection Apply(ActionClosed e) =>
        this with { Actions = Actions.Select(a => a.ActionId == e.ActionId ? a with { ClosedAt = e.At, CloseNote = e.Note } : a).ToList() };

    public ActionState? Action(Guid actionId) => Actions.FirstOrDefault(a => a.ActionId == actionId);

    public InspectedModel? Model(Guid modelId) => Models.FirstOrDefault(m => m.ModelId == modelId);
}

public static class InspectionLabels
{
    public static string Kind(InspectionKind k) => k switch
    {
        InspectionKind.Inspection => "Kiểm tra",
        InspectionKind.Supervision => "Giám sát",
        _ => k.ToString()
    };

    public static string Rating(InspectionRating r) => r switch
    {
        InspectionRating.Good => "Tốt",
        InspectionRating.Fair => "Khá",
        InspectionRating.Average => "Trung bình",
        InspectionRating.Weak => "Yếu",
        _ => r.ToString()
    };

    public static string Status(InspectionStatus s) => s == InspectionStatus.Scheduled ? "Đã lên lịch" : "Đã ghi nhận kết quả";
}
