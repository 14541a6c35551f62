using System.Text.Json.Serialization;
using Emulation.Awards.Catalogue;
using Emulation.Awards.Certificates;

namespace Emulation.Awards.Decisions;

/// <summary>One line of the annex: who is commended, as the decision prints it. <paramref name="ModelId"/> ties it to the
/// proposal it came from; the text is the secretary's until signing.</summary>
public sealed record AnnexEntry(Guid ModelId, string RecipientKind, string Name, string? Position, string? Unit, string Achievement);

/// <summary>What a decision says. <paramref name="SignerCapacity"/> is "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" or empty when
/// the holder signs in person.</summary>
public sealed record DecisionContent(
    int Number, string Symbol, DateOnly Date, string Place, string? SignerCapacity, string SignerTitle, string SignerName,
    IReadOnlyList<string> Grounds, string Proposal, string Executors, IReadOnlyList<string> CopiesTo,
    decimal? PrizeCollective, decimal? PrizeIndividual, IReadOnlyList<AnnexEntry> Annex)
{
    [JsonIgnore] public string NumberAndSymbol => $"{Number}/{Symbol}";
}

/// <summary>A correction names the earlier decision and whether it amends (its recipients are commended again, as now
/// written) or revokes (their commendation is cancelled).</summary>
public sealed record Correction(Guid DecisionId, string Number, string Kind);

public static class CorrectionKinds
{
    public const string Amend = "amend";
    public const string Revoke = "revoke";
    public static string Label(string kind) => kind == Revoke ? "Hủy bỏ" : "Sửa đổi";
}

public enum DecisionState { Draft, Signed }

public sealed record DecisionDrafted(Guid DecisionId, Guid RoundId, string RoundName, Guid BoardId, CommendationForm Form, DecisionContent Content,
    Correction? Corrects, Guid By, DateTimeOffset At);

public sealed record DecisionEdited(Guid DecisionId, DecisionContent Content, Guid By, DateTimeOffset At);

/// <summary>The approver signed: from here nothing changes. The certificates' facts (gold-book numbers included) are fixed
/// in this event, one per annex line (none for a revoking decision).</summary>
public sealed record DecisionSigned(Guid DecisionId, int GoldBookYear, IReadOnlyList<CertificateFacts> Certificates, Guid By, string ByName, DateTimeOffset At);

/// <summary>Appended to an earlier decision when a correction of it is signed, so the earlier one shows it.</summary>
public sealed record DecisionCorrected(Guid DecisionId, Guid CorrectedBy, string CorrectedByNumber, string Kind, IReadOnlyList<Guid> ModelIds, DateTimeOffset At);

public sealed record Signing(Guid By, string ByName, DateTimeOffset At);

/// <summary>An award decision (quyết định khen thưởng) drafted from a round's proposal list for one form of commendation.
/// Immutable; folded by Marten from its stream (the decision's id).</summary>
public sealed record AwardDecision(
    Guid Id, Guid RoundId, string RoundName, Guid BoardId, CommendationForm Form, DecisionContent Content, Correction? Corrects,
    DecisionState State, IReadOnlyList<CertificateFacts> Certificates, Signing? Signed, IReadOnlyList<Correction> CorrectedBy,
    Guid DraftedBy, DateTimeOffset DraftedAt, long Version)
{
    public static AwardDecision Create(DecisionDrafted e) =>
        new(e.DecisionId, e.RoundId, e.RoundName, e.BoardId, e.Form, e.Content, e.Corrects, DecisionState.Draft, [], null, [], e.By, e.At, 1);

    public AwardDecision Apply(DecisionEdited e) => this with { Content = e.Content };

    public AwardDecision Apply(DecisionSigned e) =>
        this with { State = DecisionState.Signed, Certificates = e.Certificates, Signed = new Signing(e.By, e.ByName, e.At) };

    public AwardDecision Apply(DecisionCorrected e) => this with { CorrectedBy = [.. CorrectedBy, new Correction(e.CorrectedBy, e.CorrectedByNumber, e.Kind)] };

    [JsonIgnore] public bool IsRevocation => Corrects?.Kind == CorrectionKinds.Revoke;

    /// <summary>"Về việc tặng Bằng khen của Chủ tịch UBND tỉnh" (or the correction's wording).</summary>
    [JsonIgnore] public string Summary => Corrects is { } c
        ? $"Về việc {CorrectionKinds.Label(c.Kind).ToLowerInvariant()} Quyết định số {c.Number}"
        : $"Về việc tặng {Form.Name}";
}
