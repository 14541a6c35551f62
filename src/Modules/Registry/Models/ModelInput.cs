using Emulation.Kernel.Text;

namespace Emulation.Registry.Models;

public sealed record TargetInput(string? Indicator, string? UnitOfMeasure, decimal? Baseline, decimal? TargetValue, DateOnly? DueDate);
public sealed record MilestoneInput(DateOnly? Date, string? Description);

/// <summary>The dossier as a unit sends it (API body for draft and edit). Empty target and milestone rows are ignored.</summary>
public sealed record ModelInput(
    Guid? UnitId, ModelKind Kind, string? Name, string? PersonName, string? PersonPosition,
    Guid? PeriodId, string? FieldCode, string? LevelCode,
    string? Situation, string? Objectives, string? ContentAndMethods, string? Area, string? TargetGroup,
    string? LeadForce, string? CoordinatingForces, string? ParticipatingForces,
    decimal? Budget, string? Facilities, int? Workdays, decimal? SocialisedFunds,
    DateOnly? StartDate, DateOnly? EvaluationDate,
    IReadOnlyList<MilestoneInput?>? Milestones, IReadOnlyList<TargetInput?>? Targets,
    string? Outputs, string? Sustainability, string? ReplicatesCode, long? Version)
{
    /// <summary>Every text in NFC with spacing folded, whatever form it arrived in.</summary>
    public ModelDetails ToDetails(Guid? replicates) => new(
        Kind, VietnameseText.Clean(Name), Opt(PersonName), Opt(PersonPosition),
        PeriodId ?? Guid.Empty, FieldCode?.Trim() ?? "", LevelCode?.Trim() ?? "",
        Text(Situation), Text(Objectives), Text(ContentAndMethods), Text(Area), Text(TargetGroup),
        Text(LeadForce), Text(CoordinatingForces), Text(ParticipatingForces),
        Budget, Text(Facilities), Workdays, SocialisedFunds, StartDate, EvaluationDate,
        (Milestones ?? []).OfType<MilestoneInput>().Where(m => m.Date is not null || !string.IsNullOrWhiteSpace(m.Description))
            .Select(m => new Milestone(m.Date, VietnameseText.Clean(m.Description))).ToList(),
        (Targets ?? []).OfType<TargetInput>()
            .Where(t => !string.IsNullOrWhiteSpace(t.Indicator) || !string.IsNullOrWhiteSpace(t.UnitOfMeasure) || t.Baseline is not null || t.TargetValue is not null || t.DueDate is not null)
            .Select(t => new Target(VietnameseText.Clean(t.Indicator), VietnameseText.Clean(t.UnitOfMeasure), t.Baseline, t.TargetValue, t.DueDate)).ToList(),
        Text(Outputs), Text(Sustainability), replicates);

    static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Clean(s);

    /// <summary>Long texts keep their line breaks; only NFC and trimming.</summary>
    static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Nfc(s).Replace("\r\n", "\n").Trim();
}
