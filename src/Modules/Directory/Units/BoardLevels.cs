using Emulation.Scope;
using Marten;

namespace Emulation.Directory.Units;

/// <summary>The Directory's copy of the Registry catalog's levels (ADR 0063), kept from <see cref="LevelsUpdated"/>: a
/// board covers one of the levels in use. Before the catalog is first edited the Registry's default levels apply,
/// which are the standard ones.</summary>
public sealed class BoardLevels
{
    public const string Key = "levels";

    public string Id { get; set; } = Key;
    public List<CatalogLevel> Levels { get; set; } = [];
    public long SourceVersion { get; set; }

    public static readonly IReadOnlyList<CatalogLevel> Standard = StandardLevels.All.Select(l => new CatalogLevel(l.Code, l.Name, true)).ToList();

    /// <summary>The levels in use, in the catalog's order.</summary>
    public static async Task<IReadOnlyList<CatalogLevel>> InUseAsync(IQuerySession session, CancellationToken ct) =>
        ((await session.LoadAsync<BoardLevels>(Key, ct))?.Levels ?? [.. Standard]).Where(l => l.Active).ToList();

    /// <summary>Every level the catalog ever held (a board keeps a level taken out of use), for showing names.</summary>
    public static async Task<IReadOnlyList<CatalogLevel>> AllAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<BoardLevels>(Key, ct))?.Levels ?? [.. Standard];

    public static string Name(IReadOnlyList<CatalogLevel> levels, string? code) =>
        levels.FirstOrDefault(l => l.Code == code)?.Name ?? StandardLevels.Name(code);
}

public static class LevelsUpdatedHandler
{
    /// <summary>An older catalog than the copy holds (a replay, a repeat) changes nothing.</summary>
    public static async Task Handle(LevelsUpdated e, IDocumentSession session, CancellationToken ct)
    {
        var copy = await session.LoadAsync<BoardLevels>(BoardLevels.Key, ct);
        if (copy is not null && e.Version <= copy.SourceVersion) return;
        copy ??= new BoardLevels();
        copy.Levels = [.. e.Levels];
        copy.SourceVersion = e.Version;
        session.Store(copy);
    }
}
