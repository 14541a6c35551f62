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

public sealed record ReviewerLoad(Guid Id, string FullName, bool Expert, IReadOnlyList<string> Fields, int Load);

public sealed record AssignedModel(Guid ModelId, string Name, string? Code, string UnitName, string FieldCode, string LevelCode,
    IReadOnlyList<Guid> Reviewers, IReadOnlyList<DeclaredConflict> Conflicts, IReadOnlyList<Guid> AutomaticConflicts);

public sealed record RoundAssignments(Guid RoundId, string Name, string State, bool CanAssign, IReadOnlyList<ReviewerLoad> Reviewers, IReadOnlyList<AssignedModel> Models);

/// <summary>The assignment board of a round: the board sees who reviews what, with loads and conflicts; experts and
/// members who are not on the board's secretariat read it too (it holds no scores).</summary>
public static class AssignmentQueries
{
    [WolverineGet("/api/review/rounds/{id}/assignments"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundAssignments>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (round is null || !(round.IsBoard || round.Access.SeesAll)) return ReviewRound.Missing();
        return Results.Ok(await ReadAsync(round, session, ctx.RequestAborted));
    }

    public static async Task<RoundAssignments> ReadAsync(ReviewRound round, IQuerySession session, CancellationToken ct)
    {
        var reviewers = await RoundReviewers.LoadAsync(session, round.Round.BoardId, round.Tree, ct);
        var reviews = (await ReviewRound.ReviewsAsync(session, round.Round.Id, ct)).ToDictionary(r => r.ModelId);
        var conflicts = AssignmentRules.ConflictsOf(round.Tree, reviewers, []);
        var loads = reviews.Values.SelectMany(r => r.Reviewers).CountBy(r => r).ToDictionary(p => p.Key, p => p.Value);
        var models = round.Round.Models.Select(m =>
        {
            var review = reviews.GetValueOrDefault(m.ModelId);
            return new AssignedModel(m.ModelId, m.Name, m.Code, round.Tree.Name(m.UnitId), m.FieldCode, m.LevelCode, review?.Reviewers ?? [],
                review?.Conflicts ?? [], reviewers.Where(r => conflicts.Automatic(r.Id, m.UnitId)).Select(r => r.Id).ToList());
        }).ToList();
        return new RoundAssignments(round.Round.Id, round.Round.Name, Rounds.RoundRules.Code(round.Round.State),
            round.IsSecretary && round.AssignmentStateRefusal is null,
            reviewers.Select(r => new ReviewerLoad(r.Id, r.FullName, r.Expert, r.Fields.Order().ToList(), loads.GetValueOrDefault(r.Id))).ToList(), models);
    }
}
