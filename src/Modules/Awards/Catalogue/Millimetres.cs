using System.Globalization;
using System.Text.RegularExpressions;
using Emulation.Kernel.Text;

namespace Emulation.Awards.Catalogue;

/// <summary>A length typed in millimetres. People type <c>12,5</c>, rulers and other software write <c>12.5</c>: no
/// position on a certificate reaches a thousand millimetres, so a lone dot between digits is a decimal point, except
/// where it could just as well group thousands (<c>1.500</c>), which is refused rather than guessed. Everything else is
/// read by the Kernel's Vietnamese number rules.</summary>
public static partial class Millimetres
{
    [GeneratedRegex(@"^[+-]?(?<whole>\d+)\.(?<fraction>\d+)$")]
    private static partial Regex LoneDot();

    public static (decimal? Value, string? Error) Parse(string? text)
    {
        var s = (text ?? "").Trim().Replace('\u00A0', ' ');
        if (s.Length > 20) return (null, "Số quá dài.");
        if (LoneDot().Match(s) is { Success: true } dot)
        {
            if (dot.Groups["fraction"].Length == 3 && dot.Groups["whole"].Value != "0")
                return (null, $"“{s}” có thể hiểu là {Invariant(s.Replace(".", ""))} mm hoặc {Invariant(s)} mm: hãy viết phần thập phân sau dấu phẩy (ví dụ 12,5).");
            s = s.Replace('.', ',');
        }
        var (value, error) = VietnameseNumber.Parse(s);
        if (error is not null) return (null, value is null && s.Length == 0 ? "Vui lòng nhập số milimét (ví dụ 12,5)." : error);
        if (value != Math.Round(value!.Value, 2)) return (null, $"“{text!.Trim()}”: chỉ ghi tối đa hai chữ số sau dấu phẩy (phần trăm milimét).");
        return (value, null);
    }

    public static string Text(decimal mm) => mm.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    static string Invariant(string digits) => Text(decimal.Parse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
}
