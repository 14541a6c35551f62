using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Campaigns;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Emulation.Scope;
using Microsoft.AspNetCore.Http;

namespace Emulation.Monitoring;

/// <summary>Who may do what on a followed model (ADR 0017), on the shared unit scope (ADR 0012). Everyone signed in sees
/// the health of accepted models (they are the public register); only the registering unit's officers report and ask
/// to resume; only the board that follows the model (the one that decided on it while it still covers the unit, else the
/// one covering the unit now) inspects, marks or escalates.
/// Administrators see everything and act for no unit.</summary>
public sealed class MonitoringAccess(CurrentUser user, MonitoringUnitTree tree) : UnitScope<MonitoringUnit>(user, tree)
{
    public MonitoringUnitTree Tree => tree;

    /// <summary>The caller's access, on Monitoring's cached copy of the unit tree.</summary>
    public static async Task<MonitoringAccess> ForAsync(HttpContext ctx, MonitoringUnits units) =>
        new(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));

    public bool CanSee(FollowedModel m) => User.IsAuthenticated;

    /// <summary>An officer of the unit that registered the model.</summary>
    public bool IsModelUnit(FollowedModel m) => IsModelUnit(m.UnitId);

    public bool IsModelUnit(Guid unitId) => CanActFor(unitId);

    /// <summary>A member or secretary of the board that follows the model (<see cref="MonitoringUnitTree.FollowingBoard(FollowedModel)"/>):
    /// the one that decided on it while it still covers the unit, else the one covering the unit now.</summary>
    public bool BoardCoversModel(FollowedModel m) => BoardCovers(tree.FollowingBoard(m), m.UnitId);

    /// <summary>A secretary of the campaign's board sets its schedule; a campaign without a board is the administrators'.</summary>
    public bool CanSetSchedule(MonitoredCampaign c) =>
        User.IsAdmin || c.BoardId is { } b && User.UnitsFor(Roles.BoardSecretary).Contains(b);

    /// <summary>The units whose models the person follows closely (their own, their subtree, what their boards cover):
    /// the "my models" lists; everyone else sees health only.</summary>
    public bool Follows(Guid unitId) => SeesAll || CanActFor(unitId) || FullUnits.Contains(unitId) || BoardUnits.Contains(unitId);
}
