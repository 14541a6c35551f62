using Emulation.Kernel.Text;

namespace Emulation.Registry.Models;

/// <summary>Near-duplicate names: the same words regardless of diacritics, case, spacing and punctuation.</summary>
public static class Similarity
{
    public const double Threshold = 0.75;

    public static string Key(string name) => VietnameseText.Fold(name);

    /// <summary>Dice coefficient over the sets of folded words (1 = same words).</summary>
    public static double Of(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    static HashSet<string> Words(string s) => Key(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
