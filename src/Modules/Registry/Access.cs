using Emulation.Kernel.Security;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Emulation.Scope;

namespace Emulation.Registry;

/// <summary>What a person may see and do in the registry: the shared unit scope (ADR 0012) plus the registry's own
/// rules (ADR 0013). A draft is the registering unit's working paper: only its own officers see it. Submitted and
/// decided dossiers are seen by officers and approvers over their subtrees, by the boards covering the unit and by
/// administrators. Accepted models are the register every unit replicates from: everyone signed in sees them.
/// Boards decide on what was sent to them while they still cover the unit; a dossier whose unit moved away while it
/// waited passes to the board that covers the unit at its level now (ADR 0016); administrators act for no unit.</summary>
public sealed class RegistryAccess(CurrentUser user, RegistryUnitTree tree) : UnitScope<RegistryUnit>(user, tree)
{
    public RegistryUnitTree Tree => tree;

    public bool CanDecide(Guid? boardId) => IsOnBoard(boardId);

    public bool CanDecide(Model m) => IsOnBoard(DecidingBoard(tree, m.UnitId, m.Details.LevelCode, m.BoardId));

    /// <summary>The board that decides a dossier sent to <paramref name="sentTo"/>: that board while it still covers the
    /// unit, otherwise the one covering the unit at the dossier's level now (the unit moved while it waited), if any.</summary>
    public static Guid? DecidingBoard(RegistryUnitTree tree, Guid unitId, string level, Guid? sentTo) =>
        sentTo is { } b && tree.CoveredBy(b).Contains(unitId) ? b : tree.BoardFor(unitId, level)?.Id;

    public bool CanSee(Guid unitId, ModelStatus status, Guid? boardId) => status switch
    {
        // A draft withdrawn before it was ever sent (no board yet) stays the unit's working paper.
        ModelStatus.Draft or ModelStatus.Withdrawn when boardId is null => CanActFor(unitId),
        ModelStatus.Accepted => User.IsAuthenticated,
        _ => SeesAll || CanActFor(unitId) || FullUnits.Contains(unitId) || BoardUnits.Contains(unitId)
    };

    public bool CanSee(Model m) => CanSee(m.UnitId, m.Status, m.BoardId);
}
