using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.SelfAssessment;

/// <summary>A model's self-assessment in a round, for its unit and for the round's board. A draft is the unit's working
/// paper: the board sees only what was submitted.</summary>
public static class SelfAssessmentQueries
{
    [WolverineGet("/api/review/rounds/{roundId}/self-assessments/{modelId}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSelfAssessment>(StatusCodes.Status200OK)]
    public static async Task<IResult> One(Guid roundId, Guid modelId, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(roundId, ctx.RequestAborted);
        if (round is null || !access.CanSee(round)) return Problems.NotFound(RoundSteps.NotFound);
        if (round.Model(modelId) is not { } model) return Problems.NotFound(SelfAssessmentRules.NotCovered);
        var assessment = await session.LoadAsync<ModelSelfAssessment>(ModelSelfAssessment.StreamFor(roundId, modelId), ctx.RequestAborted);
        var unitSide = access.CanActFor(model.UnitId);
        var boardSide = access.SeesAll || access.IsOnBoard(round.BoardId) || access.FullUnits.Contains(model.UnitId);
        if (!unitSide && !boardSide) return Problems.NotFound(SelfAssessmentRules.NotCovered);
        var visible = assessment is not null && (unitSide || assessment.Submitted);
        return visible ? Results.Ok(assessment) : Problems.NotFound("Đơn vị chưa nộp bản tự đánh giá.");
    }

    /// <summary>Every self-assessment of a round, keyed by model: the round page's status column.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ModelSelfAssessment>> OfRoundAsync(IQuerySession session, Guid roundId, CancellationToken ct) =>
        (await session.Query<ModelSelfAssessment>().Where(a => a.RoundId == roundId).ToListAsync(ct)).ToDictionary(a => a.ModelId);
}
