using Emulation.Documents.Layout;
using SkiaSharp;

namespace Emulation.Documents.Pdf;

/// <summary>Flows one page set's content down its pages: paragraphs break between lines, tables between rows with
/// the header row repeated, everything else moves whole to the next page when it does not fit.</summary>
sealed class Paginator(PageSetup setup, Faces faces, Dictionary<byte[], SKImage> images)
{
    const float Mm = (float)Widths.PointsPerMm;
    const float HeaderGap = 4 * Mm;
    // A drawing placed on many pages (a certificate's frame) is converted once, for as long as it lives.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Drawing, List<Vector>> Converted = new();
    readonly List<List<Mark>> _pages = [];
    List<Mark> _page = [];
    float _y, _top, _bottom, _left, _width;

    public List<List<Mark>> Run()
    {
        _left = (float)setup.MarginLeftMm * Mm;
        _width = (float)setup.ContentWidthMm * Mm;
        // Header and footer sit inside the margins, halfway in (as Word places them, and as Decree 30 puts the page
        // number in the top margin); the content gives way only to one taller than that. They are measured with sample
        // numbers: their height does not depend on the digits.
        var header = Stack(setup.Header, _width, (1, 1));
        var footer = Stack(setup.Footer, _width, (1, 1));
        _top = Math.Max((float)setup.MarginTopMm * Mm, HeaderTop(setup) + (header.Height > 0 ? header.Height + HeaderGap : 0));
        _bottom = Math.Min((float)(setup.Size.HeightMm - setup.MarginBottomMm) * Mm,
            FooterBottom(setup) - (footer.Height > 0 ? footer.Height + HeaderGap : 0));
        NewPage();
        foreach (var block in setup.Content) Place(block);
        return _pages;
    }

    public static void AddHeaderAndFooter(PageSetup setup, List<Mark> page, int number, int total, Faces faces, Dictionary<byte[], SKImage> images)
    {
        var paginator = new Paginator(setup, faces, images);
        var width = (float)setup.ContentWidthMm * Mm;
        var left = (float)setup.MarginLeftMm * Mm;
        List<Block> Shown(List<Block> blocks) => number == 1 ? blocks.Where(b => !b.SkipOnce).ToList() : blocks;
        paginator.Stack(Shown(setup.Header), width, (number, total)).Emit(page, left, HeaderTop(setup));
        var footer = paginator.Stack(Shown(setup.Footer), width, (number, total));
        footer.Emit(page, left, FooterBottom(setup) - footer.Height);
    }

    static float HeaderTop(PageSetup setup) => (float)setup.MarginTopMm / 2 * Mm;
    static float FooterBottom(PageSetup setup) => (float)(setup.Size.HeightMm - setup.MarginBottomMm / 2) * Mm;

