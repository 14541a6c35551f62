using Emulation.Kernel.Security;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Emulation.Scope;

namespace Emulation.Registry;

/// <summary>What a person may see and do in the registry: the shared unit scope (ADR 0012) plus the registry's
/// own rules. Boards see the non-draft models of the units they cover and decide on those sent to them while they
/// still cover the unit; administrators see everything but act for no unit.</summary>
public sealed class RegistryAccess(CurrentUser user, RegistryUnitTree tree) : UnitScope<RegistryUnit>(user, tree)
{
    public RegistryUnitTree Tree => tree;

    public bool CanDecide(Guid? boardId) => IsOnBoard(boardId);

    public bool CanDecide(Model m) => BoardCovers(m.BoardId, m.UnitId);

    public bool CanSee(Guid unitId, ModelStatus status, Guid? boardId) =>
        SeesAll || FullUnits.Contains(unitId) || (status != ModelStatus.Draft && BoardUnits.Contains(unitId));

    public bool CanSee(Model m) => CanSee(m.UnitId, m.Status, m.BoardId);
}
