namespace Emulation.Directory.Units;

/// <summary>The whole unit tree in memory: the checks that need ancestry (no cycles, merges) are pure functions of it.</summary>
public sealed class UnitTree
{
    readonly Dictionary<Guid, Unit> _byId;
    readonly ILookup<Guid?, Unit> _children;

    public UnitTree(IEnumerable<Unit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _children = _byId.Values.ToLookup(u => u.ParentId);
    }

    public IReadOnlyCollection<Unit> All => _byId.Values;
    public Unit? Find(Guid? id) => id is { } g && _byId.TryGetValue(g, out var u) ? u : null;
    public IEnumerable<Unit> Roots => Sorted(_children[null]);
    public IEnumerable<Unit> Children(Guid id) => Sorted(_children[id]);

    public IEnumerable<Unit> Ancestors(Guid id)
    {
        var seen = new HashSet<Guid>();
        for (var u = Find(Find(id)?.ParentId); u is not null && seen.Add(u.Id); u = Find(u.ParentId)) yield return u;
    }

    public bool IsSelfOrDescendant(Guid candidate, Guid of) => candidate == of || Ancestors(candidate).Any(a => a.Id == of);

    public string Path(Guid id) =>
        string.Join(" › ", Ancestors(id).Reverse().Select(a => a.Name).Append(Find(id)?.Name ?? ""));

    public bool CodeTaken(string code, Guid? except = null) =>
        _byId.Values.Any(u => u.Id != except && string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));

    static IEnumerable<Unit> Sorted(IEnumerable<Unit> units) =>
        units.OrderBy(u => u.Status).ThenBy(u => u.Kind).ThenBy(u => u.Name, Kernel.Text.VietnameseText.Comparer);
}
