namespace Emulation.Awards.Catalogue;

/// <summary>A form of commendation as the catalogue defines it (ADR 0029). <paramref name="Level"/> is the code a review
/// round proposes it under (<see cref="CommendationLevels"/>); an approver at <paramref name="IssuerUnitId"/> signs it.
/// <paramref name="ProposedUpward"/> forms (the Central Commission's Bằng khen) are decided above the province: no
/// decision is drafted for them here.</summary>
/// <param name="PrintedName">As the certificate prints it large: "BẰNG KHEN" or "GIẤY KHEN".</param>
/// <param name="IssuerParent">The body above the issuer in the decision's heading (may be absent).</param>
/// <param name="IssuerName">The issuing body in the heading: "ỦY BAN NHÂN DÂN TỈNH CÀ MAU".</param>
/// <param name="IssuerTitle">The holder's title printed on the certificate: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU".</param>
/// <param name="Symbol">The decision's symbol after the number: "QĐ-UBND".</param>
/// <param name="Paper"><see cref="Papers.A3Landscape"/> or <see cref="Papers.A4Landscape"/>.</param>
/// <param name="Layout">Where its certificates print their variable text, when an administrator moved it from the design
/// (ADR 0048); absent: the design of its paper.</param>
public sealed record CommendationForm(
    string Code, string Name, string PrintedName, string Level, Guid IssuerUnitId, string? IssuerParent, string IssuerName, string IssuerTitle,
    string Symbol, string Place, IReadOnlyList<string> Recipients, string Paper, decimal? PrizeCollective, decimal? PrizeIndividual,
    bool ProposedUpward, bool Active, CertificateLayout? Layout = null)
{
    public bool Allows(string recipientKind) => Recipients.Contains(recipientKind);
}

public static class Papers
{
    public const string A3Landscape = "A3-landscape";
    public const string A4Landscape = "A4-landscape";
    public static readonly IReadOnlyList<string> All = [A3Landscape, A4Landscape];
    public static string Label(string paper) => paper == A3Landscape ? "A3 ngang" : "A4 ngang";
}

public sealed record CommendationFormSaved(CommendationForm Form, Guid By, DateTimeOffset At);

public sealed record CertificateLayoutChanged(string FormCode, CertificateLayout Layout, Guid By, DateTimeOffset At);

public sealed record CertificateLayoutReset(string FormCode, Guid By, DateTimeOffset At);

/// <summary>The forms of commendation of this deployment: one stream with a fixed id, like the Registry's catalog, so two
/// admins editing at once meet the version check. Immutable; folded by Marten.</summary>
public sealed record AwardCatalogue(Guid Id, IReadOnlyList<CommendationForm> Forms, long Version)
{
    public static readonly Guid StreamId = new("5b0c6a2e-3f7d-4c1e-9a8b-7d2e1f0c4a61");

    public static AwardCatalogue Create(CommendationFormSaved e) => new(StreamId, [e.Form], 1);

    public AwardCatalogue Apply(CommendationFormSaved e) =>
        this with { Forms = Forms.Any(f => f.Code == e.Form.Code) ? Forms.Select(f => f.Code == e.Form.Code ? e.Form : f).ToList() : [.. Forms, e.Form] };

    public AwardCatalogue Apply(CertificateLayoutChanged e) => WithForm(e.FormCode, f => f with { Layout = e.Layout });

    public AwardCatalogue Apply(CertificateLayoutReset e) => WithForm(e.FormCode, f => f with { Layout = null });

    AwardCatalogue WithForm(string code, Func<CommendationForm, CommendationForm> change) =>
        this with { Forms = Forms.Select(f => f.Code == code ? change(f) : f).ToList() };

    public CommendationForm? Form(string? code) => Forms.FirstOrDefault(f => f.Code == code);

    public static readonly AwardCatalogue Empty = new(StreamId, [], 0);
}
