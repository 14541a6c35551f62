using Emulation.Awards.Catalogue;
using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Decisions;

public sealed record ProposalListRow(Guid RoundId, string Name, string KindLabel, string BoardName, bool Published, DateTimeOffset? PublishedAt,
    int Proposed, int Commended, bool CanDraft);

public sealed record DecisionRow(Guid Id, Guid RoundId, string Number, DateOnly Date, string FormName, string State, int Recipients,
    string? Corrects, IReadOnlyList<Correction> CorrectedBy);

public sealed record ProposalView(ProposalListRow List, IReadOnlyList<ProposedRecipient> Proposals, IReadOnlyDictionary<Guid, Commendation> Commended,
    IReadOnlyList<CommendationForm> Forms, IReadOnlyList<DecisionRow> Decisions);

public sealed record DecisionView(AwardDecision Decision, string State, bool CanEdit, bool CanSign, bool CanCorrect, string BoardName, string IssuerUnitName);

/// <summary>What the secretary and the approver read: the published proposal lists their boards or units cover, each
/// list's recipients with who is already commended, the forms that may decide them, and the decisions.</summary>
public static class DecisionQueries
{
    public const string NotFound = "Không tìm thấy quyết định khen thưởng này.";

    [WolverineGet("/api/awards/proposals"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<ProposalListRow>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Lists(IQuerySession session, AwardsUnits units, HttpContext ctx)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        return Results.Ok(await ListsAsync(session, access, ctx.RequestAborted));
    }

    public static async Task<IReadOnlyList<ProposalListRow>> ListsAsync(IQuerySession session, AwardsAccess access, CancellationToken ct)
    {
        var lists = (await session.Query<ProposalList>().Where(l => l.Published).ToListAsync(ct)).Where(access.CanSee).ToList();
        var ids = lists.Select(l => l.Id).ToArray();
        var decisions = ids.Length == 0 ? [] : await session.Query<AwardDecision>().Where(d => d.RoundId.IsOneOf(ids)).ToListAsync(ct);
        var byRound = decisions.ToLookup(d => d.RoundId);
        return lists.OrderByDescending(l => l.PublishedAt).Select(l => Row(l, byRound[l.Id].ToList(), access)).ToList();
    }

    static ProposalListRow Row(ProposalList l, IReadOnlyList<AwardDecision> decisions, AwardsAccess access) =>
        new(l.Id, l.Name, l.KindLabel, access.Tree.Name(l.BoardId), l.Published, l.PublishedAt, l.Proposals.Count,
            DecisionRules.Commended(decisions).Count, access.CanDraft(l) && l.Published);

    [WolverineGet("/api/awards/proposals/{roundId}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ProposalView>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(Guid roundId, IQuerySession session, AwardsUnits units, HttpContext ctx)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        var view = await ProposalAsync(session, access, roundId, ctx.RequestAborted);
        return view is null ? Problems.NotFound("Không tìm thấy danh sách đề nghị khen thưởng này.") : Results.Ok(view);
    }

    public static async Task<ProposalView?> ProposalAsync(IQuerySession session, AwardsAccess access, Guid roundId, CancellationToken ct)
    {
        var list = await session.LoadAsync<ProposalList>(roundId, ct);
        if (list is null || !list.Published || !access.CanSee(list)) return null;
        var decisions = await session.Query<AwardDecision>().Where(d => d.RoundId == roundId).ToListAsync(ct);
        var catalogue = await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ct) ?? AwardCatalogue.Empty;
        var forms = catalogue.Forms.Where(f => f.Active && !f.ProposedUpward && access.Covers(f, list.BoardId) && list.Proposals.Any(p => p.Level == f.Level)).ToList();
        return new ProposalView(Row(list, decisions, access), list.Proposals, DecisionRules.Commended(decisions), forms,
            decisions.OrderBy(d => d.DraftedAt).Select(DecisionRowOf).ToList());
    }

    public static DecisionRow DecisionRowOf(AwardDecision d) => new(d.Id, d.RoundId, d.Content.NumberAndSymbol, d.Content.Date,
        d.Corrects is { } c ? $"{CorrectionKinds.Label(c.Kind)} Quyết định số {c.Number}" : d.Form.Name, StateLabel(d), d.Content.Annex.Count,
        d.Corrects?.Number, d.CorrectedBy);

    public static string StateLabel(AwardDecision d) => d.State == DecisionState.Signed ? "Đã ký" : "Dự thảo";

    [WolverineGet("/api/awards/decisions"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<DecisionRow>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Decisions(IQuerySession session, AwardsUnits units, HttpContext ctx)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        return Results.Ok(await DecisionsAsync(session, access, ctx.RequestAborted));
    }

    public static async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(IQuerySession session, AwardsAccess access, CancellationToken ct) =>
        (await session.Query<AwardDecision>().ToListAsync(ct)).Where(access.CanSee)
            .OrderBy(d => d.State).ThenByDescending(d => d.Content.Date).ThenByDescending(d => d.Content.Number).Select(DecisionRowOf).ToList();

    [WolverineGet("/api/awards/decisions/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Decision(Guid id, IQuerySession session, AwardsUnits units, HttpContext ctx)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        var view = await DecisionAsync(session, access, id, ctx.RequestAborted);
        return view is null ? Problems.NotFound(NotFound) : Results.Ok(view);
    }

    public static async Task<DecisionView?> DecisionAsync(IQuerySession session, AwardsAccess access, Guid id, CancellationToken ct)
    {
        var d = await session.LoadAsync<AwardDecision>(id, ct);
        if (d is null || !access.CanSee(d)) return null;
        return new DecisionView(d, StateLabel(d), access.CanDraft(d) && d.State == DecisionState.Draft, access.CanSign(d) && d.State == DecisionState.Draft,
            access.CanDraft(d) && d.State == DecisionState.Signed && !d.IsRevocation, access.Tree.Name(d.BoardId), access.Tree.Name(d.Form.IssuerUnitId));
    }

    [WolverineGet("/api/awards/catalogue"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<AwardCatalogue>(StatusCodes.Status200OK)]
    public static async Task<IResult> Catalogue(IQuerySession session, HttpContext ctx) =>
        Results.Ok(await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted) ?? AwardCatalogue.Empty);
}
