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

/// <summary>A model's self-assessment in a round, for its unit and for those who review it: the round's board, the units
/// above, and an invited expert assigned to the model (ADR 0066). A draft is the unit's working paper: the others see
/// only what was submitted. A reviewer or member conflicted with the model is refused (403), as for its scores.</summary>
public static class SelfAssessmentQueries
{
    public enum Reader { None, Unit, Reviewer, Conflicted }

    /// <summary>Who the caller is to this model's self-assessment. Experts do not see the round as the board does
    /// (<see cref="ReviewAccess.CanSee(Round)"/>): they read it through their assignment.</summary>
    public static async Task<Reader> ReaderAsync(IQuerySession session, Round round, CoveredModel model, ReviewAccess access, CancellationToken ct)
    {
        if (access.CanActFor(model.UnitId)) return Reader.Unit;
        var caller = new Assignment.ReviewRound(round, access);
        if (!access.CanSee(round) && !caller.IsExpert) return Reader.None;
        var review = await session.LoadAsync<Assignment.ModelReview>(Assignment.ReviewIds.ModelReview(round.Id, model.ModelId), ct);
        var assigned = review?.Reviewers.Contains(access.User.Id) == true;
        var above = access.SeesAll || access.FullUnits.Contains(model.UnitId);
        if (!above && !caller.IsBoard && !assigned) return Reader.None;
        return !above && caller.IConflict(review, model) ? Reader.Conflicted : Reader.Reviewer;
    }

    [WolverineGet("/api/review/rounds/{roundId}/self-assessments/{modelId}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSelfAssessment>(StatusCodes.Status200OK)]
    public static async Task<IResult> One(Guid roundId, Guid modelId, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(roundId, ctx.RequestAborted);
        if (round is null) return Problems.NotFound(RoundSteps.NotFound);
        var model = round.Model(modelId);
        var reader = model is null ? Reader.None : await ReaderAsync(session, round, model, access, ctx.RequestAborted);
        if (reader == Reader.None) return Problems.NotFound(access.CanSee(round) ? SelfAssessmentRules.NotCovered : RoundSteps.NotFound);
        if (reader == Reader.Conflicted) return Problems.Forbidden(Scoring.ModelScoresQuery.Conflicted);
        var assessment = await session.LoadAsync<ModelSelfAssessment>(ModelSelfAssessment.StreamFor(roundId, modelId), ctx.RequestAborted);
        var visible = assessment is not null && (reader == Reader.Unit || assessment.Submitted);
        return visible ? Results.Ok(assessment) : Problems.NotFound("Đơn vị chưa nộp bản tự đánh giá.");
    }

    /// <summary>Every self-assessment of a round, keyed by model: the round page's status column.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ModelSelfAssessment>> OfRoundAsync(IQuerySession session, Guid roundId, CancellationToken ct) =>
        (await session.Query<ModelSelfAssessment>().Where(a => a.RoundId == roundId).ToListAsync(ct)).ToDictionary(a => a.ModelId);
}
