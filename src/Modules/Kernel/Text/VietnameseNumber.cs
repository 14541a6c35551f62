using System.Globalization;
using System.Text.RegularExpressions;

namespace Emulation.Kernel.Text;

/// <summary>Numbers as people in Vietnam type them: a dot groups thousands, a comma starts the decimals
/// (<c>1.500.000</c>, <c>12,5</c>, <c>1.234,5</c>). What could mean two different numbers is refused rather
/// than guessed, because a guess is how <c>1.500</c> used to be stored as one and a half.</summary>
public static partial class VietnameseNumber
{
    public const string Format = "Viết số kiểu Việt Nam: dấu chấm phân nhóm nghìn, dấu phẩy trước phần thập phân (ví dụ 1.500.000 hoặc 12,5).";

    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex Shape();

    static readonly NumberFormatInfo Vietnam = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>How a number is shown in a form, so that sending the form back reads the same number.</summary>
    public static string? Text(decimal? value) => value is { } v ? Text(v) : null;

    public static string Text(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.############", Vietnam);

    /// <summary>A decimal, or the Vietnamese reason it is not one.</summary>
    public static (decimal? Value, string? Error) Parse(string? text)
    {
        var s = (text ?? "").Trim().Replace('\u00A0', ' ');
        if (s.Length == 0) return (null, "Vui lòng nhập một số.");
        if (s.Length > 40) return (null, "Số quá dài.");
        if (!Shape().IsMatch(s)) return (null, $"“{s}” không phải là số. {Format}");
        if (LooksEnglish(s)) return (null, $"“{s}” có thể hiểu theo hai cách. {Format}");
        var invariant = s.Replace(".", "").Replace(',', '.');
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"“{s}” quá lớn.");
    }

    /// <summary>A whole number: <c>12,5</c> where a count is meant is refused, never rounded.</summary>
    public static (long? Value, string? Error) ParseWhole(string? text)
    {
        var (value, error) = Parse(text);
        if (error is not null) return (null, error);
        if (value != decimal.Truncate(value!.Value)) return (null, $"“{text!.Trim()}” phải là số nguyên (không có phần thập phân).");
        return value is >= long.MinValue and <= long.MaxValue ? ((long)value.Value, null) : (null, $"“{text!.Trim()}” quá lớn.");
    }

    /// <summary><c>1,500</c> without any dot reads as 1.5 here and as 1500 in English; a single group of
    /// exactly three decimals after a short whole part is too likely to be the English thousands.</summary>
    static bool LooksEnglish(string s)
    {
        var digits = s.TrimStart('+', '-');
        var comma = digits.IndexOf(',');
        if (comma < 0 || digits.Contains('.')) return false;
        var whole = digits[..comma];
        return digits.Length - comma - 1 == 3 && whole.Length <= 3 && whole != "0";
    }
}
