using Emulation.Kernel.Security;
using Emulation.Review.Assignment;
using Emulation.Review.Reviewers;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Scoring;

public enum CardState { None, Draft, Submitted }

public sealed record ProgressCell(Guid ReviewerId, CardState State);

public sealed record ProgressRow(Guid ModelId, string Name, string? Code, IReadOnlyList<ProgressCell> Cells);

public sealed record ProgressReviewer(Guid Id, string FullName, int Assigned, int Submitted);

public sealed record ScoringProgressView(Guid RoundId, string RoundName, DateOnly ScoringDue, IReadOnlyList<ProgressReviewer> Reviewers,
    IReadOnlyList<ProgressRow> Models, int Assigned, int Submitted);

/// <summary>Who has scored what: the secretary's grid of models and their reviewers, with no scores in it.</summary>
public static class ScoringProgressQuery
{
    sealed record Card(Guid ModelId, Guid ReviewerId, bool Submitted);

    [WolverineGet("/api/review/rounds/{id}/progress"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ScoringProgressView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (round is null || !(round.IsBoard || round.Access.SeesAll)) return ReviewRound.Missing();
        return Results.Ok(await ReadAsync(round, session, ctx.RequestAborted));
    }

    public static async Task<ScoringProgressView> ReadAsync(ReviewRound round, IQuerySession session, CancellationToken ct)
    {
        var id = round.Round.Id;
        var reviewers = await RoundReviewers.LoadAsync(session, round.Round.BoardId, round.Tree, ct);
        var reviews = (await ReviewRound.ReviewsAsync(session, id, ct)).ToDictionary(r => r.ModelId);
        var cards = (await session.Query<Scorecard>().Where(s => s.RoundId == id).Select(s => new Card(s.ModelId, s.ReviewerId, s.Submitted)).ToListAsync(ct))
            .ToDictionary(c => (c.ModelId, c.ReviewerId), c => c.Submitted ? CardState.Submitted : CardState.Draft);
        var rows = round.Round.Models.Select(m => new ProgressRow(m.ModelId, m.Name, m.Code,
            (reviews.GetValueOrDefault(m.ModelId)?.Reviewers ?? []).Select(r => new ProgressCell(r, cards.GetValueOrDefault((m.ModelId, r)))).ToList())).ToList();
        var cells = rows.SelectMany(r => r.Cells).ToList();
        var people = reviewers.Select(r => new ProgressReviewer(r.Id, r.FullName, cells.Count(c => c.ReviewerId == r.Id),
            cells.Count(c => c.ReviewerId == r.Id && c.State == CardState.Submitted))).ToList();
        return new ScoringProgressView(id, round.Round.Name, round.Round.Dates.ScoringDue, people, rows, cells.Count, cells.Count(c => c.State == CardState.Submitted));
    }
}
