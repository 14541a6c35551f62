using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Scoring;

/// <param name="Scores">Points per criterion code; a criterion left out (or null) is not scored yet. Text in the
/// Vietnamese way ("7,5") is read as a number.</param>
/// <param name="Submit">False keeps a draft only the reviewer sees; true submits (or revises what was submitted).</param>
/// <param name="Version">The scorecard's version as last read; left out for the first save.</param>
public sealed record SaveScorecard(IReadOnlyDictionary<string, decimal?>? Scores, string? ToUnit, string? ToBoard, bool Submit, long? Version);

public sealed record ScorecardSaved(Guid Id, long Version, decimal Total, bool GatesMet, bool Submitted);

/// <summary>A reviewer scores an assigned model: a draft, then a submission, revised as often as needed until the scoring
/// deadline or until the round leaves scoring. Each scorecard is its own stream: other reviewers of the same model
/// never wait on it or conflict with it.</summary>
public static class SaveScorecardEndpoint
{
    public const int MaxComment = 4000;

    [WolverinePost("/api/review/rounds/{id}/models/{modelId}/scorecard"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ScorecardSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, Guid modelId, SaveScorecard command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var timing = new ServerTiming();
        // One round trip for everything the decision reads; the round itself comes from memory while its version holds.
        var cardId = ReviewIds.Scorecard(id, modelId, ctx.CurrentUser().Id);
        var batch = session.CreateBatchQuery();
        var roundState = batch.Events.FetchStreamState(id);
        var reviewRead = batch.Load<ModelReview>(ReviewIds.ModelReview(id, modelId));
        // Fetched for writing: the append expects the version read here, and the inline snapshot starts from this
        // scorecard instead of loading it again at commit.
        var cardRead = batch.Events.FetchForWriting<Scorecard>(cardId);
        await batch.Execute(ct);
        timing.Mark("read");
        var round = await ReviewRound.LoadAsync(id, (await roundState)?.Version, session, units, ctx);
        timing.Mark("round");
        if (round is null) return ReviewRound.Missing();
        var stream = await cardRead;
        var card = stream.Aggregate;
        var (result, e) = Decide(round, modelId, await reviewRead, card, command, clock.GetUtcNow());
        // The scorecard's version was read with it: a submission that commits after another one of the same card fails
        // on the stream's version (409), as a stale version from the client does.
        timing.Mark("decide");
        if (e is not null)
        {
            stream.AppendOne(e);
            // Committed here rather than by Wolverine's middleware after the method, so the answer can say what the commit took.
            await session.SaveChangesAsync(ct);
            timing.Mark("commit");
        }
        ctx.Response.Headers["Server-Timing"] = timing.Header;
        return result;
    }

    public static (IResult, object?) Decide(ReviewRound round, Guid modelId, ModelReview? review, Scorecard? card, SaveScorecard command, DateTimeOffset now)
    {
        var model = round.Round.Model(modelId);
        if (model is null) return (Problems.NotFound(ReviewRound.ModelNotFound), null);
        if (review?.Reviewers.Contains(round.User.Id) != true || round.IConflict(review, model))
            return (Problems.Forbidden("Bạn không được phân công chấm điểm mô hình này."), null);

        var criteria = round.Round.Criteria;
        var scores = new Dictionary<string, decimal>();
        var errors = new Errors();
        foreach (var (code, points) in command.Scores ?? new Dictionary<string, decimal?>())
        {
            var criterion = criteria.FirstOrDefault(c => c.Code == code);
            if (criterion is null) { errors.Add(true, $"scores.{code}", "Tiêu chí này không có trong bộ tiêu chí của đợt đánh giá."); continue; }
            if (points is not { } p) continue;
            if (p < 0 || p > criterion.MaxPoints)
                errors.Add(true, $"scores.{code}", $"Điểm “{criterion.Name}” phải từ 0 đến {VietnameseNumber.Text(criterion.MaxPoints)}.");
            else if (decimal.Round(p, 2) != p)
                errors.Add(true, $"scores.{code}", $"Điểm “{criterion.Name}” lấy tối đa hai chữ số thập phân.");
            else scores[code] = p;
        }
        if (command.Submit)
            foreach (var c in criteria.Where(c => !(command.Scores ?? new Dictionary<string, decimal?>()).TryGetValue(c.Code, out var v) || v is null))
                errors.Add(true, $"scores.{c.Code}", $"Vui lòng chấm tiêu chí “{c.Name}” trước khi gửi.");
        var toUnit = Clean(command.ToUnit);
        var toBoard = Clean(command.ToBoard);
        errors.Optional(toUnit, "toUnit", "nhận xét gửi đơn vị", MaxComment).Optional(toBoard, "toBoard", "nhận xét riêng cho Ban", MaxComment);
        if (card is not null && command.Version is null) errors.Add(true, "version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.");
        if (!errors.Ok) return (Problems.Validation(errors), null);

        if (Closed(round.Round, now) is { } closed) return (Problems.Conflict(closed), null);
        if (card is not null && card.Version != command.Version) return (Problems.Conflict(Problems.StaleVersion), null);
        if (card is { Submitted: true } && !command.Submit)
            return (Problems.Conflict("Phiếu chấm đã gửi: hãy sửa điểm và gửi lại, không lưu nháp được nữa."), null);

        var result = RubricScore.Total(criteria, scores);
        var r = round.Round;
        object e = command.Submit
            ? new ScoresSubmitted(r.Id, modelId, round.User.Id, scores, toUnit, toBoard, result.Total, result.GatesMet, round.User.Id, now)
            : new ScoresDrafted(r.Id, modelId, round.User.Id, scores, toUnit, toBoard, result.Total, result.GatesMet, round.User.Id, now);
        return (Results.Ok(new ScorecardSaved(ReviewIds.Scorecard(r.Id, modelId, round.User.Id), (card?.Version ?? 0) + 1, result.Total, result.GatesMet, command.Submit)), e);
    }

    /// <summary>Why scores can no longer change: the round is not in scoring, or its scoring deadline (a day in Vietnam) has passed.</summary>
    public static string? Closed(Round round, DateTimeOffset now) =>
        round.State != RoundState.Scoring
            ? $"Đợt đánh giá đang ở bước “{RoundRules.Name(round.State)}”: chỉ chấm hoặc sửa điểm trong bước chấm điểm."
            : now.VietnamDate() > round.Dates.ScoringDue
                ? $"Đã quá hạn chấm điểm ({round.Dates.ScoringDue:dd/MM/yyyy}): không chấm hoặc sửa điểm được nữa."
                : null;

    static string? Clean(string? text) => VietnameseText.Clean(text) is { Length: > 0 } t ? t : null;
}
