using Emulation.Documents.Layout;
using SkiaSharp;

namespace Emulation.Documents.Pdf;

abstract record Mark;
sealed record GlyphRun(Shaped Text, float X, float Y, SKColor Color) : Mark;
sealed record Stroke(float X1, float Y1, float X2, float Y2, float Width, SKColor? Color = null) : Mark;
sealed record Vector(SKPath Path, SKRect[] Rectangles, SKColor Color, float Width) : Mark;
sealed record Picture(SKImage Image, SKRect Rect) : Mark;

/// <summary>A block laid out at a width: its height is known before it is placed, which is what pagination needs.</summary>
abstract class Box
{
    public abstract float Height { get; }
    public abstract void Emit(List<Mark> page, float x, float y);
}

sealed class ParagraphBox(List<Line> lines, TextAlign align, float width, float before, float after, Faces faces) : Box
{
    public List<Line> Lines { get; } = lines;
    public float Before { get; } = before;
    public float After { get; } = after;
    public override float Height => Before + Lines.Sum(l => l.Height) + After;

    public override void Emit(List<Mark> page, float x, float y)
    {
        y += Before;
        foreach (var line in Lines)
        {
            EmitLine(page, line, x, y);
            y += line.Height;
        }
    }

    public void EmitLine(List<Mark> page, Line line, float x, float top)
    {
        var free = width - line.Indent - line.Width;
        var gap = 0f;
        var cx = x + line.Indent + align switch
        {
            TextAlign.Center => free / 2,
            TextAlign.Right => free,
            _ => 0
        };
        if (align == TextAlign.Justify && !line.Last && line.Words.Count > 1 && free > 0) gap = free / (line.Words.Count - 1);
        var baseline = top + line.Baseline;
        for (var w = 0; w < line.Words.Count; w++)
        {
            var word = line.Words[w];
            var lastWord = w == line.Words.Count - 1;
            foreach (var (piece, i) in word.Pieces.Select((p, i) => (p, i)))
            {
                page.Add(new GlyphRun(piece.Text, cx, baseline, piece.Color));
                var advance = piece.Text.Width;
                // An underline runs on under the space when the next word is underlined too, as in Word.
                var through = !lastWord && i == word.Pieces.Count - 1 && line.Words[w + 1].Pieces[0].Underline ? word.SpaceAfter + gap : 0;
                if (piece.Underline)
                {
                    var m = faces.Metrics(piece.Text.Face, piece.Text.Size);
                    var thickness = m.UnderlineThickness is > 0 and var t ? t : piece.Text.Size / 18;
                    var offset = m.UnderlinePosition is > 0 and var p ? p : piece.Text.Size / 10;
                    page.Add(new Stroke(cx, baseline + offset, cx + advance + through, baseline + offset, thickness, piece.Color));
                }
                cx += advance;
            }
            if (!lastWord) cx += word.SpaceAfter + gap;
        }
    }
}

sealed class StackBox(List<Box> boxes) : Box
{
    public override float Height { get; } = boxes.Sum(b => b.Height);

    public override void Emit(List<Mark> page, float x, float y)
    {
        foreach (var box in boxes)
        {
            box.Emit(page, x, y);
            y += box.Height;
        }
    }
}

/// <summary>Side by side: a row of layout, or one row of a table with its borders.</summary>
sealed class RowBox(List<(float X, float Width, Box Content)> cells, float padX, float padY, bool borders) : Box
{
    public override float Height { get; } = cells.Count == 0 ? 0 : cells.Max(c => c.Content.Height) + 2 * padY;

    public override void Emit(List<Mark> page, float x, float y)
    {
        foreach (var cell in cells)
        {
            cell.Content.Emit(page, x + cell.X + padX, y + padY);
            if (!borders) continue;
            float l = x + cell.X, r = l + cell.Width, b = y + Height;
            page.Add(new Stroke(l, y, r, y, 0.5f));
            page.Add(new Stroke(l, b, r, b, 0.5f));
            page.Add(new Stroke(l, y, l, b, 0.5f));
            page.Add(new Stroke(r, y, r, b, 0.5f));
        }
    }
}

sealed class TableBox(RowBox? header, List<RowBox> rows) : Box
{
    public RowBox? Header { get; } = header;
    public List<RowBox> Rows { get; } = rows;
    public override float Height => (Header?.Height ?? 0) + Rows.Sum(r => r.Height);

    public override void Emit(List<Mark> page, float x, float y)
    {
        foreach (var row in Header is null ? Rows : Rows.Prepend(Header))
        {
            row.Emit(page, x, y);
            y += row.Height;
        }
    }
}

sealed class PictureBox(SKImage image, float x, float width, float height) : Box
{
    public override float Height => height;
    public override void Emit(List<Mark> page, float left, float y) => page.Add(new Picture(image, SKRect.Create(left + x, y, width, height)));
}

sealed class RuleBox(float x, float width) : Box
{
    const float Gap = 3;
    public override float Height => Gap * 2;
    public override void Emit(List<Mark> page, float left, float y) => page.Add(new Stroke(left + x, y + Gap, left + x + width, y + Gap, 0.6f));
}

sealed class SpaceBox(float height) : Box
{
    public override float Height => height;
    public override void Emit(List<Mark> page, float x, float y) { }
}

sealed class BreakBox : Box
{
    public override float Height => 0;
    public override void Emit(List<Mark> page, float x, float y) { }
}

/// <summary>Content at a fixed spot of the page: wherever the flow is, it draws at its own coordinates.</summary>
sealed class PlacedBox(Box content, float x, float y) : Box
{
    public override float Height => 0;
    public override void Emit(List<Mark> page, float left, float top) => content.Emit(page, x, y);
}

sealed class DrawingBox(List<Vector> paths) : Box
{
    public override float Height => 0;
    public override void Emit(List<Mark> page, float left, float top) => page.AddRange(paths);
}
