using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Emulation.Review.Scoring;

public sealed record CommentOnModel(string? Text);

public sealed record CommentSaved(Guid Id);

/// <summary>A comment in a model's discussion, which opens when its reviewers disagree (spread above the threshold). Its
/// non-conflicted reviewers who have submitted and the board take part; the conflicted never see it.</summary>
public static class CommentOnModelEndpoint
{
    public const int MaxText = 4000;

    [WolverinePost("/api/review/rounds/{id}/models/{modelId}/discussion"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<CommentSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, Guid modelId, CommentOnModel command, IDocumentSession session, ReviewUnits units,
        IOptions<ScoringOptions> options, HttpContext ctx, TimeProvider clock)
    {
        var (view, refusal) = await ModelScoresQuery.ReadAsync(id, modelId, session, units, options.Value, ctx, clock);
        if (refusal is not null) return refusal;
        var text = VietnameseText.Clean(command.Text);
        var errors = new Errors().Required(text, "text", "nội dung trao đổi", MaxText);
        if (!errors.Ok) return Problems.Validation(errors);
        if (view!.OthersHidden) return Problems.Conflict("Hãy gửi phiếu chấm của mình trước khi tham gia trao đổi.");
        if (!view.DiscussionOpen) return Problems.Conflict("Trao đổi chỉ mở khi điểm của những người thẩm định chênh lệch quá ngưỡng.");
        if (view.RoundState == "closed") return Problems.Conflict("Đợt đánh giá đã kết thúc.");
        var user = ctx.CurrentUser();
        var commentId = Guid.NewGuid();
        var stream = await session.Events.FetchForWriting<ModelReview>(ReviewIds.ModelReview(id, modelId), ctx.RequestAborted);
        stream.AppendOne(new DiscussionCommented(id, modelId, commentId, text, user.Id, user.FullName, clock.GetUtcNow()));
        return Results.Ok(new CommentSaved(commentId));
    }
}
