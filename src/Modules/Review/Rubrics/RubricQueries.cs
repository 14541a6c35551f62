using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Rubrics;

public sealed record RubricListItem(Guid Id, string Name, Guid? BoardId, int LatestNo, int Versions, long Version);

/// <summary>Rubrics are read by everyone signed in: they are the standard models are scored against.</summary>
public static class RubricQueries
{
    [WolverineGet("/api/review/rubrics"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<RubricListItem>>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(IQuerySession session, HttpContext ctx) =>
        Results.Ok((await ListAsync(session, ctx.RequestAborted)).Select(r => new RubricListItem(r.Id, r.Name, r.BoardId, r.Latest.No, r.Versions.Count, r.Version)));

    [WolverineGet("/api/review/rubrics/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<Rubric>(StatusCodes.Status200OK)]
    public static async Task<IResult> One(Guid id, IQuerySession session, HttpContext ctx) =>
        await session.LoadAsync<Rubric>(id, ctx.RequestAborted) is { } rubric ? Results.Ok(rubric) : Problems.NotFound(RubricSteps.NotFound);

    [WolverineGet("/api/review/rubrics/preset"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<Criterion>>(StatusCodes.Status200OK)]
    public static IResult Preset() => Results.Ok(RubricPresets.Provincial);

    public static async Task<IReadOnlyList<Rubric>> ListAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Rubric>().OrderBy(r => r.Name).Take(500).ToListAsync(ct)).ToList();
}
