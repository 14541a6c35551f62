namespace Emulation.Awards.Certificates;

/// <summary>What one certificate states, fixed when its decision is signed: the decisions side writes these into the
/// signed decision, the certificates side signs them, prints them and verifies them. Nothing here changes after
/// signing; a correction is a new decision.</summary>
/// <param name="FormCode">The form of commendation's code in the catalogue (e.g. a provincial chairman's Bằng khen).</param>
/// <param name="FormName">As printed large: "BẰNG KHEN" or "GIẤY KHEN".</param>
/// <param name="Paper">The template's paper: <c>A3-landscape</c> or <c>A4-landscape</c>.</param>
/// <param name="IssuerTitle">As printed in red above "TẶNG", e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU".</param>
/// <param name="RecipientKind"><c>collective</c> or <c>individual</c>.</param>
/// <param name="SignerAuthority">"KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" or empty when the holder signs in person.</param>
public sealed record CertificateFacts(
    Guid CertificateId, Guid DecisionId, string DecisionNumber, DateOnly DecisionDate,
    string FormCode, string FormName, string Paper, Guid IssuerUnitId, string IssuerTitle,
    string RecipientKind, string RecipientName, string? RecipientPosition, string? RecipientUnit, string Achievement,
    int GoldBookNumber, int GoldBookYear, string Place, string SignerAuthority, string SignerTitle, string SignerName,
    int AnnexOrder);
