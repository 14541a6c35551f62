using Emulation.Kernel.Text;

namespace Emulation.Registry.Models;

/// <summary>Near-duplicate names compare their folded forms (no diacritics, case, spacing or punctuation) by
/// PostgreSQL's trigram similarity (<see cref="NearDuplicates"/>); identical folded names are exact duplicates.</summary>
public static class Similarity
{
    /// <summary>Trigram similarity from which two names are flagged: "Đổi rác thải nhựa lấy quà" and
    /// "Đổi rác nhựa lấy quà tặng" score 0.72, unrelated names of a few words below 0.3.</summary>
    public const double Threshold = 0.6;

    public static string Key(string name) => VietnameseText.Fold(name);
}
