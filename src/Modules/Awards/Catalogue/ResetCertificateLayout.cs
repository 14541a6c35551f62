using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Catalogue;

/// <param name="Version">The catalogue's version as last read.</param>
public sealed record ResetCertificateLayout(long Version);

/// <summary>Puts a form's certificate slots back where the design of its paper has them.</summary>
public static class ResetCertificateLayoutEndpoint
{
    [WolverinePost("/api/awards/catalogue/forms/{code}/layout/reset"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<LayoutSaved>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string code, ResetCertificateLayout command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
        => CatalogueChange.AsAdminAsync(session, ctx, SetCertificateLayoutEndpoint.AdminsOnly,
            (catalogue, by) => Decide(catalogue, code, command, by, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(AwardCatalogue catalogue, string code, ResetCertificateLayout c, Guid by, DateTimeOffset now)
    {
        if (catalogue.Form(code) is not { } form) return (Problems.NotFound("Không có hình thức khen thưởng này trong danh mục."), []);
        if (c.Version != catalogue.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var design = CertificateLayout.Design(form.Paper);
        // Already the design: nothing to record, and the version the page holds stays good.
        if (form.Layout is null) return (Results.Ok(new LayoutSaved(form.Code, catalogue.Version, design)), []);
        return (Results.Ok(new LayoutSaved(form.Code, catalogue.Version + 1, design)), [new CertificateLayoutReset(form.Code, by, now)]);
    }
}
