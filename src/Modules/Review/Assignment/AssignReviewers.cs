using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Reviewers;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Assignment;

/// <summary>One model and one reviewer (manual) or many of each (bulk: every selected reviewer on every selected model).</summary>
public sealed record AssignReviewers(IReadOnlyList<Guid>? ModelIds, IReadOnlyList<Guid>? ReviewerIds);

public sealed record AssignmentSaved(int Assigned, int AlreadyThere);

/// <summary>The secretary puts reviewers on models. Nothing is stored if any pair is conflicted (409, naming it).</summary>
public static class AssignReviewersEndpoint
{
    [WolverinePost("/api/review/rounds/{id}/assignments"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<AssignmentSaved>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, AssignReviewers command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock) =>
        AssignmentRules.RunAsync(id, session, units, ctx, (round, reviewers, reviews) => Decide(round, command, reviewers, reviews, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<(Guid, object)>) Decide(ReviewRound round, AssignReviewers command, IReadOnlyList<RoundReviewer> reviewers,
        IReadOnlyList<ModelReview> reviews, DateTimeOffset now)
    {
        var modelIds = (command.ModelIds ?? []).Distinct().ToList();
        var reviewerIds = (command.ReviewerIds ?? []).Distinct().ToList();
        var errors = new Errors()
            .Add(modelIds.Count == 0, "modelIds", "Vui lòng chọn ít nhất một mô hình.")
            .Add(reviewerIds.Count == 0, "reviewerIds", "Vui lòng chọn ít nhất một người thẩm định.")
            .Add((long)modelIds.Count * reviewerIds.Count > AssignmentRules.MaxPerRequest, "modelIds", $"Mỗi lần phân công tối đa {Format.Number(AssignmentRules.MaxPerRequest)} cặp mô hình – người thẩm định.");
        var models = modelIds.Select(m => (Id: m, Model: round.Round.Model(m))).ToList();
        if (models.Where(m => m.Model is null).Select(m => (Guid?)m.Id).FirstOrDefault() is { } unknown)
            errors.Add(true, "modelIds", $"Mô hình {unknown} không thuộc đợt đánh giá này.");
        var byId = reviewers.ToDictionary(r => r.Id);
        if (reviewerIds.FirstOrDefault(r => !byId.ContainsKey(r)) is var stranger && stranger != Guid.Empty)
            errors.Add(true, "reviewerIds", "Người được chọn không phải thành viên hay chuyên gia thẩm định của Ban phụ trách đợt đánh giá.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (round.AssignmentStateRefusal is { } state) return (Problems.Conflict(state), []);

        var reviewOf = reviews.ToDictionary(r => r.ModelId);
        var conflicts = AssignmentRules.ConflictsOf(round.Tree, reviewers, reviews);
        foreach (var (modelId, model) in models)
            foreach (var r in reviewerIds)
                if (conflicts.Between(r, modelId, model!.UnitId))
                    return (Problems.Conflict(AssignmentRules.ConflictRefusal(byId[r].FullName, model,
                        reviewOf.GetValueOrDefault(modelId)?.Conflicts.FirstOrDefault(c => c.ReviewerId == r))), []);

        var how = modelIds.Count == 1 && reviewerIds.Count == 1 ? AssignedHow.Manual : AssignedHow.Bulk;
        var events = new List<(Guid, object)>();
        var already = 0;
        foreach (var modelId in modelIds)
        {
            var present = reviewOf.GetValueOrDefault(modelId)?.Reviewers ?? [];
            var added = reviewerIds.Where(r => !present.Contains(r)).ToList();
            already += reviewerIds.Count - added.Count;
            if (added.Count > 0) events.Add((modelId, new ReviewersAssigned(round.Round.Id, modelId, added, how, round.User.Id, now)));
        }
        return (Results.Ok(new AssignmentSaved(events.Sum(e => ((ReviewersAssigned)e.Item2).ReviewerIds.Count), already)), events);
    }
}
