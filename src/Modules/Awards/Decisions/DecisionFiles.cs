using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Decisions;

/// <summary>The decision with its annex as PDF (to print and sign) and as Word (to edit in the office's own template);
/// a draft prints too, so the approver reads what they will sign.</summary>
public static class DecisionFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [WolverineGet("/api/awards/decisions/{id}/pdf"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf")]
    public static Task<IResult> Pdf(Guid id, IQuerySession session, AwardsUnits units, HttpContext ctx) =>
        File(id, session, units, ctx, d => Results.File(DecisionDocument.Pdf(d), "application/pdf", DecisionDocument.FileName(d, "pdf")));

    [WolverineGet("/api/awards/decisions/{id}/docx"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Docx)]
    public static Task<IResult> Word(Guid id, IQuerySession session, AwardsUnits units, HttpContext ctx) =>
        File(id, session, units, ctx, d => Results.File(DecisionDocument.Docx(d), Docx, DecisionDocument.FileName(d, "docx")));

    static async Task<IResult> File(Guid id, IQuerySession session, AwardsUnits units, HttpContext ctx, Func<AwardDecision, IResult> render)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        var d = await session.LoadAsync<AwardDecision>(id, ctx.RequestAborted);
        return d is null || !access.CanSee(d) ? Problems.NotFound(DecisionQueries.NotFound) : render(d);
    }
}
