using System.Globalization;
using System.Text;

namespace Emulation.Kernel.Text;

/// <summary>Vietnamese text rules: stored in NFC, compared and searched without diacritics or case.</summary>
public static class VietnameseText
{
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public static string Nfc(string? value) => (value ?? "").Normalize(NormalizationForm.FormC);

    /// <summary>An optional text as stored: NFC and trimmed, or null when blank.</summary>
    public static string? NfcOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : Nfc(value).Trim();

    /// <summary>NFC, trimmed, inner runs of white space folded to one space.</summary>
    public static string Clean(string? value)
    {
        var nfc = Nfc(value).Trim();
        var sb = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c) && c != '\n') { if (!space) sb.Append(' '); space = true; continue; }
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The search key: no diacritics, lower case, đ as d, punctuation and spacing folded.</summary>
    public static string Fold(string? value)
    {
        var decomposed = (value ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsLetterOrDigit(c)) { sb.Append(c); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }
}
