using Emulation.Scope;

namespace Emulation.Review.Assignment;

/// <summary>A person's roles as conflict rules read them: the units they act for (roles on the round's own board are left
/// out: that board reviews the units it covers by design; a seat on another board counts where that board sits).</summary>
public sealed record ReviewerTies(Guid PersonId, IReadOnlyCollection<Guid> Units);

/// <summary>Conflicts of interest. Automatic: the reviewer holds a role in the model's unit, in its parent, or anywhere
/// in its subtree (merged units count as inside what they joined, as <see cref="UnitTree{TUnit}"/> says). Declared:
/// pairs named by the reviewer or the secretary. Either one keeps the reviewer off the model.</summary>
public sealed class Conflicts<TUnit>(UnitTree<TUnit> tree, IEnumerable<ReviewerTies> ties, IEnumerable<(Guid Reviewer, Guid Model)> declared)
    where TUnit : UnitCopy
{
    readonly Dictionary<Guid, IReadOnlyCollection<Guid>> _ties = ties.ToDictionary(t => t.PersonId, t => t.Units);
    readonly HashSet<(Guid, Guid)> _declared = declared.ToHashSet();
    readonly Dictionary<Guid, HashSet<Guid>> _near = [];

    /// <summary>The units a role in which makes a reviewer conflicted with a model of <paramref name="unit"/>.</summary>
    public HashSet<Guid> Near(Guid unit)
    {
        if (_near.TryGetValue(unit, out var set)) return set;
        set = tree.Subtree(unit);
        if (tree.Find(unit)?.ParentId is { } parent) set.Add(parent);
        return _near[unit] = set;
    }

    public bool Automatic(Guid reviewer, Guid modelUnit) =>
        _ties.TryGetValue(reviewer, out var units) && units.Any(Near(modelUnit).Contains);

    public bool Declared(Guid reviewer, Guid model) => _declared.Contains((reviewer, model));

    public bool Between(Guid reviewer, Guid model, Guid modelUnit) => Declared(reviewer, model) || Automatic(reviewer, modelUnit);
}
