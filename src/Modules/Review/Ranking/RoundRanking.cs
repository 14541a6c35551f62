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
/// <param name="Pending">The caller scores this model and has not submitted yet: the others' scores stay hidden from them
/// until they do (scores are independent), and the model is left out of their ranking.</param>
/// <param name="GatesMet">Whether the model met the rubric's gate criteria by its submitted scorecards (ADR 0064); null with
/// none, or when its scores are hidden from the caller.</param>
public sealed record RankingRow(int? Rank, bool Tied, Guid ModelId, string Name, string? Code, string UnitName, string FieldCode, string LevelCode,
    int Assigned, ScoreAggregate? Scores, bool Hidden, bool Pending, bool? GatesMet);

public sealed record RankingGroup(string LevelCode, string FieldCode, int Models);

/// <param name="Total">How many models the chosen level and field hold; <see cref="Rows"/> is page <see cref="Page"/> of
/// them, <see cref="Size"/> a page.</param>
public sealed record RoundRankingView(Guid RoundId, string RoundName, string State, decimal Threshold, IReadOnlyList<RankingGroup> Groups,
    string? Level, string? Field, int Total, int Page, int Size, IReadOnlyList<RankingRow> Rows);

/// <summary>The round's ranking per field and level by the mean of submitted totals, gate failures below the rest, ties as
/// ties; the board reads it.
/// Reads the round (kept in memory by version) and the ranking's read model, a compact row per model (ADR 0045): never
/// the scorecards or the models' reviews.</summary>
public static class RoundRankingQuery
{
    public const int DefaultSize = 200;
    public const int MaxSize = 10_000;

    /// <param name="page">From 1.</param>
    /// <param name="size">Rows a page, 200 unless given, at most 10.000 (a province's whole round, for exports).</param>
    [WolverineGet("/api/review/rounds/{id}/ranking"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundRankingView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, string? level, string? field, int? page, int? size, IQuerySession session, ReviewUnits units,
        IOptions<ScoringOptions> options, HttpContext ctx)
    {
        var errors = new Errors();
        errors.Add(page < 1, "page", "Trang (page) phải từ 1 trở lên.");
        errors.Add(size is < 1 or > MaxSize, "size", $"Số dòng một trang (size) phải từ 1 đến {Format.Number(MaxSize)}.");
        if (!errors.Ok) return Problems.Validation(errors);
        var timing = new ServerTiming();
        var round = await ReviewRound.LoadAsync(id, session, units, ctx);
        if (round is null || !(round.IsBoard || round.Access.SeesAll)) return ReviewRound.Missing();
        timing.Mark("round");
        var view = await ReadAsync(round, level, field, page ?? 1, size ?? DefaultSize, session, options.Value, ctx.RequestAborted, timing);
        ctx.Response.Headers["Server-Timing"] = timing.Header;
        return Results.Ok(view);
    }

    public static async Task<RoundRankingView> ReadAsync(ReviewRound round, string? level, string? field, int page, int size, IQuerySession session,
        ScoringOptions options, CancellationToken ct, ServerTiming? timing = null)
    {
        var id = round.Round.Id;
        var me = round.User.Id;
        var entries = await RankingEntryProjection.ReadAsync(session, id, me, level, field, ct);
        timing?.Mark("entries");
        var conflicts = new Conflicts<ReviewUnit>(round.Tree, [new ReviewerTies(me, round.MyTies)], []);
        var models = round.Round.Models;
        var groups = models.GroupBy(m => (m.LevelCode, m.FieldCode)).OrderBy(g => g.Key.LevelCode).ThenBy(g => g.Key.FieldCode)
            .Select(g => new RankingGroup(g.Key.LevelCode, g.Key.FieldCode, g.Count())).ToList();
        var chosen = models.Where(m => (level is null || m.LevelCode == level) && (field is null || m.FieldCode == field)).ToDictionary(m => m.ModelId);
        // Automatic conflicts follow the unit: a round has thousands of models but at most a few hundred units.
        var conflictedUnits = chosen.Values.Select(m => m.UnitId).Distinct().Where(u => conflicts.Automatic(me, u)).ToHashSet();
        var hidden = chosen.Values.Where(m => conflictedUnits.Contains(m.UnitId) || entries.GetValueOrDefault(m.ModelId)?.Declared == true)
            .Select(m => m.ModelId).ToHashSet();
        var pending = chosen.Keys.Where(m => !hidden.Contains(m) && entries.GetValueOrDefault(m)?.Pending == true).ToHashSet();
        var aggregates = chosen.Keys.ToDictionary(m => m, m => hidden.Contains(m) || pending.Contains(m) ? null
            : ScoreAggregate.Of(entries.GetValueOrDefault(m)?.Totals ?? [], options.DisagreementThreshold));
        bool? Gates(Guid m) => aggregates[m] is null ? null : entries.GetValueOrDefault(m)?.GatesMet;
        var ranked = Rankings.Of(chosen.Values.Select(m => new RankInput(m.ModelId, m.FieldCode, m.LevelCode, aggregates[m.ModelId]?.Mean, Gates(m.ModelId) ?? true)));
        var rows = ranked.Skip((page - 1) * size).Take(size).Select(r =>
        {
            var m = chosen[r.ModelId];
            return new RankingRow(r.Rank, r.Tied, m.ModelId, m.Name, m.Code, round.Tree.Name(m.UnitId), m.FieldCode, m.LevelCode,
                entries.GetValueOrDefault(m.ModelId)?.Assigned ?? 0, aggregates[m.ModelId], hidden.Contains(m.ModelId), pending.Contains(m.ModelId), Gates(m.ModelId));
        }).ToList();
        timing?.Mark("rank");
        return new RoundRankingView(id, round.Round.Name, RoundRules.Code(round.Round.State), options.DisagreementThreshold, groups, level, field,
            ranked.Count, page, size, rows);
    }
}
