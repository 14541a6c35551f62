using Emulation.Kernel.Text;

namespace Emulation.Kernel.Web.Forms;

/// <summary>The few entries of a long list (a province's units) a picker offers for what was typed: the exact name
/// first, then names starting with it, then the shortest; never the whole list (a page carried 1,300 options).</summary>
public static class Suggestions
{
    public const int Limit = 20;

    public static IReadOnlyList<T> Best<T>(IEnumerable<T> entries, Func<T, string> text, string? typed)
    {
        var folded = VietnameseText.Fold(typed);
        if (folded.Length == 0) return [];
        return entries.Select(e => (Entry: e, Key: VietnameseText.Fold(text(e))))
            .Where(x => x.Key.Contains(folded, StringComparison.Ordinal))
            .OrderBy(x => x.Key == folded ? 0 : x.Key.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(x => x.Key.Length).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(Limit).Select(x => x.Entry).ToList();
    }
}
