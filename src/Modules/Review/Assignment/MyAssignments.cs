using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Assignment;

public sealed record MyAssignment(Guid RoundId, string RoundName, string RoundState, DateOnly ScoringDue, Guid ModelId, string Name, string? Code,
    string FieldCode, string LevelCode, CardState Card, decimal? Total);

/// <summary>The models the caller is assigned to score, in every round, with where their scorecard stands.</summary>
public static class MyAssignmentsQuery
{
    [WolverineGet("/api/review/assignments/mine"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<MyAssignment>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, HttpContext ctx) =>
        Results.Ok(await ReadAsync(session, ctx.CurrentUser().Id, ctx.RequestAborted));

    public static async Task<IReadOnlyList<MyAssignment>> ReadAsync(IQuerySession session, Guid me, CancellationToken ct)
    {
        var reviews = await session.Query<ModelReview>().Where(r => r.Reviewers.Contains(me)).ToListAsync(ct);
        var rounds = (await session.LoadManyAsync<Round>(ct, reviews.Select(r => r.RoundId).Distinct().ToArray())).ToDictionary(r => r.Id);
        var cards = (await session.Query<Scorecard>().Where(s => s.ReviewerId == me).ToListAsync(ct)).ToDictionary(c => (c.RoundId, c.ModelId));
        return reviews
            .Where(r => rounds.ContainsKey(r.RoundId))
            .Select(r => (Round: rounds[r.RoundId], Review: r, Model: rounds[r.RoundId].Model(r.ModelId)))
            .Where(x => x.Model is not null)
            .Select(x =>
            {
                var card = cards.GetValueOrDefault((x.Round.Id, x.Review.ModelId));
                return new MyAssignment(x.Round.Id, x.Round.Name, RoundRules.Code(x.Round.State), x.Round.Dates.ScoringDue, x.Model!.ModelId, x.Model.Name,
                    x.Model.Code, x.Model.FieldCode, x.Model.LevelCode, card is null ? CardState.None : card.Submitted ? CardState.Submitted : CardState.Draft,
                    card?.Total);
            })
            .OrderByDescending(a => a.ScoringDue).ThenBy(a => a.Card).ThenBy(a => a.Code).ThenBy(a => a.Name).ToList();
    }
}
