using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Kernel.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Registry.Units;

/// <summary>A unit the list's filter offers: its id and its path.</summary>
public sealed record RegistryUnitSuggestion(Guid Id, string Text);

/// <summary>The units a person may filter the register by (their officer and approver subtrees and what their boards
/// cover; everything for an administrator), a few at a time for what was typed, instead of every one in the page.</summary>
public static class UnitSuggestionsEndpoint
{
    [WolverineGet("/api/registry/units/suggestions"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IReadOnlyList<RegistryUnitSuggestion>> Get(string? q, UnitDirectory units, HttpContext ctx)
    {
        var access = new RegistryAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        return Suggestions.Best(InScope(access).Select(u => new RegistryUnitSuggestion(u.Id, access.Tree.Path(u.Id))), s => s.Text, q);
    }

    public static IEnumerable<RegistryUnit> InScope(RegistryAccess access) =>
        (access.SeesAll ? access.Tree.All : access.FullUnits.Concat(access.BoardUnits).Distinct().Select(id => access.Tree.Find(id)).OfType<RegistryUnit>())
        .Where(u => !u.IsBoard);
}
