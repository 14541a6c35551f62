using System.Globalization;
using Emulation.Documents.Layout;
using SkiaSharp;

namespace Emulation.Documents.Charts;

public sealed record Bar(string Label, int Value);

/// <summary>Horizontal bars with their labels and counts, drawn as a PNG for documents (a report's page shows the same
/// figures as SVG). Twice the printed resolution, so it stays sharp at 160 mm wide.</summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    const int Width = 1600, Row = 64, Top = 20, LabelWidth = 620, ValueRoom = 180;
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");

    public byte[] ToPng()
    {
        var height = Top * 2 + Math.Max(1, Bars.Count) * Row;
        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var regular = SKTypeface.FromFile(FontFiles.Current.Regular);
        using var bold = SKTypeface.FromFile(FontFiles.Current.Bold);
        using var labelFont = new SKFont(regular, 34);
        using var valueFont = new SKFont(bold, 34);
        using var ink = new SKPaint { Color = new SKColor(0x1d, 0x27, 0x33), IsAntialias = true };
        using var blue = new SKPaint { Color = new SKColor(0x0b, 0x4f, 0x9c), IsAntialias = true };
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = Top + i * Row;
            canvas.DrawText(Fit(bar.Label, labelFont, LabelWidth - 20), 0, y + 44, SKTextAlign.Left, labelFont, ink);
            var length = max == 0 ? 0 : Math.Max(bar.Value > 0 ? 4 : 0, (float)bar.Value * (Width - LabelWidth - ValueRoom) / max);
            canvas.DrawRect(LabelWidth, y + 10, length, Row - 20, blue);
            canvas.DrawText(bar.Value.ToString("N0", Vietnam), LabelWidth + length + 12, y + 44, SKTextAlign.Left, valueFont, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    // A label longer than its room is cut with an ellipsis; the table beside the chart carries the whole name.
    static string Fit(string text, SKFont font, float room)
    {
        if (font.MeasureText(text) <= room) return text;
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > room) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
