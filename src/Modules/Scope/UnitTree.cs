namespace Emulation.Scope;

/// <summary>A module's copy of the unit tree with the questions scope asks of it. "Within" follows both parents
/// and merges: a unit merged into X, and everything under it, counts as under X.</summary>
public class UnitTree<TUnit> where TUnit : UnitCopy
{
    readonly Dictionary<Guid, TUnit> _byId;
    readonly ILookup<Guid, TUnit> _children;
    readonly ILookup<Guid, TUnit> _mergedInto;

    public UnitTree(IEnumerable<TUnit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _children = _byId.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        _mergedInto = _byId.Values.Where(u => u.MergedInto is not null).ToLookup(u => u.MergedInto!.Value);
    }

    public int Count => _byId.Count;
    public IReadOnlyCollection<TUnit> All => _byId.Values;
    public TUnit? Find(Guid? id) => id is { } g && _byId.TryGetValue(g, out var u) ? u : null;
    public TUnit? ByCode(string code) => _byId.Values.FirstOrDefault(u => u.Code == code);
    public string Name(Guid? id) => Find(id)?.Name ?? "";

    /// <summary>Where a unit lies: the province, district and commune it is in (or is).</summary>
    public (Guid? Province, Guid? District, Guid? Commune) Location(Guid unitId)
    {
        var chain = SelfAndAncestors(unitId).ToList();
        return (chain.FirstOrDefault(u => u.Kind == "province")?.Id,
            chain.FirstOrDefault(u => u.Kind == "district")?.Id,
            chain.FirstOrDefault(u => u.Kind == "commune")?.Id);
    }

    /// <summary>The unit itself, then its parents upwards; a merged unit continues through the unit it joined.</summary>
    public IEnumerable<TUnit> SelfAndAncestors(Guid id)
    {
        var seen = new HashSet<Guid>();
        var queue = new Queue<Guid>([id]);
        while (queue.Count > 0)
        {
            var unit = Find(queue.Dequeue());
            if (unit is null || !seen.Add(unit.Id)) continue;
            yield return unit;
            if (unit.MergedInto is { } m) queue.Enqueue(m);
            if (unit.ParentId is { } p) queue.Enqueue(p);
        }
    }

    public HashSet<Guid> Subtree(Guid root)
    {
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>([root]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id)) continue;
            foreach (var c in _children[id]) stack.Push(c.Id);
            foreach (var m in _mergedInto[id]) stack.Push(m.Id);
        }
        return result;
    }

    public TUnit? Province(Guid unit) => SelfAndAncestors(unit).LastOrDefault(u => u.IsProvince && u.Active)
        ?? SelfAndAncestors(unit).FirstOrDefault(u => u.IsProvince);

    /// <summary>The board that decides on what <paramref name="unit"/> sends at <paramref name="level"/>:
    /// the nearest board of that level hanging under the unit or one of its ancestors.</summary>
    public TUnit? BoardFor(Guid unit, string level)
    {
        foreach (var u in SelfAndAncestors(unit))
        {
            var board = _children[u.Id].FirstOrDefault(b => b.IsBoard && b.Active && b.CoversLevel == level);
            if (board is not null) return board;
        }
        return null;
    }

    /// <summary>The units a board covers: everything under the unit it hangs from.</summary>
    public HashSet<Guid> CoveredBy(Guid boardId) =>
        Find(boardId)?.ParentId is { } parent ? Subtree(parent) : [];

    public string Path(Guid id)
    {
        var chain = new List<string>();
        for (var u = Find(id); u is not null && chain.Count < 10; u = Find(u.ParentId)) chain.Add(u.Name);
        chain.Reverse();
        return string.Join(" › ", chain);
    }
}
