using System.Globalization;

namespace Emulation.Kernel.Text;

/// <summary>Dates typed as in Vietnam (<c>31/12/2026</c>) or sent by integrations in ISO form (<c>2026-12-31</c>);
/// a year outside 1900-2100 is a typing slip (62027 came from a day-month-year typed into an ISO field).</summary>
public static class VietnameseDate
{
    public const int FirstYear = 1900, LastYear = 2100;
    public const string Format = "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/12/2026.";

    static readonly string[] Formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    public static (DateOnly? Value, string? Error) Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return (null, "Vui lòng nhập ngày. " + Format);
        if (s.Length > 10 && s[10] == 'T') s = s[..10];
        if (!DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"“{s}” không phải là ngày hợp lệ. {Format}");
        return date.Year is < FirstYear or > LastYear
            ? (null, $"Năm {date.Year} nằm ngoài khoảng {FirstYear}–{LastYear}. {Format}")
            : (date, null);
    }
}
