using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel.Web.Forms;

namespace Emulation.Directory.Units;

public sealed record UnitView(Guid Id, string Code, string Name, string Kind, string KindLabel, Guid? ParentId, string Path,
    string? CoversLevel, bool Active, Guid? MergedInto, IReadOnlyList<NameSpan> Names, long Version);

public sealed record HistoryEntry(long Version, string Type, string Summary, Guid By, string ByName, DateTimeOffset At);

/// <summary>A unit a picker offers: its id and its path, which is what the person reads and types.</summary>
public sealed record UnitSuggestion(Guid Id, string Text);

public sealed record UnitDetail(UnitView Unit, IReadOnlyList<UnitView> Children, IReadOnlyList<HistoryEntry> History);

public static class UnitQueries
{
    public static async Task<UnitTree> TreeAsync(IQuerySession session) =>
        new(await session.Query<Unit>().ToListAsync());

    public static UnitView View(UnitTree tree, Unit u) =>
        new(u.Id, u.Code, u.Name, UnitKinds.Code(u.Kind), UnitKinds.Label(u.Kind), u.ParentId, tree.Path(u.Id), u.CoversLevel,
            u.Active, u.MergedInto, u.Names, u.Version);

    [WolverineGet("/api/directory/units"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IReadOnlyList<UnitView>> List(IQuerySession session)
    {
        var tree = await TreeAsync(session);
        return Flatten(tree).Select(u => View(tree, u)).ToList();
    }

    /// <summary>A few active units whose path contains what was typed, for the pickers (a page no longer carries every
    /// unit); <paramref name="except"/> leaves out a unit and everything under it (it cannot become its own parent).</summary>
    [WolverineGet("/api/directory/units/suggestions"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IReadOnlyList<UnitSuggestion>> Suggest(IQuerySession session, string? q, Guid? except)
    {
        var tree = await TreeAsync(session);
        var units = Flatten(tree).Where(u => u.Active && (except is not { } root || !tree.IsSelfOrDescendant(u.Id, root)));
        return Suggestions.Best(units.Select(u => new UnitSuggestion(u.Id, tree.Path(u.Id))), s => s.Text, q);
    }

    [WolverineGet("/api/directory/units/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<UnitDetail>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session)
    {
        var detail = await DetailAsync(session, await TreeAsync(session), id);
        return detail is null ? Problems.NotFound("Không tìm thấy đơn vị.") : Results.Ok(detail);
    }

    public static async Task<UnitDetail?> DetailAsync(IQuerySession session, UnitTree tree, Guid id)
    {
        var unit = tree.Find(id);
        if (unit is null) return null;
        var events = await session.Events.FetchStreamAsync(id);
        var history = await History.DescribeAsync(session, events.Select(e => (e.Version, e.Data)), tree);
        return new UnitDetail(View(tree, unit), tree.Children(id).Select(c => View(tree, c)).ToList(), history);
    }

    /// <summary>Depth-first, so a flat list reads as an indented tree.</summary>
    public static IEnumerable<Unit> Flatten(UnitTree tree)
    {
        IEnumerable<Unit> Walk(Unit u) => tree.Children(u.Id).SelectMany(Walk).Prepend(u);
        return tree.Roots.SelectMany(Walk);
    }

    public static int Depth(UnitTree tree, Guid id) => tree.Ancestors(id).Count();
}
