using Emulation.Awards.Catalogue;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Certificates;

/// <param name="Mode"><c>full</c> (border, heading and text on plain paper) or <c>blank</c> (only the variable text, on a
/// pre-printed blank, moved by the printer's calibration).</param>
/// <param name="Printer">The printer's name as the office calibrated it; unknown names print without an offset.</param>
public sealed record PrintCertificates(string? Mode, string? Printer, int? Copies);

public sealed record PrintQueued(Guid Id, int Certificates, string Url);

/// <summary>A print is recorded before it is rendered: one <see cref="CertificatePrinted"/> per certificate and the
/// <see cref="CertificatePrint"/> the PDF is drawn from (GET <c>/api/awards/prints/{id}/pdf</c>), with the form's layout
/// at this moment. A whole decision prints
/// in annex order, skipping revoked certificates; a single reprint of a revoked certificate is refused.</summary>
public static class PrintCertificatesEndpoint
{
    public const int MaxCopies = 20, MaxPrinter = 100;

    [WolverinePost("/api/awards/decisions/{decisionId}/prints"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<PrintQueued>(StatusCodes.Status201Created)]
    public static async Task<IResult> PrintDecision(Guid decisionId, PrintCertificates command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
    {
        var certificates = await session.Query<Certificate>().Where(c => c.DecisionId == decisionId).ToListAsync(ctx.RequestAborted);
        return await Record(command, certificates.OrderBy(c => c.Facts.AnnexOrder).ToList(), single: false, session, ctx, clock);
    }

    [WolverinePost("/api/awards/certificates/{id}/prints"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<PrintQueued>(StatusCodes.Status201Created)]
    public static async Task<IResult> PrintOne(Guid id, PrintCertificates command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
    {
        var certificate = await session.LoadAsync<Certificate>(id, ctx.RequestAborted);
        return await Record(command, certificate is null ? [] : [certificate], single: true, session, ctx, clock);
    }

    static async Task<IResult> Record(PrintCertificates command, IReadOnlyList<Certificate> certificates, bool single, IDocumentSession session, HttpContext ctx, TimeProvider clock)
    {
        PrinterCalibration? calibration = null;
        if (certificates.Count > 0 && VietnameseText.NfcOrNull(command.Printer) is { Length: <= MaxPrinter } printer)
            calibration = await session.LoadAsync<PrinterCalibration>(PrinterCalibration.IdFor(certificates[0].Facts.IssuerUnitId, printer), ctx.RequestAborted);
        // A decision's certificates share its form: the layout is the form's as the catalogue holds it now (ADR 0048).
        var layout = certificates.Count == 0 ? null : CertificateLayout.Of(
            (await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted))?.Form(certificates[0].Facts.FormCode), certificates[0].Facts.Paper);
        var (result, print, printed) = Decide(command, certificates, single, ctx.CurrentUser(), calibration, Guid.NewGuid(), clock.GetUtcNow(), layout);
        if (print is null) return result;
        session.Store(print);
        foreach (var e in printed) session.Events.Append(e.CertificateId, e);
        return result;
    }

    public static (IResult, CertificatePrint?, IReadOnlyList<CertificatePrinted>) Decide(PrintCertificates command, IReadOnlyList<Certificate> certificates,
        bool single, CurrentUser user, PrinterCalibration? calibration, Guid printId, DateTimeOffset now, CertificateLayout? layout = null)
    {
        if (certificates.Count == 0)
            return (Problems.NotFound(single ? "Không tìm thấy bằng khen, giấy khen này." : "Quyết định chưa được ký hoặc không có bằng khen, giấy khen nào để in."), null, []);
        var unit = certificates[0].Facts.IssuerUnitId;
        if (!CertificateAccess.CanPrint(user, unit))
            return (Problems.Forbidden("Chỉ lãnh đạo ký hoặc thư ký của cơ quan ban hành được in bằng khen, giấy khen của cơ quan mình."), null, []);
        var mode = (command.Mode ?? "full").Trim().ToLowerInvariant();
        var printer = VietnameseText.NfcOrNull(command.Printer);
        var copies = command.Copies ?? 1;
        var errors = new Errors()
            .Add(mode is not ("full" or "blank"), "mode", "Cách in phải là \"full\" (in đầy đủ trên giấy trắng) hoặc \"blank\" (chỉ in phần chữ lên phôi in sẵn).")
            .Optional(printer, "printer", "tên máy in", MaxPrinter)
            .Add(copies is < 1 or > MaxCopies, "copies", $"Số bản in mỗi bằng khen phải từ 1 đến {MaxCopies}.");
        if (!errors.Ok) return (Problems.Validation(errors), null, []);
        if (single && certificates[0].Revoked is { } r)
            return (Problems.Conflict($"Bằng khen này đã bị thu hồi theo Quyết định số {r.DecisionNumber} ngày {Format.Date(r.DecisionDate)}; không được in lại."), null, []);
        var valid = certificates.Where(c => !c.IsRevoked).ToList();
        if (valid.Count == 0) return (Problems.Conflict("Mọi bằng khen, giấy khen của quyết định này đã bị thu hồi; không còn gì để in."), null, []);
        var offset = mode == "blank" && calibration is not null ? (calibration.OffsetXMm, calibration.OffsetYMm) : (0, 0);
        var print = new CertificatePrint(printId, unit, valid.Select(c => c.Id).ToList(), mode, copies, printer, offset.Item1, offset.Item2, user.Id, now, layout);
        var printed = valid.Select(c => new CertificatePrinted(c.Id, printId, mode, copies, printer, user.Id, now)).ToList();
        var url = $"/api/awards/prints/{printId}/pdf";
        return (Results.Created(url, new PrintQueued(printId, valid.Count, url)), print, printed);
    }
}
