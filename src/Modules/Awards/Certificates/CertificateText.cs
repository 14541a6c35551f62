using System.Globalization;
using Emulation.Documents.Certificates;
using Microsoft.AspNetCore.Http;

namespace Emulation.Awards.Certificates;

/// <summary>The signed facts as the lines a certificate prints, with the verification address it encodes.</summary>
public static class CertificateLines
{
    public static CertificateText Of(CertificateFacts f, string baseUrl) => new(
        f.FormName, f.IssuerTitle, f.RecipientName, f.RecipientPosition, f.RecipientUnit, f.Achievement,
        $"Quyết định số {f.DecisionNumber} ngày {f.DecisionDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
        $"Số vào sổ vàng: {f.GoldBookNumber}/{f.GoldBookYear}",
        $"{f.Place}, ngày {f.DecisionDate.Day:00} tháng {(f.DecisionDate.Month < 3 ? f.DecisionDate.Month.ToString("00") : f.DecisionDate.Month.ToString(CultureInfo.InvariantCulture))} năm {f.DecisionDate.Year}",
        f.SignerAuthority, f.SignerTitle, f.SignerName, VerificationUrl(baseUrl, f.CertificateId));

    public static string VerificationUrl(string baseUrl, Guid id) => $"{baseUrl.TrimEnd('/')}/xac-minh/{id:D}";

    /// <summary>The public address a printed QR code points to: <c>Awards:PublicBaseUrl</c> when set (the address
    /// people reach from outside), else the address this request came to.</summary>
    public static string BaseUrl(HttpRequest request, string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The slots a certificate prints in: the print's layout when it was made for the certificate's paper.</summary>
    public static CertificateTemplate Template(CertificateFacts f, Catalogue.CertificateLayout? layout = null) =>
        layout is not null && layout.Paper == f.Paper ? layout.Template()
        : CertificateTemplate.Known(f.Paper) ? CertificateTemplate.For(f.Paper) : CertificateTemplate.BangKhen;
}
