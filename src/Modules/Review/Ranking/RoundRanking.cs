using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Emulation.Review.Ranking;

/// <param name="Hidden">The caller is conflicted with this model: its scores are not shown to them.</param>
public sealed record RankingRow(int? Rank, bool Tied, Guid ModelId, string Name, string? Code, string UnitName, string FieldCode, string LevelCode,
    int Assigned, ScoreAggregate? Scores, bool Hidden);

public sealed record RankingGroup(string LevelCode, string FieldCode, int Models);

public sealed record RoundRankingView(Guid RoundId, string RoundName, string State, decimal Threshold, IReadOnlyList<RankingGroup> Groups,
    string? Level, string? Field, IReadOnlyList<RankingRow> Rows);

/// <summary>The round's ranking per field and level by the mean of submitted totals, ties as ties; the board reads it.
/// Reads only the few columns it needs (each scorecard's model, reviewer, total), never whole documents.</summary>
public static class RoundRankingQuery
{
    sealed record Card(Guid ModelId, Guid ReviewerId, decimal Total);
    sealed record Assignment(Guid ModelId, IReadOnlyList<Guid> Reviewers, IReadOnlyList<DeclaredConflict> Conflicts);

    [WolverineGet("/api/review/rounds/{id}/ranking"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundRankingView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, string? level, string? field, IQuerySession session, ReviewUnits units,
        IOptions<ScoringOptions> options, HttpContext ctx)
    {
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (round is null || !(round.IsBoard || round.Access.SeesAll)) return ReviewRound.Missing();
        return Results.Ok(await ReadAsync(round, level, field, session, options.Value, ctx.RequestAborted));
    }

    public static async Task<RoundRankingView> ReadAsync(ReviewRound round, string? level, string? field, IQuerySession session, ScoringOptions options,
        CancellationToken ct)
    {
        var id = round.Round.Id;
        var assignments = (await session.Query<ModelReview>().Where(r => r.RoundId == id)
            .Select(r => new Assignment(r.ModelId, r.Reviewers, r.Conflicts)).ToListAsync(ct)).ToDictionary(a => a.ModelId);
        var cards = await session.Query<Scorecard>().Where(s => s.RoundId == id && s.Submitted)
            .Select(s => new Card(s.ModelId, s.ReviewerId, s.Total)).ToListAsync(ct);
        var totals = cards.Where(c => assignments.TryGetValue(c.ModelId, out var a) && a.Reviewers.Contains(c.ReviewerId))
            .GroupBy(c => c.ModelId).ToDictionary(g => g.Key, g => g.Select(c => c.Total).ToList());

        var me = round.User.Id;
        var conflicts = new Conflicts<ReviewUnit>(round.Tree, [new ReviewerTies(me, round.MyTies)], []);
        var models = round.Round.Models;
        var groups = models.GroupBy(m => (m.LevelCode, m.FieldCode)).OrderBy(g => g.Key.LevelCode).ThenBy(g => g.Key.FieldCode)
            .Select(g => new RankingGroup(g.Key.LevelCode, g.Key.FieldCode, g.Count())).ToList();
        var chosen = models.Where(m => (level is null || m.LevelCode == level) && (field is null || m.FieldCode == field)).ToList();
        var hidden = chosen.Where(m => conflicts.Automatic(me, m.UnitId) || assignments.GetValueOrDefault(m.ModelId)?.Conflicts.Any(c => c.ReviewerId == me) == true)
            .Select(m => m.ModelId).ToHashSet();
        var aggregates = chosen.ToDictionary(m => m.ModelId, m => hidden.Contains(m.ModelId) ? null
            : ScoreAggregate.Of(totals.GetValueOrDefault(m.ModelId) ?? [], options.DisagreementThreshold));
        var byId = chosen.ToDictionary(m => m.ModelId);
        var rows = Rankings.Of(chosen.Select(m => new RankInput(m.ModelId, m.FieldCode, m.LevelCode, aggregates[m.ModelId]?.Mean)))
            .Select(r =>
            {
                var m = byId[r.ModelId];
                return new RankingRow(r.Rank, r.Tied, m.ModelId, m.Name, m.Code, round.Tree.Name(m.UnitId), m.FieldCode, m.LevelCode,
                    assignments.GetValueOrDefault(m.ModelId)?.Reviewers.Count ?? 0, aggregates[m.ModelId], hidden.Contains(m.ModelId));
            }).ToList();
        return new RoundRankingView(id, round.Round.Name, RoundRules.Code(round.Round.State), options.DisagreementThreshold, groups, level, field, rows);
    }
}
