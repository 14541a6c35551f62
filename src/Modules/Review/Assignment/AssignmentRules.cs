using Emulation.Kernel.Web;
using Emulation.Review.Reviewers;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.Assignment;

/// <summary>What every assignment step shares: the conflicts of a round's reviewers, the refusal text, and the append
/// to each model's own stream (fetched for writing, so a concurrent change to the same model fails the commit instead of
/// being overwritten).</summary>
public static class AssignmentRules
{
    public const int MaxPerRequest = 10_000;

    public static Conflicts<ReviewUnit> ConflictsOf(ReviewUnitTree tree, IEnumerable<RoundReviewer> reviewers, IEnumerable<ModelReview> reviews) =>
        new(tree, reviewers.Select(RoundReviewers.TiesOf), reviews.SelectMany(r => r.Conflicts.Select(c => (c.ReviewerId, r.ModelId))));

    public static string ConflictRefusal(string reviewer, CoveredModel model, DeclaredConflict? declared) => declared is not null
        ? $"Không phân công được: {reviewer} đã khai báo xung đột lợi ích với mô hình “{model.Name}” ({declared.Reason})."
        : $"Không phân công được: {reviewer} có xung đột lợi ích với mô hình “{model.Name}” (giữ vai trò ở đơn vị của mô hình, " +
          "đơn vị cấp trên trực tiếp hoặc đơn vị trực thuộc).";

    /// <summary>Appends to models' reviews already read (<paramref name="known"/>: every review of the round) without reading
    /// them again: the version read is the one expected at commit, and a model without a review starts its stream. One
    /// round trip for a whole automatic assignment instead of one per model.</summary>
    public static void Append(IDocumentSession session, IEnumerable<(Guid ModelId, object Event)> events, Guid roundId, IReadOnlyList<ModelReview> known)
    {
        var versions = known.ToDictionary(r => r.ModelId, r => r.Version);
        foreach (var group in events.GroupBy(e => e.ModelId))
        {
            var id = ReviewIds.ModelReview(roundId, group.Key);
            var appended = group.Select(e => e.Event).ToArray();
            if (versions.TryGetValue(group.Key, out var version)) session.Events.Append(id, version + appended.Length, appended);
            else session.Events.StartStream<ModelReview>(id, appended);
        }
    }

    /// <summary>Runs an assignment step over the round's reviewers and every review of the round, read once. The answer's
    /// <c>Server-Timing</c> says what the reads, the decision and the commit took (an automatic assignment of a whole
    /// round writes thousands of streams).</summary>
    public static async Task<IResult> RunAsync(Guid roundId, IDocumentSession session, ReviewUnits units, HttpContext ctx,
        Func<ReviewRound, IReadOnlyList<RoundReviewer>, IReadOnlyList<ModelReview>, (IResult Result, IReadOnlyList<(Guid, object)> Events)> decide)
    {
        var ct = ctx.RequestAborted;
        var timing = new ServerTiming();
        var round = await ReviewRound.LoadAsync(roundId, session, units, ctx);
        if (Refuse(round, secretaryOnly: true) is { } refusal) return refusal;
        var reviewers = await RoundReviewers.LoadAsync(session, round!.Round.BoardId, round.Tree, ct);
        var reviews = await ReviewRound.ReviewsAsync(session, roundId, ct);
        timing.Mark("read");
        var (result, events) = decide(round, reviewers, reviews);
        timing.Mark("decide");
        if (events.Count > 0)
        {
            Append(session, events, roundId, reviews);
            // Committed here rather than by Wolverine's middleware after the method, so the answer can say what it took.
            await session.SaveChangesAsync(ct);
            timing.Mark("commit");
        }
        ctx.Response.Headers["Server-Timing"] = timing.Header;
        return result;
    }

    public static async Task AppendAsync(IDocumentSession session, IEnumerable<(Guid ModelId, object Event)> events, Guid roundId, CancellationToken ct)
    {
        foreach (var group in events.GroupBy(e => e.ModelId))
        {
            var stream = await session.Events.FetchForWriting<ModelReview>(ReviewIds.ModelReview(roundId, group.Key), ct);
            stream.AppendMany(group.Select(e => e.Event).ToArray());
        }
    }

    public static IResult? Refuse(ReviewRound? round, bool secretaryOnly)
    {
        if (round is null) return ReviewRound.Missing();
        if (secretaryOnly && !round.IsSecretary) return Problems.Forbidden(ReviewRound.SecretaryOnly);
        return null;
    }
}
