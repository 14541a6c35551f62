using Emulation.Kernel.Security;
using Emulation.Registry.Models;
using Emulation.Registry.Units;

namespace Emulation.Registry;

/// <summary>What a person may see and do in the registry, from their roles and the unit tree (ADR 0013).
/// A draft is the registering unit's working paper: only its own officers see it. Submitted and decided dossiers
/// are seen by officers and approvers over their units' subtrees, by the boards covering the unit and by
/// administrators. Accepted models are the register every unit replicates from: everyone signed in sees them.
/// Officers act for their own unit; boards decide on what was sent to them; administrators act for no unit.</summary>
public sealed class RegistryAccess(CurrentUser user, RegistryUnitTree tree)
{
    public CurrentUser User => user;
    public RegistryUnitTree Tree => tree;
    public bool SeesAll => user.IsAdmin;
    public IReadOnlyList<Guid> OfficerUnits { get; } = user.UnitsFor(Roles.Officer).ToList();
    public IReadOnlyList<Guid> Boards { get; } = user.UnitsFor(Roles.BoardMember, Roles.BoardSecretary).ToList();

    HashSet<Guid>? _full, _board;

    /// <summary>Units whose submitted and decided models this person sees as an officer or approver.</summary>
    public HashSet<Guid> FullUnits => _full ??= user.UnitsFor(Roles.Officer, Roles.Approver).SelectMany(tree.Subtree).ToHashSet();

    /// <summary>Units whose submitted and decided models this person sees as a board member.</summary>
    public HashSet<Guid> BoardUnits => _board ??= Boards.SelectMany(tree.CoveredBy).ToHashSet();

    public bool CanActFor(Guid unitId) => OfficerUnits.Contains(unitId);

    public bool CanDecide(Guid? boardId) => boardId is { } b && Boards.Contains(b);

    public bool CanSee(Guid unitId, ModelStatus status, Guid? boardId) => status switch
    {
        ModelStatus.Draft => CanActFor(unitId),
        ModelStatus.Accepted => user.IsAuthenticated,
        _ => SeesAll || CanActFor(unitId) || FullUnits.Contains(unitId) || BoardUnits.Contains(unitId) || CanDecide(boardId)
    };

    public bool CanSee(Model m) => CanSee(m.UnitId, m.Status, m.BoardId);
}
