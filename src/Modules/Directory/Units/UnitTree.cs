namespace Emulation.Directory.Units;

/// <summary>The whole unit tree in memory: the checks that need ancestry (no cycles, merges) are pure functions of it.</summary>
public sealed class UnitTree
{
    readonly Dictionary<Guid, Unit> _byId;
    readonly Dictionary<string, Guid> _byCode = new(StringComparer.OrdinalIgnoreCase);
    ILookup<Guid?, Unit>? _children;

    public UnitTree(IEnumerable<Unit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        foreach (var u in _byId.Values) _byCode.TryAdd(u.Code, u.Id);
    }

    ILookup<Guid?, Unit> ChildLookup => _children ??= _byId.Values.ToLookup(u => u.ParentId);

    public IReadOnlyCollection<Unit> All => _byId.Values;
    public Unit? Find(Guid? id) => id is { } g && _byId.TryGetValue(g, out var u) ? u : null;
    public Unit? FindCode(string? code) => code is not null && _byCode.TryGetValue(code, out var id) ? _byId[id] : null;
    public IEnumerable<Unit> Roots => Sorted(ChildLookup[null]);
    public IEnumerable<Unit> Children(Guid id) => Sorted(ChildLookup[id]);

    /// <summary>Adds or replaces a unit, for an import that checks its rows one after another against the tree the earlier
    /// rows leave (a copy of the stored tree, never the one a request reads).</summary>
    public UnitTree Put(Unit unit)
    {
        _byId[unit.Id] = unit;
        _byCode[unit.Code] = unit.Id;
        _children = null;
        return this;
    }

    public IEnumerable<Unit> Ancestors(Guid id)
    {
        var seen = new HashSet<Guid>();
        for (var u = Find(Find(id)?.ParentId); u is not null && seen.Add(u.Id); u = Find(u.ParentId)) yield return u;
    }

    public bool IsSelfOrDescendant(Guid candidate, Guid of) => candidate == of || Ancestors(candidate).Any(a => a.Id == of);

    public string Path(Guid id) =>
        string.Join(" › ", Ancestors(id).Reverse().Select(a => a.Name).Append(Find(id)?.Name ?? ""));

    public bool CodeTaken(string code, Guid? except = null) =>
        _byCode.TryGetValue(code, out var id) ? id != except : false;

    static IEnumerable<Unit> Sorted(IEnumerable<Unit> units) =>
        units.OrderBy(u => u.Status).ThenBy(u => u.Kind).ThenBy(u => u.Name, Kernel.Text.VietnameseText.Comparer);
}
