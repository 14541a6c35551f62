using Emulation.Documents.Docx;
using Emulation.Documents.Pdf;

namespace Emulation.Documents;

/// <summary>A document described once and rendered to PDF or to Word. The fluent shape follows QuestPDF's
/// (Document → Page → Header/Content/Footer → Text/Table/Row/Image) so that library could take over (ADR 0020).</summary>
public sealed class Document
{
    public IReadOnlyList<PageSetup> Pages { get; }
    public string Title { get; }

    Document(IReadOnlyList<PageSetup> pages, string title) { Pages = pages; Title = title; }

    public static Document Create(Action<DocumentDescriptor> build)
    {
        var descriptor = new DocumentDescriptor();
        build(descriptor);
        if (descriptor.Pages.Count == 0) throw new ArgumentException("A document needs at least one page.", nameof(build));
        return new Document(descriptor.Pages, descriptor.DocumentTitle);
    }

    public byte[] GeneratePdf() => PdfRenderer.Render(this);

    public byte[] GenerateDocx() => DocxRenderer.Render(this);
}

public sealed class DocumentDescriptor
{
    internal List<PageSetup> Pages { get; } = [];
    internal string DocumentTitle { get; private set; } = "";

    public DocumentDescriptor Title(string title) { DocumentTitle = title; return this; }

    /// <summary>A run of pages sharing size, margins, header and footer (a section in Word).</summary>
    public void Page(Action<PageDescriptor> build)
    {
        var page = new PageSetup();
        build(new PageDescriptor(page));
        Pages.Add(page);
    }
}

public sealed class PageDescriptor(PageSetup page)
{
    public PageDescriptor Size(PageSize size) { page.Size = size; return this; }
    public PageDescriptor Margin(double mm) => MarginVertical(mm).MarginHorizontal(mm);
    public PageDescriptor MarginVertical(double mm) => MarginTop(mm).MarginBottom(mm);
    public PageDescriptor MarginHorizontal(double mm) => MarginLeft(mm).MarginRight(mm);
    public PageDescriptor MarginTop(double mm) { page.MarginTopMm = mm; return this; }
    public PageDescriptor MarginBottom(double mm) { page.MarginBottomMm = mm; return this; }
    public PageDescriptor MarginLeft(double mm) { page.MarginLeftMm = mm; return this; }
    public PageDescriptor MarginRight(double mm) { page.MarginRightMm = mm; return this; }
    public PageDescriptor DefaultTextStyle(TextStyle style) { page.DefaultStyle = style.Over(TextStyle.Default); return this; }
    public ColumnDescriptor Header() => new(page.Header);
    public ColumnDescriptor Content() => new(page.Content);
    public ColumnDescriptor Footer() => new(page.Footer);
}

/// <summary>Blocks stacked top to bottom: a page's content, header or footer, a table cell, a row item.</summary>
public sealed class ColumnDescriptor(List<Block> blocks, bool skipOnce = false)
{
    /// <summary>What is added through the returned descriptor is left out the first time it would be drawn (the first
    /// page's header or footer), as QuestPDF's <c>SkipOnce</c>.</summary>
    public ColumnDescriptor SkipOnce() => new(blocks, true);

    T Add<T>(T block) where T : Block
    {
        block.SkipOnce = skipOnce;
        blocks.Add(block);
        return block;
    }

    public TextDescriptor Text(string text)
    {
        var descriptor = Text();
        descriptor.Span(text);
        return descriptor;
    }

    public void Text(Action<TextDescriptor> build) => build(Text());

    TextDescriptor Text()
    {
        var paragraph = new Paragraph();
        Add(paragraph);
        return new TextDescriptor(paragraph);
    }

    public void Table(Action<TableDescriptor> build)
    {
        var table = new Table();
        build(new TableDescriptor(table));
        if (table.Columns.Count == 0) throw new ArgumentException("A table needs its columns defined.", nameof(build));
        if (table.Header.Count is not 0 && table.Header.Count != table.Columns.Count)
            throw new ArgumentException("The header row needs one cell per column.", nameof(build));
        while (table.Cells.Count % table.Columns.Count != 0) table.Cells.Add(new Cell());
        Add(table);
    }

    public void Row(Action<RowDescriptor> build)
    {
        var row = new Row();
        build(new RowDescriptor(row));
        Add(row);
    }

    /// <summary>PNG or JPEG bytes, scaled to the width; the height follows the picture's proportions.</summary>
    public void Image(byte[] bytes, double widthMm, TextAlign align = TextAlign.Center) => Add(new Image(bytes, widthMm, align));
    public void Rule(double widthMm) => Add(new Rule(widthMm));

    /// <summary>Content at a fixed spot, from the paper's top-left corner, not taking room in the flow.</summary>
    public void Placed(double xMm, double yMm, double widthMm, Action<ColumnDescriptor> build)
    {
        var placed = new Placed(xMm, yMm, widthMm);
        build(new ColumnDescriptor(placed.Content));
        Add(placed);
    }

    /// <summary>Vector drawing in millimetres from the paper's top-left corner (QuestPDF's Canvas).</summary>
    public void Canvas(Action<CanvasDescriptor> build)
    {
        var drawing = new Drawing();
        build(new CanvasDescriptor(drawing));
        Add(drawing);
    }
    /// <summary>A drawing made once and placed on many pages (a certificate's frame): drawn the same, laid out once.</summary>
    internal void Canvas(Drawing drawing) => Add(drawing);

