using Emulation.Kernel.Security;

namespace Emulation.Scope;

/// <summary>Which units a person may see and act for, from their roles and a module's copy of the unit tree.
/// Officers act for their own unit; officers and approvers see their unit's subtree; a board sees what it covers
/// (the subtree of the unit it hangs from, following merges); administrators see everything and act for no unit.
/// A module adds its own rules (drafts, statuses) on top; the tree questions are answered here, once.</summary>
public class UnitScope<TUnit>(CurrentUser user, UnitTree<TUnit> tree) where TUnit : UnitCopy
{
    HashSet<Guid>? _full, _covered;

    public CurrentUser User => user;
    public bool SeesAll => user.IsAdmin;

    public IReadOnlyList<Guid> OfficerUnits { get; } = user.UnitsFor(Roles.Officer).ToList();
    public IReadOnlyList<Guid> Boards { get; } = user.UnitsFor(Roles.BoardMember, Roles.BoardSecretary).ToList();

    /// <summary>Units whose own work (drafts included) this person sees: their officer and approver subtrees.</summary>
    public HashSet<Guid> FullUnits => _full ??= user.UnitsFor(Roles.Officer, Roles.Approver).SelectMany(tree.Subtree).ToHashSet();

    /// <summary>Units this person's boards cover today.</summary>
    public HashSet<Guid> BoardUnits => _covered ??= Boards.SelectMany(tree.CoveredBy).ToHashSet();

    public bool CanActFor(Guid unitId) => OfficerUnits.Contains(unitId);

    public bool IsOnBoard(Guid? boardId) => boardId is { } b && Boards.Contains(b);

    /// <summary>A board acts on a unit only while it covers it: after a move the old board lets go.</summary>
    public bool BoardCovers(Guid? boardId, Guid unitId) => IsOnBoard(boardId) && tree.CoveredBy(boardId!.Value).Contains(unitId);
}
