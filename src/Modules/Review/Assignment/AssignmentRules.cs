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
