using Emulation.Awards.Catalogue;
using Emulation.Documents.Certificates;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Certificates;

/// <param name="UnitId">The office the printer belongs to; by default the person's only issuing unit.</param>
/// <param name="OffsetXMm">How far right (negative: left) the printer puts the page, in millimetres, as measured.</param>
/// <param name="OffsetYMm">How far down (negative: up).</param>
public sealed record CalibratePrinter(string? Printer, decimal? OffsetXMm, decimal? OffsetYMm, Guid? UnitId = null);

public sealed record PrinterSaved(string Id, string Printer, decimal OffsetXMm, decimal OffsetYMm);

/// <summary>The office stores each printer's offset once; every later print on a blank with that printer uses it.</summary>
public static class CalibratePrinterEndpoint
{
    public const decimal MaxOffset = 30;

    [WolverinePost("/api/awards/printers"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<PrinterSaved>(StatusCodes.Status200OK)]
    public static IResult Post(CalibratePrinter command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
    {
        var (result, calibration) = Decide(command, ctx.CurrentUser(), clock.GetUtcNow());
        if (calibration is not null) session.Store(calibration);
        return result;
    }

    public static (IResult, PrinterCalibration?) Decide(CalibratePrinter command, CurrentUser user, DateTimeOffset now)
    {
        var offices = user.UnitsFor(Roles.Approver, Roles.BoardSecretary).ToList();
        if (offices.Count == 0) return (Problems.Forbidden("Chỉ lãnh đạo ký hoặc thư ký của cơ quan ban hành được hiệu chỉnh máy in."), null);
        var unit = command.UnitId ?? (offices.Count == 1 ? offices[0] : null);
        if (unit is null) return (Problems.Validation("unitId", "Vui lòng chọn cơ quan sở hữu máy in."), null);
        if (!offices.Contains(unit.Value)) return (Problems.Forbidden("Bạn chỉ hiệu chỉnh máy in của cơ quan mình."), null);
        var printer = VietnameseText.Clean(command.Printer);
        var errors = new Errors()
            .Required(printer, "printer", "tên máy in", PrintCertificatesEndpoint.MaxPrinter)
            .Add(printer.Length > 0 && VietnameseText.Fold(printer).Length == 0, "printer", "Tên máy in cần có chữ hoặc số.")
            .Add(command.OffsetXMm is null, "offsetXMm", "Vui lòng nhập độ lệch ngang (mm), 0 nếu không lệch.")
            .Add(command.OffsetYMm is null, "offsetYMm", "Vui lòng nhập độ lệch dọc (mm), 0 nếu không lệch.")
            .Add(command.OffsetXMm is { } x && Math.Abs(x) > MaxOffset, "offsetXMm", $"Độ lệch ngang phải trong khoảng -{MaxOffset} đến {MaxOffset} mm.")
            .Add(command.OffsetYMm is { } y && Math.Abs(y) > MaxOffset, "offsetYMm", $"Độ lệch dọc phải trong khoảng -{MaxOffset} đến {MaxOffset} mm.");
        if (!errors.Ok) return (Problems.Validation(errors), null);
        var id = PrinterCalibration.IdFor(unit.Value, printer);
        var saved = new PrinterCalibration(id, unit.Value, printer, (double)command.OffsetXMm!.Value, (double)command.OffsetYMm!.Value, user.Id, now);
        return (Results.Ok(new PrinterSaved(id, printer, command.OffsetXMm.Value, command.OffsetYMm.Value)), saved);
    }
}

/// <summary>The calibration sheet for a form of commendation (its own layout, ADR 0048) or for a paper (the design), drawn
/// with the printer's current offset (none for a new printer).</summary>
public static class CalibrationSheetEndpoint
{
    /// <param name="form">The form's code in the catalogue; when given, its paper and layout are used and
    /// <paramref name="paper"/> is ignored.</param>
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf")]
    [WolverineGet("/api/awards/printers/calibration-sheet"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(string? printer, string? paper, string? form, Guid? unitId, IQuerySession session, HttpContext ctx)
    {
        var user = ctx.CurrentUser();
        var offices = user.UnitsFor(Roles.Approver, Roles.BoardSecretary).ToList();
        if (offices.Count == 0) return Problems.Forbidden("Chỉ lãnh đạo ký hoặc thư ký của cơ quan ban hành được in tờ hiệu chỉnh.");
        var unit = unitId ?? offices[0];
        if (!offices.Contains(unit)) return Problems.Forbidden("Bạn chỉ hiệu chỉnh máy in của cơ quan mình.");
        var name = VietnameseText.Clean(printer);
        var size = string.IsNullOrWhiteSpace(paper) ? CertificateTemplate.A3Landscape : paper.Trim();
        var chosen = string.IsNullOrWhiteSpace(form) ? null
            : (await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted))?.Form(form.Trim());
        var errors = new Errors()
            .Optional(name, "printer", "tên máy in", PrintCertificatesEndpoint.MaxPrinter)
            .Add(!string.IsNullOrWhiteSpace(form) && chosen is null, "form", "Không có hình thức khen thưởng này trong danh mục.")
            .Add(chosen is null && !CertificateTemplate.Known(size), "paper", $"Khổ giấy phải là {CertificateTemplate.A3Landscape} hoặc {CertificateTemplate.A4Landscape}.");
        if (!errors.Ok) return Problems.Validation(errors);
        var saved = name.Length == 0 ? null : await session.LoadAsync<PrinterCalibration>(PrinterCalibration.IdFor(unit, name), ctx.RequestAborted);
        var offset = saved is null ? PrinterOffset.None : new PrinterOffset(saved.OffsetXMm, saved.OffsetYMm);
        var template = chosen is null ? CertificateTemplate.For(size) : CertificateLayout.Of(chosen, chosen.Paper).Template();
        var pdf = CalibrationSheet.Pdf(template, name.Length == 0 ? "(chưa đặt tên)" : name, offset, chosen?.Name);
        return Results.File(pdf, "application/pdf", "to-hieu-chinh-may-in.pdf");
    }
}
