using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Emulation.Review.Scoring;

public sealed record OtherScore(Guid ReviewerId, string ReviewerName, IReadOnlyDictionary<string, decimal> Scores, decimal Total, bool GatesMet,
    string? ToUnit, string? ToBoard, DateTimeOffset? SubmittedAt);

/// <summary>One model of a round as the caller may see it. <see cref="Others"/>, <see cref="Aggregate"/> and
/// <see cref="Discussion"/> are empty (and <see cref="OthersHidden"/> true) for a reviewer who has not submitted
/// their own scores yet: scores are independent.</summary>
public sealed record ModelScoresView(Guid RoundId, string RoundName, string RoundState, DateOnly ScoringDue, CoveredModel Model, string UnitName,
    IReadOnlyList<Criterion> Criteria, bool IsReviewer, bool CanScore, Scorecard? Mine, bool OthersHidden, IReadOnlyList<OtherScore> Others,
    ScoreAggregate? Aggregate, bool DiscussionOpen, IReadOnlyList<DiscussionComment> Discussion, bool ReadsToBoard = false,
    SelfAssessment.ModelSelfAssessment? SelfAssessment = null);

public static class ModelScoresQuery
{
    public const string Conflicted = "Bạn có xung đột lợi ích với mô hình này: không xem được điểm và trao đổi về mô hình.";

    [WolverineGet("/api/review/rounds/{id}/models/{modelId}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelScoresView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, Guid modelId, IQuerySession session, ReviewUnits units, IOptions<ScoringOptions> options, HttpContext ctx, TimeProvider clock)
    {
        var (view, refusal) = await ReadAsync(id, modelId, session, units, options.Value, ctx, clock);
        return refusal ?? Results.Ok(view);
    }

    public static async Task<(ModelScoresView?, IResult?)> ReadAsync(Guid id, Guid modelId, IQuerySession session, ReviewUnits units, ScoringOptions options,
        HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (round is null) return (null, ReviewRound.Missing());
        var model = round.Round.Model(modelId);
        if (model is null) return (null, Problems.NotFound(ReviewRound.ModelNotFound));
        var review = await session.LoadAsync<ModelReview>(ReviewIds.ModelReview(id, modelId), ct);
        var isReviewer = review?.Reviewers.Contains(round.User.Id) == true;
        if (!isReviewer && !round.IsBoard && !round.Access.SeesAll) return (null, Problems.NotFound(ReviewRound.ModelNotFound));
        if (round.IConflict(review, model)) return (null, Problems.Forbidden(Conflicted));

        var cards = await session.Query<Scorecard>().Where(s => s.RoundId == id && s.ModelId == modelId).ToListAsync(ct);
        // The unit's submitted self-assessment is what the reviewer scores against (ADR 0066); a draft stays the unit's.
        var self = await session.LoadAsync<SelfAssessment.ModelSelfAssessment>(SelfAssessment.ModelSelfAssessment.StreamFor(id, modelId), ct);
        var mine = cards.FirstOrDefault(c => c.ReviewerId == round.User.Id);
        var hidden = isReviewer && mine?.Submitted != true;
        var counted = cards.Where(c => c.Submitted && review?.Reviewers.Contains(c.ReviewerId) == true).ToList();
        var names = (await session.LoadManyAsync<ReviewPerson>(ct, counted.Select(c => c.ReviewerId).ToArray())).ToDictionary(p => p.Id, p => p.FullName);
        // Confidential comments are the board's: an invited expert (or an administrator) reads the scores, not them (ADR 0065).
        var readsToBoard = round.IsBoard;
        var others = hidden ? [] : counted.Where(c => c.ReviewerId != round.User.Id)
            .Select(c => new OtherScore(c.ReviewerId, names.GetValueOrDefault(c.ReviewerId) ?? "", c.Scores, c.Total, c.GatesMet, c.ToUnit,
                readsToBoard ? c.ToBoard : null, c.SubmittedAt)).ToList();
        var aggregate = hidden ? null : ScoreAggregate.Of(counted.Select(c => c.Total).ToList(), options.DisagreementThreshold);
        var open = !hidden && (aggregate?.Disagreement == true || review?.Discussion.Count > 0);
        return (new ModelScoresView(id, round.Round.Name, RoundRules.Code(round.Round.State), round.Round.Dates.ScoringDue, model, round.Tree.Name(model.UnitId),
            round.Round.Criteria, isReviewer, isReviewer && SaveScorecardEndpoint.Closed(round.Round, clock.GetUtcNow()) is null, mine, hidden, others,
            aggregate, open, hidden ? [] : review?.Discussion ?? [], readsToBoard, self?.Submitted == true ? self : null), null);
    }
}
