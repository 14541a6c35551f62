using Emulation.Kernel.Text;

namespace Emulation.Awards;

/// <summary>Prize money as typed in a form: empty means none, otherwise a Vietnamese number of whole đồng.</summary>
public static class Money
{
    public const decimal Max = 1_000_000_000;

    public static (decimal? Value, string? Error) Parse(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var (value, error) = VietnameseNumber.Parse(text);
        if (error is not null) return (null, error);
        return value < 0 || value > Max || value != decimal.Truncate(value!.Value)
            ? (null, $"{label} phải là số đồng nguyên từ 0 đến 1.000.000.000.")
            : (value, null);
    }

    public static string Words(decimal value) => VietnameseNumber.Text(value) + " đồng";
}