    public void Space(double heightMm) => Add(new Space(heightMm));
    public void PageBreak() => Add(new PageBreak());
}

public sealed class TextDescriptor(Paragraph paragraph)
{
    public SpanDescriptor Span(string text) => Add(new Span(text));
    public SpanDescriptor CurrentPageNumber() => Add(new Span("", SpanKind.PageNumber));
    public SpanDescriptor TotalPages() => Add(new Span("", SpanKind.TotalPages));

    SpanDescriptor Add(Span span)
    {
        paragraph.Spans.Add(span);
        return new SpanDescriptor(span);
    }

    public TextDescriptor AlignLeft() => Align(TextAlign.Left);
    public TextDescriptor AlignCenter() => Align(TextAlign.Center);
    public TextDescriptor AlignRight() => Align(TextAlign.Right);
    public TextDescriptor Justify() => Align(TextAlign.Justify);
    TextDescriptor Align(TextAlign align) { paragraph.Align = align; return this; }

    public TextDescriptor Bold(bool on = true) => Style(new(Bold: on));
    public TextDescriptor Italic(bool on = true) => Style(new(Italic: on));
    public TextDescriptor Underline(bool on = true) => Style(new(Underline: on));
    public TextDescriptor FontSize(double points) => Style(new(Size: points));
    public TextDescriptor FontColor(string hex) => Style(new(Color: hex));
    TextDescriptor Style(TextStyle style) { paragraph.Style = style.Over(paragraph.Style); return this; }

    /// <summary>Shrinks the type until the text takes at most <paramref name="lines"/> lines, down to
    /// <paramref name="minSize"/> points; below that it wraps (it never runs past its width).</summary>
    public TextDescriptor ShrinkToFit(int lines, double minSize) { paragraph.FitLines = lines; paragraph.FitMinSize = minSize; return this; }

    /// <summary>Line height as a multiple of the font size.</summary>
    public TextDescriptor LineHeight(double factor) { paragraph.LineHeight = factor; return this; }
    public TextDescriptor SpaceBefore(double points) { paragraph.SpaceBefore = points; return this; }
    public TextDescriptor SpaceAfter(double points) { paragraph.SpaceAfter = points; return this; }
    public TextDescriptor FirstLineIndent(double mm) { paragraph.FirstLineIndentMm = mm; return this; }
}

public sealed class SpanDescriptor(Span span)
{
    public SpanDescriptor Bold(bool on = true) => Style(new(Bold: on));
    public SpanDescriptor Italic(bool on = true) => Style(new(Italic: on));
    public SpanDescriptor Underline(bool on = true) => Style(new(Underline: on));
    public SpanDescriptor FontSize(double points) => Style(new(Size: points));
    public SpanDescriptor FontColor(string hex) => Style(new(Color: hex));
    SpanDescriptor Style(TextStyle style) { span.Style = style.Over(span.Style); return this; }
}

public sealed class TableDescriptor(Table table)
{
    public void ColumnsDefinition(Action<ColumnsDescriptor> build) => build(new ColumnsDescriptor(table.Columns));

    public void Header(Action<HeaderDescriptor> build) => build(new HeaderDescriptor(table.Header));

    public ColumnDescriptor Cell()
    {
        var cell = new Cell();
        table.Cells.Add(cell);
        return new ColumnDescriptor(cell.Content);
    }

    /// <summary>For layout grids; tables of data keep their borders.</summary>
    public void NoBorders() => table.Borders = false;
}

public sealed class HeaderDescriptor(List<Cell> cells)
{
    public ColumnDescriptor Cell()
    {
        var cell = new Cell();
        cells.Add(cell);
        return new ColumnDescriptor(cell.Content);
    }
}

public sealed class ColumnsDescriptor(List<ColumnWidth> columns)
{
    public void ConstantColumn(double mm) => columns.Add(new ColumnWidth(mm, false));
    public void RelativeColumn(double share = 1) => columns.Add(new ColumnWidth(share, true));
}

public sealed class RowDescriptor(Row row)
{
    public ColumnDescriptor RelativeItem(double share = 1) => Add(new ColumnWidth(share, true));
    public ColumnDescriptor ConstantItem(double mm) => Add(new ColumnWidth(mm, false));

    ColumnDescriptor Add(ColumnWidth width)
    {
        var cell = new Cell();
        row.Items.Add((width, cell));
        return new ColumnDescriptor(cell.Content);
    }
}

public sealed class CanvasDescriptor(Drawing drawing)
{
    public CanvasDescriptor Stroke(SkiaSharp.SKPath path, double widthMm, string color = "#000000")
    {
        drawing.Paths.Add(new DrawnPath(path, color, widthMm));
        return this;
    }

    public CanvasDescriptor Fill(SkiaSharp.SKPath path, string color = "#000000")
    {
        drawing.Paths.Add(new DrawnPath(path, color, 0));
        return this;
    }

    public CanvasDescriptor Line(double x1, double y1, double x2, double y2, double widthMm, string color = "#000000")
    {
        var path = new SkiaSharp.SKPath();
        path.MoveTo((float)x1, (float)y1);
        path.LineTo((float)x2, (float)y2);
        return Stroke(path, widthMm, color);
    }

    public CanvasDescriptor Rectangle(double x, double y, double width, double height, double widthMm, string color = "#000000")
    {
        var path = new SkiaSharp.SKPath();
        path.AddRect(SkiaSharp.SKRect.Create((float)x, (float)y, (float)width, (float)height));
        return Stroke(path, widthMm, color);
    }
}
