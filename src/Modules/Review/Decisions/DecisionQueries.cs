using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Following;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Decisions;

public sealed record QuotaView(string Level, string Label, int? Quota, int Proposed);

public sealed record DecisionRow(Guid ModelId, string Name, string? Code, Guid UnitId, string UnitName, string FieldCode, string LevelCode,
    bool Reporting, bool TargetReached, string? Outcome, string? OutcomeLabel, string? Level, Vote? Vote, string? Note, int Revision,
    IReadOnlyList<string> Comments);

/// <param name="Meeting">The meeting's particulars, for the board and administrators only.</param>
/// <remarks>Each row's <c>Comments</c> are the reviewers' comments to the unit, without their names, given to the unit
/// with its published result (ADR 0065); the board reads them, signed, on each model's scores.</remarks>
public sealed record DecisionsView(Guid RoundId, string RoundName, string State, string Rule, string RuleLabel, int Members,
    IReadOnlyList<QuotaView> Quotas, IReadOnlyList<DecisionRow> Models, long Version, bool CanDecide, Meeting? Meeting);

public sealed record FunnelGroup(string Key, string Label, IReadOnlyList<FunnelStage> Stages);

/// <param name="Stages">Stages no part of Review reports yet are left out rather than shown as zero.</param>
public sealed record FunnelView(Guid RoundId, string RoundName, IReadOnlyList<FunnelStage> Stages, IReadOnlyList<FunnelGroup> ByLevel,
    IReadOnlyList<FunnelGroup> ByField, IReadOnlyList<string> Missing);