    void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = _top;
    }

    bool AtTop => _y <= _top + 0.01f;
    float Room => _bottom - _y;

    void Place(Block block)
    {
        switch (block)
        {
            case PageBreak:
                NewPage();
                break;
            case Paragraph p:
                var box = (ParagraphBox)Layout(p, _width, (0, 0));
                if (!AtTop) _y += box.Before;
                foreach (var line in box.Lines)
                {
                    if (line.Height > Room && !AtTop) NewPage();
                    box.EmitLine(_page, line, _left, _y);
                    _y += line.Height;
                }
                _y += box.After;
                break;
            case Table t:
                var table = (TableBox)Layout(t, _width, (0, 0));
                var headerHeight = table.Header?.Height ?? 0;
                var first = true;
                foreach (var row in table.Rows)
                {
                    var need = row.Height + (first ? headerHeight : 0);
                    if (need > Room && !AtTop) { NewPage(); first = true; }
                    if (first && table.Header is not null)
                    {
                        table.Header.Emit(_page, _left, _y);
                        _y += headerHeight;
                    }
                    row.Emit(_page, _left, _y);
                    _y += row.Height;
                    first = false;
                }
                if (table.Rows.Count == 0 && table.Header is not null)
                {
                    if (headerHeight > Room && !AtTop) NewPage();
                    table.Header.Emit(_page, _left, _y);
                    _y += headerHeight;
                }
                break;
            default:
                var whole = Layout(block, _width, (0, 0));
                if (whole.Height > Room && !AtTop) NewPage();
                if (block is Space && AtTop) break;
                whole.Emit(_page, _left, _y);
                _y += whole.Height;
                break;
        }
    }

    Box Stack(List<Block> blocks, float width, (int, int) numbers) => new StackBox(blocks.Select(b => Layout(b, width, numbers)).ToList());

    Box Layout(Block block, float width, (int, int) numbers)
    {
        switch (block)
        {
            case Paragraph { FitLines: > 0 } p:
                var scale = 1f;
                var fitted = TextLayout.Lines(p, setup.DefaultStyle, width, faces, numbers);
                var size = (float)(p.Style.Over(setup.DefaultStyle).Size ?? 13);
                while (fitted.Count > p.FitLines && size * (scale - 0.03f) >= p.FitMinSize)
                {
                    scale -= 0.03f;
                    fitted = TextLayout.Lines(p, setup.DefaultStyle, width, faces, numbers, scale);
                }
                return new ParagraphBox(fitted, p.Align, width, (float)p.SpaceBefore, (float)p.SpaceAfter, faces);
            case Paragraph p:
                return new ParagraphBox(TextLayout.Lines(p, setup.DefaultStyle, width, faces, numbers), p.Align, width, (float)p.SpaceBefore, (float)p.SpaceAfter, faces);
            case Placed placed:
                return new PlacedBox(Stack(placed.Content, (float)placed.WidthMm * Mm, numbers), (float)placed.XMm * Mm, (float)placed.YMm * Mm);
            case Drawing drawing:
                return new DrawingBox(Converted.GetValue(drawing, static d => d.Paths.Select(p =>
                {
                    var (path, rectangles) = PdfPath.ToPoints(p.Path, p.StrokeMm <= 0);
                    return new Vector(path, rectangles, SKColor.TryParse(p.Color, out var c) ? c : SKColors.Black, (float)p.StrokeMm * Mm);
                }).ToList()));
            case Table t:
                var widths = Widths.Resolve(t.Columns, width / Mm).Select(w => (float)w * Mm).ToArray();
                return new TableBox(t.Header.Count == 0 ? null : Cells(t.Header, widths, t.Borders, numbers), t.Rows.Select(r => Cells(r, widths, t.Borders, numbers)).ToList());
            case Row r:
                var itemWidths = Widths.Resolve(r.Items.Select(i => i.Width).ToList(), width / Mm).Select(w => (float)w * Mm).ToArray();
                return Cells(r.Items.Select(i => i.Cell).ToList(), itemWidths, false, numbers);
            case Image i:
                var image = Picture(i.Bytes);
                var w = Math.Min((float)i.WidthMm * Mm, width);
                var x = i.Align switch { TextAlign.Center => (width - w) / 2, TextAlign.Right => width - w, _ => 0 };
                return new PictureBox(image, x, w, w * image.Height / image.Width);
            case Rule rule:
                var rw = Math.Min((float)rule.WidthMm * Mm, width);
                return new RuleBox((width - rw) / 2, rw);
            case Space s:
                return new SpaceBox((float)s.HeightMm * Mm);
            default:
                return new BreakBox();
        }
    }

    RowBox Cells(List<Cell> cells, float[] widths, bool borders, (int, int) numbers)
    {
        var (padX, padY) = borders ? (1.5f * Mm, 0.8f * Mm) : (0, 0);
        var x = 0f;
        var laid = new List<(float, float, Box)>();
        for (var i = 0; i < cells.Count; i++)
        {
            laid.Add((x, widths[i], Stack(cells[i].Content, Math.Max(1, widths[i] - 2 * padX), numbers)));
            x += widths[i];
        }
        return new RowBox(laid, padX, padY, borders);
    }

    SKImage Picture(byte[] bytes)
    {
        lock (images)
        {
            if (images.TryGetValue(bytes, out var image)) return image;
            image = SKImage.FromEncodedData(bytes) ?? throw new ArgumentException("The image is neither PNG nor JPEG, or is damaged.");
            return images[bytes] = image;
        }
    }
}
