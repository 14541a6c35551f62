using System.Globalization;
using Emulation.Kernel;

namespace Emulation.Kernel.Web;

/// <summary>How numbers and dates read on a Vietnamese page.</summary>
public static class Format
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", Vi) ?? "";
    public static string Time(DateTimeOffset? t) => t?.ToOffset(VietnamClock.Offset).ToString("dd/MM/yyyy HH:mm", Vi) ?? "";
    public static string Number(long n) => n.ToString("N0", Vi);
    public static string Number(decimal n) => n.ToString("#,##0.##", Vi);
    public static string Number(decimal? n) => n is null ? "" : Number(n.Value);
}
