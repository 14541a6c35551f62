using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Reviewers;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Assignment;

/// <param name="ReviewerId">Who is conflicted; empty when reviewers declare their own.</param>
/// <param name="ForSomeoneElse">Sent by the secretary's form, which names the reviewer: an empty reviewer there is a
/// choice not made, not a declaration for oneself (ADR 0067).</param>
public sealed record DeclareConflict(Guid? ModelId, Guid? ReviewerId, string? Reason, bool ForSomeoneElse = false);

/// <summary>A reviewer declares a conflict of interest with a model, or the secretary declares one for a reviewer. It
/// takes the reviewer off the model at once; they no longer see its scores or discussion.</summary>
public static class DeclareConflictEndpoint
{
    public const int MaxReason = 500;

    [WolverinePost("/api/review/rounds/{id}/conflicts"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<AssignmentSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, DeclareConflict command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (AssignmentRules.Refuse(round, secretaryOnly: false) is { } refusal) return refusal;
        var reviewers = await RoundReviewers.LoadAsync(session, round!.Round.BoardId, round.Tree, ct);
        var review = command.ModelId is { } m ? await session.LoadAsync<ModelReview>(ReviewIds.ModelReview(id, m), ct) : null;
        var (result, events) = Decide(round, command, reviewers, review, clock.GetUtcNow());
        await AssignmentRules.AppendAsync(session, events, id, ct);
        return result;
    }

    public static (IResult, IReadOnlyList<(Guid, object)>) Decide(ReviewRound round, DeclareConflict command, IReadOnlyList<RoundReviewer> reviewers,
        ModelReview? review, DateTimeOffset now)
    {
        var reviewer = command.ReviewerId ?? round.User.Id;
        if (reviewer != round.User.Id && !round.IsSecretary)
            return (Problems.Forbidden("Chỉ thư ký của Ban khai báo xung đột lợi ích thay cho người khác."), []);
        var reason = VietnameseText.Clean(command.Reason);
        var unchosen = command.ForSomeoneElse && command.ReviewerId is null;
        var errors = new Errors()
            .Add(command.ModelId is null, "modelId", "Vui lòng chọn mô hình.")
            .Add(command.ModelId is { } model && round.Round.Model(model) is null, "modelId", "Mô hình không thuộc đợt đánh giá này.")
            .Add(unchosen, "reviewerId", "Vui lòng chọn người thẩm định.")
            .Add(!unchosen && reviewers.All(r => r.Id != reviewer), "reviewerId", "Người này không phải thành viên hay chuyên gia thẩm định của Ban phụ trách đợt đánh giá.")
            .Required(reason, "reason", "lý do xung đột lợi ích", MaxReason);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (round.Round.State == Rounds.RoundState.Closed) return (Problems.Conflict("Đợt đánh giá đã kết thúc."), []);
        if (review?.Declared(reviewer) == true) return (Results.Ok(new AssignmentSaved(0, 1)), []);
        return (Results.Ok(new AssignmentSaved(0, 0)),
            [(command.ModelId!.Value, new ConflictDeclared(round.Round.Id, command.ModelId.Value, reviewer, reason!, round.User.Id, now))]);
    }
}
