using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Models;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Rounds;

public sealed record RoundListItem(Guid Id, string Name, string Kind, string State, string StateName, Guid BoardId, string BoardName,
    string CampaignName, RoundDates Dates, int Models, long Version);

public sealed record CampaignChoice(Guid Id, string Name, IReadOnlyList<Guid> PeriodIds);

/// <summary>Rounds as the caller may see them: the board's members all of its rounds, a unit the rounds covering its models.</summary>
public static class RoundQueries
{
    [WolverineGet("/api/review/rounds"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<RoundListItem>>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        return Results.Ok((await VisibleAsync(session, access, ctx.RequestAborted)).Select(r => Item(r, access)).ToList());
    }

    [WolverineGet("/api/review/rounds/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<Round>(StatusCodes.Status200OK)]
    public static async Task<IResult> One(Guid id, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        return round is not null && access.CanSee(round) ? Results.Ok(round) : Problems.NotFound(RoundSteps.NotFound);
    }

    [WolverineGet("/api/review/campaigns"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<CampaignChoice>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Campaigns(IQuerySession session, HttpContext ctx) =>
        Results.Ok((await session.Query<ReviewCampaign>().OrderBy(c => c.Name).Take(500).ToListAsync(ctx.RequestAborted))
            .Select(c => new CampaignChoice(c.Id, c.Name, c.PeriodIds)).ToList());

    public static async Task<IReadOnlyList<Round>> VisibleAsync(IQuerySession session, ReviewAccess access, CancellationToken ct)
    {
        // Rounds are few (a board opens a handful a year): the unit's visibility is decided over the covered models in memory.
        var rounds = await session.Query<Round>().OrderByDescending(r => r.CreatedAt).Take(1000).ToListAsync(ct);
        return rounds.Where(access.CanSee).ToList();
    }

    public static RoundListItem Item(Round r, ReviewAccess access) =>
        new(r.Id, r.Name, RoundRules.KindName(r.Kind), RoundRules.Code(r.State), RoundRules.Name(r.State), r.BoardId, access.Tree.Name(r.BoardId),
            r.CampaignName, r.Dates, r.Models.Count, r.Version);
}
