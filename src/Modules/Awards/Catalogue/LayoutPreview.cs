using Emulation.Documents.Certificates;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Catalogue;

/// <summary>What a form's layout prints, before any decision uses it: a sample certificate (in full or on a blank) or the
/// calibration sheet with a crosshair on every slot. Nothing is recorded; no printer's offset is applied.</summary>
public static class LayoutPreviewEndpoint
{
    /// <param name="kind"><c>certificate</c> (default) or <c>calibration</c>.</param>
    /// <param name="mode"><c>full</c> (default) or <c>blank</c>, for a certificate.</param>
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf")]
    [WolverineGet("/api/awards/catalogue/forms/{code}/layout/preview"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(string code, string? kind, string? mode, IQuerySession session, HttpContext ctx)
    {
        var user = ctx.CurrentUser();
        if (!user.IsAdmin && !user.Has(Roles.BoardSecretary) && !user.Has(Roles.Approver))
            return Problems.Forbidden("Chỉ quản trị, thư ký hội đồng và lãnh đạo phê duyệt được xem mẫu in.");
        var catalogue = await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted) ?? AwardCatalogue.Empty;
        if (catalogue.Form(code) is not { } form) return Problems.NotFound("Không có hình thức khen thưởng này trong danh mục.");
        var what = (kind ?? "certificate").Trim().ToLowerInvariant();
        var how = (mode ?? "full").Trim().ToLowerInvariant();
        var errors = new Errors()
            .Add(what is not ("certificate" or "calibration"), "kind", "Mẫu xem trước là \"certificate\" (bằng mẫu) hoặc \"calibration\" (tờ hiệu chỉnh).")
            .Add(how is not ("full" or "blank"), "mode", "Cách in là \"full\" (đầy đủ) hoặc \"blank\" (chỉ phần chữ, in lên phôi).");
        if (!errors.Ok) return Problems.Validation(errors);
        var template = CertificateLayout.Of(form, form.Paper).Template();
        var pdf = what == "calibration"
            ? CalibrationSheet.Pdf(template, "(xem trước, chưa cộng độ lệch máy in)", PrinterOffset.None, form.Name)
            : CertificateSheet.Pdf([(Sample(form, ctx.Request), template)], how == "blank" ? CertificatePrintMode.Blank : CertificatePrintMode.Full);
        return Results.File(pdf, "application/pdf", what == "calibration" ? $"to-hieu-chinh-{form.Code}.pdf" : $"bang-mau-{form.Code}.pdf");
    }

    static CertificateText Sample(CommendationForm form, HttpRequest request) => new(
        form.PrintedName, form.IssuerTitle, "Nguyễn Thị Minh Khai", "Chủ tịch Hội Liên hiệp Phụ nữ", "Phường 1, thành phố Cà Mau",
        "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" (bằng mẫu để kiểm tra vị trí in)",
        $"Quyết định số 1/{form.Symbol} ngày 15/11/2026", "Số vào sổ vàng: 1/2026", $"{form.Place}, ngày 15 tháng 11 năm 2026",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Họ và tên người ký",
        $"{request.Scheme}://{request.Host}{request.PathBase}/xac-minh/00000000-0000-0000-0000-000000000000");
}
