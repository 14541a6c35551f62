namespace Emulation.Documents.Certificates;

/// <summary>What a certificate prints, as plain text the caller has already formatted: the layer knows no module.</summary>
/// <param name="FormName">"BẰNG KHEN" or "GIẤY KHEN", printed large in red.</param>
/// <param name="IssuerTitle">"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", in red above "TẶNG".</param>
/// <param name="DecisionLine">Bottom left, e.g. "Quyết định số 125/QĐ-UBND ngày 15/11/2023".</param>
/// <param name="GoldBookLine">Bottom left under it, e.g. "Số vào sổ vàng: 12/2023".</param>
/// <param name="PlaceAndDate">Bottom right, e.g. "Cà Mau, ngày 15 tháng 11 năm 2023".</param>
/// <param name="SignerAuthority">"KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" or empty.</param>
/// <param name="VerificationUrl">Encoded in the QR code, printed small under it.</param>
public sealed record CertificateText(
    string FormName, string IssuerTitle, string RecipientName, string? RecipientPosition, string? RecipientUnit,
    string Achievement, string DecisionLine, string GoldBookLine, string PlaceAndDate, string SignerAuthority,
    string SignerTitle, string SignerName, string VerificationUrl);

public enum CertificatePrintMode { Full, Blank }

/// <summary>Where a printer puts the page relative to where it was asked to, measured on the calibration sheet:
/// every position is moved by this much before printing on a blank.</summary>
public sealed record PrinterOffset(double XMm, double YMm)
{
    public static readonly PrinterOffset None = new(0, 0);
}
