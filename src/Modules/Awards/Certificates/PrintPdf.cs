using Emulation.Documents.Certificates;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Wolverine.Http;

namespace Emulation.Awards.Certificates;

/// <summary>The PDF of a recorded print: reading it again changes nothing and prints the same pages.</summary>
public static class PrintPdfEndpoint
{
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf")]
    [WolverineGet("/api/awards/prints/{id}/pdf"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext ctx, IConfiguration configuration)
    {
        var print = await session.LoadAsync<CertificatePrint>(id, ctx.RequestAborted);
        if (print is null) return Problems.NotFound("Không tìm thấy lần in này.");
        if (!CertificateAccess.CanPrint(ctx.CurrentUser(), print.UnitId)) return Problems.Forbidden();
        var loaded = (await session.LoadManyAsync<Certificate>(ctx.RequestAborted, print.CertificateIds)).ToDictionary(c => c.Id);
        var baseUrl = CertificateLines.BaseUrl(ctx.Request, configuration["Awards:PublicBaseUrl"]);
        var pages = print.CertificateIds.Where(loaded.ContainsKey).Select(i => loaded[i])
            .SelectMany(c => Enumerable.Repeat((CertificateLines.Of(c.Facts, baseUrl), CertificateLines.Template(c.Facts, print.Layout)), print.Copies));
        var mode = print.Mode == "blank" ? CertificatePrintMode.Blank : CertificatePrintMode.Full;
        var pdf = await Task.Run(() => CertificateSheet.Pdf(pages, mode, new PrinterOffset(print.OffsetXMm, print.OffsetYMm)), ctx.RequestAborted);
        var name = print.CertificateIds.Count == 1 && loaded.TryGetValue(print.CertificateIds[0], out var one)
            ? $"bang-khen-{one.Facts.GoldBookNumber}-{one.Facts.GoldBookYear}.pdf" : $"bang-khen-{print.At:yyyyMMdd-HHmm}.pdf";
        return Results.File(pdf, "application/pdf", name);
    }
}
