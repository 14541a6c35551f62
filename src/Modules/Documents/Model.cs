namespace Emulation.Documents;

/// <summary>A page size in millimetres; <see cref="Landscape"/> swaps the sides.</summary>
public sealed record PageSize(double WidthMm, double HeightMm)
{
    public PageSize Landscape() => WidthMm > HeightMm ? this : new(HeightMm, WidthMm);
    public PageSize Portrait() => WidthMm < HeightMm ? this : new(HeightMm, WidthMm);
}

public static class PageSizes
{
    public static readonly PageSize A4 = new(210, 297);
    public static readonly PageSize A3 = new(297, 420);
}

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>Unset values inherit from the paragraph, then from the page's default (Times New Roman metrics, 13 pt).</summary>
/// <param name="Color">A hex colour as QuestPDF takes it ("#C00000"); black when unset.</param>
public sealed record TextStyle(double? Size = null, bool? Bold = null, bool? Italic = null, bool? Underline = null, string? Color = null)
{
    public static readonly TextStyle Default = new(13, false, false, false, "#000000");

    public TextStyle Over(TextStyle under) =>
        new(Size ?? under.Size, Bold ?? under.Bold, Italic ?? under.Italic, Underline ?? under.Underline, Color ?? under.Color);
}

public enum SpanKind { Text, PageNumber, TotalPages }

public sealed class Span(string text, SpanKind kind = SpanKind.Text)
{
    public string Text { get; } = text;
    public SpanKind Kind { get; } = kind;
    public TextStyle Style { get; internal set; } = new();
}

public abstract class Block
{
    /// <summary>Left out the first time it would be drawn: a header's page number not shown on the first page
    /// (QuestPDF's <c>SkipOnce</c>).</summary>
    public bool SkipOnce { get; internal set; }
}

public sealed class Paragraph : Block
{
    public List<Span> Spans { get; } = [];
    public TextStyle Style { get; internal set; } = new();
    public TextAlign Align { get; internal set; } = TextAlign.Left;
    public double LineHeight { get; internal set; } = 1.15;
    /// <summary>Points, as word processors count paragraph spacing.</summary>
    public double SpaceBefore { get; internal set; }
    public double SpaceAfter { get; internal set; }
    public double FirstLineIndentMm { get; internal set; }
    /// <summary>When above zero the paragraph's type shrinks until it takes at most this many lines (a long name on a
    /// certificate), never below <see cref="FitMinSize"/> points.</summary>
    public int FitLines { get; internal set; }
    public double FitMinSize { get; internal set; }
}

/// <summary>A column width: fixed in millimetres, or a share of what the fixed ones leave.</summary>
public sealed record ColumnWidth(double Value, bool Relative);

public sealed class Cell
{
    public List<Block> Content { get; } = [];
}

public sealed class Table : Block
{
    public List<ColumnWidth> Columns { get; } = [];
    public List<Cell> Header { get; } = [];
    public List<Cell> Cells { get; } = [];
    public bool Borders { get; internal set; } = true;
    public IEnumerable<List<Cell>> Rows => Cells.Chunk(Columns.Count).Select(r => r.ToList());
}

/// <summary>Columns side by side that stay together on one page: a heading, signature blocks.</summary>
public sealed class Row : Block
{
    public List<(ColumnWidth Width, Cell Cell)> Items { get; } = [];
}

public sealed class Image(byte[] bytes, double widthMm, TextAlign align) : Block
{
    public byte[] Bytes { get; } = bytes;
    public double WidthMm { get; } = widthMm;
    public TextAlign Align { get; } = align;
}

/// <summary>A centred horizontal line, as under the issuing body's name and the national motto.</summary>
public sealed class Rule(double widthMm) : Block
{
    public double WidthMm { get; } = widthMm;
}

public sealed class Space(double heightMm) : Block
{
    public double HeightMm { get; } = heightMm;
}

public sealed class PageBreak : Block;

/// <summary>Blocks set at a fixed place on the page, measured from the paper's top-left corner and not from the
/// margins, outside the flow (QuestPDF's TranslateX/TranslateY on an unconstrained element): certificates and
/// pre-printed blanks, where every line has its own spot.</summary>
public sealed class Placed(double xMm, double yMm, double widthMm) : Block
{
    public double XMm { get; } = xMm;
    public double YMm { get; } = yMm;
    public double WidthMm { get; } = widthMm;
    public List<Block> Content { get; } = [];
}

/// <summary>Vector paths in millimetres from the paper's top-left corner, outside the flow: borders, ornaments,
/// rulers, QR codes. PDF only; the Word renderer skips them.</summary>
public sealed class Drawing : Block
{
    public List<DrawnPath> Paths { get; } = [];
}

/// <summary>A path in millimetres, stroked at <paramref name="StrokeMm"/> or filled when that is zero.</summary>
public sealed record DrawnPath(SkiaSharp.SKPath Path, string Color, double StrokeMm);

public sealed class PageSetup
{
    public PageSize Size { get; internal set; } = PageSizes.A4;
    public double MarginTopMm { get; internal set; } = 20;
    public double MarginBottomMm { get; internal set; } = 20;
    public double MarginLeftMm { get; internal set; } = 30;
    public double MarginRightMm { get; internal set; } = 15;
    public TextStyle DefaultStyle { get; internal set; } = TextStyle.Default;
    public List<Block> Header { get; } = [];
    public List<Block> Content { get; } = [];
    public List<Block> Footer { get; } = [];
    public double ContentWidthMm => Size.WidthMm - MarginLeftMm - MarginRightMm;
}
