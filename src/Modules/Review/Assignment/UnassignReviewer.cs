using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Assignment;

public sealed record UnassignReviewer(Guid? ModelId, Guid? ReviewerId);

/// <summary>The secretary takes a reviewer off a model; a scorecard already started stays in the history but no longer counts.</summary>
public static class UnassignReviewerEndpoint
{
    [WolverinePost("/api/review/rounds/{id}/assignments/remove"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<AssignmentSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, UnassignReviewer command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (AssignmentRules.Refuse(round, secretaryOnly: true) is { } refusal) return refusal;
        var review = command.ModelId is { } m ? await session.LoadAsync<ModelReview>(ReviewIds.ModelReview(id, m), ctx.RequestAborted) : null;
        var (result, events) = Decide(round!, command, review, clock.GetUtcNow());
        await AssignmentRules.AppendAsync(session, events, id, ctx.RequestAborted);
        return result;
    }

    public static (IResult, IReadOnlyList<(Guid, object)>) Decide(ReviewRound round, UnassignReviewer command, ModelReview? review, DateTimeOffset now)
    {
        var errors = new Errors()
            .Add(command.ModelId is null, "modelId", "Vui lòng chọn mô hình.")
            .Add(command.ModelId is { } model && round.Round.Model(model) is null, "modelId", "Mô hình không thuộc đợt đánh giá này.")
            .Add(command.ReviewerId is null, "reviewerId", "Vui lòng chọn người thẩm định.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (round.AssignmentStateRefusal is { } state) return (Problems.Conflict(state), []);
        if (review?.Reviewers.Contains(command.ReviewerId!.Value) != true)
            return (Problems.Validation("reviewerId", "Người này không được phân công thẩm định mô hình này."), []);
        return (Results.Ok(new AssignmentSaved(0, 0)),
            [(command.ModelId!.Value, new ReviewerUnassigned(round.Round.Id, command.ModelId.Value, command.ReviewerId!.Value, round.User.Id, now))]);
    }
}
