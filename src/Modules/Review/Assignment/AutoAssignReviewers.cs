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

/// <param name="PerModel">How many reviewers each model should end with (those already there count).</param>
public sealed record AutoAssignReviewers(int? PerModel);

public sealed record AutoAssigned(int Assigned, int Models, int MinLoad, int MaxLoad);

/// <summary>The secretary fills every model of the round up to k reviewers (<see cref="AutoAssign"/>).</summary>
public static class AutoAssignReviewersEndpoint
{
    public const int MaxPerModel = 15;

    [WolverinePost("/api/review/rounds/{id}/assignments/auto"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<AutoAssigned>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, AutoAssignReviewers command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock) =>
        AssignmentRules.RunAsync(id, session, units, ctx, (round, reviewers, reviews) => Decide(round, command, reviewers, reviews, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<(Guid, object)>) Decide(ReviewRound round, AutoAssignReviewers command, IReadOnlyList<RoundReviewer> reviewers,
        IReadOnlyList<ModelReview> reviews, DateTimeOffset now)
    {
        if (command.PerModel is not (>= 1 and <= MaxPerModel))
            return (Problems.Validation("perModel", $"Số người thẩm định mỗi mô hình phải từ 1 đến {MaxPerModel}."), []);
        if (round.AssignmentStateRefusal is { } state) return (Problems.Conflict(state), []);
        var reviewOf = reviews.ToDictionary(r => r.ModelId);
        var conflicts = AssignmentRules.ConflictsOf(round.Tree, reviewers, reviews);
        var loads = reviews.SelectMany(r => r.Reviewers).CountBy(r => r).ToDictionary(p => p.Key, p => p.Value);
        var slots = round.Round.Models.Select(m => new AssignSlot(m.ModelId, m.FieldCode, reviewOf.GetValueOrDefault(m.ModelId)?.Reviewers ?? [])).ToList();
        var pool = reviewers.Select(r => new AssignReviewer(r.Id, r.Fields, loads.GetValueOrDefault(r.Id))).ToList();
        var unitOf = round.Round.Models.ToDictionary(m => m.ModelId, m => m.UnitId);
        var plan = AutoAssign.Plan(slots, pool, command.PerModel.Value, (r, m) => conflicts.Between(r, m, unitOf[m]));
        if (plan.Refusal is { } reason) return (Problems.Conflict(NameModels(reason, round)), []);

        var events = plan.Pairs.GroupBy(p => p.ModelId)
            .Select(g => (g.Key, (object)new ReviewersAssigned(round.Round.Id, g.Key, g.Select(p => p.ReviewerId).ToList(), AssignedHow.Automatic, round.User.Id, now)))
            .ToList();
        foreach (var p in plan.Pairs) loads[p.ReviewerId] = loads.GetValueOrDefault(p.ReviewerId) + 1;
        var final = pool.Select(r => loads.GetValueOrDefault(r.Id)).DefaultIfEmpty(0).ToList();
        return (Results.Ok(new AutoAssigned(plan.Pairs.Count, events.Count, final.Min(), final.Max())), events);
    }

    /// <summary>The pure planner names models by id; people read their names.</summary>
    static string NameModels(string reason, ReviewRound round) =>
        round.Round.Models.Aggregate(reason, (text, m) => text.Contains(m.ModelId.ToString()) ? text.Replace(m.ModelId.ToString(), $"“{m.Name}”") : text);
}