/// <summary>The decisions and the funnel of a round: the board (members, secretaries) and administrators see them while
/// the round runs; a unit sees its own models' results once the round is closed (results published).</summary>
public static class DecisionQueries
{
    [WolverineGet("/api/review/rounds/{id}/decisions"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionsView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Decisions(Guid id, IQuerySession session, ReviewUnits units, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (round is null || !access.CanSee(round)) return Problems.NotFound(RoundSteps.NotFound);
        return Results.Ok(await ViewAsync(session, round, access, ctx.RequestAborted));
    }

    public static bool SeesAll(Round round, ReviewAccess access) => access.SeesAll || access.ReadsBoard(round.BoardId);

    public static async Task<DecisionsView> ViewAsync(IQuerySession session, Round round, ReviewAccess access, CancellationToken ct)
    {
        var decisions = await session.LoadAsync<RoundDecisions>(RoundDecisions.StreamFor(round.Id), ct) ?? RoundDecisions.Empty(round.Id);
        var all = SeesAll(round, access);
        var models = round.Models.Where(m => all || round.State == RoundState.Closed && (access.CanActFor(m.UnitId) || access.FullUnits.Contains(m.UnitId))).ToList();
        var followed = await FollowedRecords.ForAsync(session, models.Select(m => m.ModelId).ToList(), ct);
        var comments = !all && round.State == RoundState.Closed ? await CommentsToUnitAsync(session, round.Id, models.Select(m => m.ModelId).ToArray(), ct)
            : new Dictionary<Guid, IReadOnlyList<string>>();
        var rows = models.Select(m =>
        {
            var d = decisions.For(m.ModelId);
            var f = followed.GetValueOrDefault(m.ModelId);
            return new DecisionRow(m.ModelId, m.Name, m.Code, m.UnitId, access.Tree.Name(m.UnitId), m.FieldCode, m.LevelCode,
                f?.Reporting ?? false, f?.TargetReached ?? false, d is null ? null : OutcomeLabels.Code(d.Outcome),
                d is null ? null : OutcomeLabels.Label(d.Outcome, d.Level), d?.Level, d?.Vote, all ? d?.Note : null, d?.Revision ?? 0,
                comments.GetValueOrDefault(m.ModelId) ?? []);
        }).ToList();
        var quotas = CommendationLevels.All.Select(l => new QuotaView(l, CommendationLevels.Label(l),
            decisions.Quotas.TryGetValue(l, out var q) ? q : null,
            decisions.Decisions.Count(d => d.Outcome == Outcome.Proposed && d.Level == l))).ToList();
        return new DecisionsView(round.Id, round.Name, RoundRules.Code(round.State), DecisionRules.RuleCode(decisions.Rule),
            DecisionRules.RuleLabel(decisions.Rule), decisions.Members, quotas, rows, decisions.Version,
            access.CanRun(round) && round.State == RoundState.Deliberation, all ? decisions.Meeting : null);
    }

    /// <summary>The submitted comments to the unit of the models' assigned reviewers, oldest first, unsigned.</summary>
    static async Task<Dictionary<Guid, IReadOnlyList<string>>> CommentsToUnitAsync(IQuerySession session, Guid roundId, Guid[] models, CancellationToken ct)
    {
        if (models.Length == 0) return [];
        var cards = await session.Query<Scoring.Scorecard>()
            .Where(s => s.RoundId == roundId && s.Submitted && s.ToUnit != null && s.ModelId.IsOneOf(models)).ToListAsync(ct);
        if (cards.Count == 0) return [];
        var reviews = (await session.LoadManyAsync<Assignment.ModelReview>(ct,
            cards.Select(c => c.ModelId).Distinct().Select(m => Assignment.ReviewIds.ModelReview(roundId, m)).ToArray())).ToDictionary(r => r.ModelId);
        return cards.Where(c => reviews.TryGetValue(c.ModelId, out var r) && r.Reviewers.Contains(c.ReviewerId))
            .GroupBy(c => c.ModelId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(c => c.SubmittedAt).Select(c => c.ToUnit!).ToList());
    }

    [WolverineGet("/api/review/rounds/{id}/funnel"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<FunnelView>(StatusCodes.Status200OK)]
    public static async Task<IResult> FunnelOf(Guid id, IQuerySession session, ReviewUnits units, IEnumerable<IRoundProgress> progress, HttpContext ctx)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (round is null || !access.CanSee(round)) return Problems.NotFound(RoundSteps.NotFound);
        if (!SeesAll(round, access)) return Problems.Forbidden("Chỉ Ban phụ trách đợt đánh giá xem được phễu kết quả của cả đợt.");
        return Results.Ok(await FunnelAsync(session, round, access.Tree.CoveredBy(round.BoardId), progress.ToList(), ctx.RequestAborted));
    }

    /// <param name="units">The units the round's board covers: a model they sent to it in the round's campaign, period
    /// and levels is registered, whether or not it was accepted and so covered by the round.</param>
    public static async Task<FunnelView> FunnelAsync(IQuerySession session, Round round, IReadOnlySet<Guid> units, IReadOnlyList<IRoundProgress> progress,
        CancellationToken ct)
    {
        var decisions = await session.LoadAsync<RoundDecisions>(RoundDecisions.StreamFor(round.Id), ct) ?? RoundDecisions.Empty(round.Id);
        var followed = await FollowedRecords.ForAsync(session, round.Models.Select(m => m.ModelId).ToList(), ct);
        var reached = new Dictionary<string, IReadOnlySet<Guid>>();
        foreach (var p in progress) reached[p.Stage] = await p.ModelsAsync(session, round.Id, ct);
        var entries = round.Models.Select(m => new FunnelEntry(m.ModelId, m.LevelCode, m.FieldCode,
            followed.GetValueOrDefault(m.ModelId)?.Reporting ?? false,
            reached.GetValueOrDefault("self-assessed")?.Contains(m.ModelId) ?? false,
            reached.GetValueOrDefault("scored")?.Contains(m.ModelId) ?? false,
            decisions.For(m.ModelId)?.Outcome)).ToList();
        var covered = round.Models.Select(m => m.ModelId).ToHashSet();
        var (campaign, period, roundLevels) = (round.CampaignId, round.PeriodId, round.Levels.ToArray());
        var sent = await session.Query<ReviewedModel>()
            .Where(m => m.CampaignId == campaign && m.PeriodId == period && roundLevels.Contains(m.LevelCode) && m.Status != ModelStatusCodes.Draft)
            .Select(m => new RegisteredModel(m.Id, m.UnitId, m.LevelCode, m.FieldCode)).ToListAsync(ct);
        entries.AddRange(sent.Where(m => units.Contains(m.UnitId) && !covered.Contains(m.Id))
            .Select(m => new FunnelEntry(m.Id, m.Level, m.Field, false, false, false, null)));
        var missing = new[] { "self-assessed", "scored" }.Where(s => !reached.ContainsKey(s)).ToList();
        IReadOnlyList<FunnelStage> Shown(IReadOnlyList<FunnelStage> stages) => stages.Where(s => !missing.Contains(s.Key)).ToList();
        var levels = StandardLevels.All.Select(l => l.Code).ToList();
        return new FunnelView(round.Id, round.Name, Shown(Funnel.Of(entries)),
            Funnel.By(entries, e => e.Level, levels).Select(g => new FunnelGroup(g.Key, StandardLevels.Name(g.Key), Shown(g.Stages))).ToList(),
            Funnel.By(entries, e => e.Field).Select(g => new FunnelGroup(g.Key, StandardFields.Name(g.Key), Shown(g.Stages))).ToList(),
            missing.Select(s => Funnel.Stages.First(x => x.Key == s).Label).ToList());
    }
}

public sealed record RegisteredModel(Guid Id, Guid UnitId, string Level, string Field);
