using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Runtime.CompilerServices;
using System.Text;

namespace Emulation.Kernel.Web;

/// <summary>HTML that is already safe to write. Everything else put into <see cref="Html.Of"/> is encoded.</summary>
public readonly record struct RawHtml(string Value)
{
    public static readonly RawHtml Empty = new("");
    public override string ToString() => Value ?? "";
}

public static class Html
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static RawHtml Of([InterpolatedStringHandlerArgument] ref HtmlBuilder builder) => builder.Build();

    public static RawHtml Join(IEnumerable<RawHtml> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static RawHtml When(bool condition, RawHtml html) => condition ? html : RawHtml.Empty;

    // Encodes only what HTML needs (<, >, &, quotes): Vietnamese letters stay readable in the page source.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => Encoder.Encode(value ?? "");

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", Vi) ?? "";
    public static string Time(DateTimeOffset? t) => t?.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", Vi) ?? "";
    public static string Number(long n) => n.ToString("N0", Vi);
    public static string Number(decimal n) => n.ToString("#,##0.##", Vi);
}

[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    readonly StringBuilder _sb;

    public HtmlBuilder(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string s) => _sb.Append(s);

    public void AppendFormatted(RawHtml html) => _sb.Append(html.Value);

    public void AppendFormatted<T>(T value)
    {
        if (value is RawHtml raw)
        {
            _sb.Append(raw.Value);
            return;
        }
        _sb.Append(Html.Encode(value switch
        {
            null => "",
            DateTimeOffset t => Html.Time(t),
            DateOnly d => Html.Date(d),
            int or long => Html.Number(Convert.ToInt64(value)),
            decimal m => Html.Number(m),
            IFormattable f => f.ToString(null, Html.Vi),
            _ => value.ToString()
        }));
    }

    public void AppendFormatted<T>(T value, string format) where T : IFormattable =>
        _sb.Append(Html.Encode(value.ToString(format, Html.Vi)));

    internal RawHtml Build() => new(_sb.ToString());
}
