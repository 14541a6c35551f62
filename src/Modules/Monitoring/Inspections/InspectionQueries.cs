using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Monitoring.Inspections;

public sealed record InspectionListItem(Guid Id, Guid BoardId, InspectionKind Kind, InspectionStatus Status, DateOnly PlannedOn, DateOnly? VisitedOn,
    IReadOnlyList<InspectedModel> Models, int Actions, int OpenActions, long Version);

public sealed record InspectionPage(IReadOnlyList<InspectionListItem> Items, long Total, int Page, int PageSize);

/// <summary>Which follow-up actions to list: still open (not closed), past due and unanswered, or all.</summary>
public enum ActionFilter { Open, Overdue, All }

/// <summary>Everyone signed in sees inspections and their actions (the issue: "everyone sees the state").</summary>
public static class InspectionQueries
{
    [WolverineGet("/api/monitoring/inspections"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<InspectionPage> List(IQuerySession session, Guid? board, Guid? model, InspectionStatus? status, int? page, int? pageSize, HttpContext ctx)
    {
        var query = session.Query<Inspection>().AsQueryable();
        if (board is { } b) query = query.Where(i => i.BoardId == b);
        if (status is { } s) query = query.Where(i => i.Status == s);
        if (model is { } m) query = query.Where(i => i.Models.Any(x => x.ModelId == m));
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ctx.RequestAborted);
        var found = await query.OrderByDescending(i => i.PlannedOn).ThenByDescending(i => i.ScheduledAt)
            .Skip((number - 1) * size).Take(size).ToListAsync(ctx.RequestAborted);
        return new InspectionPage(found.Select(Item).ToList(), total, number, size);
    }

    public static InspectionListItem Item(Inspection i) => new(i.Id, i.BoardId, i.Kind, i.Status, i.PlannedOn, i.VisitedOn, i.Models,
        i.Actions.Count, i.Actions.Count(a => !a.Closed), i.Version);

    [WolverineGet("/api/monitoring/inspections/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<Inspection>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext ctx) =>
        await session.LoadAsync<Inspection>(id, ctx.RequestAborted) is { } i ? Results.Ok(i) : Problems.NotFound(InspectionSteps.NotFound);

    [WolverineGet("/api/monitoring/actions"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IReadOnlyList<OpenAction>> Actions(IQuerySession session, Guid? unit, Guid? model, Guid? board, ActionFilter? state,
        TimeProvider clock, HttpContext ctx) =>
        ActionsAsync(session, unit is { } u ? [u] : null, model, board, state ?? ActionFilter.Open, InspectionSteps.Today(clock.GetUtcNow()), ctx.RequestAborted);

    public static async Task<IReadOnlyList<OpenAction>> ActionsAsync(IQuerySession session, IReadOnlyCollection<Guid>? units, Guid? model, Guid? board,
        ActionFilter state, DateOnly today, CancellationToken ct)
    {
        var query = session.Query<OpenAction>().AsQueryable();
        if (units is not null) { var ids = units.ToArray(); query = query.Where(a => a.UnitId.IsOneOf(ids)); }
        if (model is { } m) query = query.Where(a => a.ModelId == m);
        if (board is { } b) query = query.Where(a => a.BoardId == b);
        if (state != ActionFilter.All) query = query.Where(a => a.ClosedAt == null);
        if (state == ActionFilter.Overdue) query = query.Where(a => a.AnsweredOn == null && a.DueOn < today);
        return await query.OrderBy(a => a.DueOn).Take(500).ToListAsync(ct);
    }
}
