using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Emulation.Documents.Layout;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Emulation.Documents.Docx.DocxRenderer;

namespace Emulation.Documents.Docx;

/// <summary>Blocks as Word body elements. A layout row becomes a borderless one-row table; a table's header row is
/// marked to repeat on every page and rows are kept whole, as the PDF does. A run or paragraph states only what differs
/// from the document's defaults (font, size, no spacing, left aligned): a report's table of 5,000 rows is then a third of
/// the XML to build and compress.</summary>
sealed class DocxBlocks(TextStyle pageStyle, double defaultSize, DocxImages images)
{
    public IEnumerable<OpenXmlElement> Write(List<Block> blocks, double widthMm, OpenXmlPart owner) =>
        blocks.SelectMany(b => Write(b, widthMm, owner)).ToList();

    IEnumerable<OpenXmlElement> Write(Block block, double widthMm, OpenXmlPart owner) => block switch
    {
        Paragraph p => [Paragraph(p)],
        Table t => [Table(t.Columns, t.Header.Count == 0 ? null : t.Header, t.Rows, t.Borders, widthMm, owner)],
        Row r => [Table(r.Items.Select(i => i.Width).ToList(), null, [r.Items.Select(i => i.Cell).ToList()], false, widthMm, owner)],
        Image i => [new W.Paragraph(new W.ParagraphProperties(Align(i.Align)), new W.Run(images.Add(owner, i.Bytes, Math.Min(i.WidthMm, widthMm))))],
        Rule r => [Rule(r, widthMm)],
        Space s => [new W.Paragraph(new W.ParagraphProperties(new W.SpacingBetweenLines
            { Line = Twips(s.HeightMm).ToString(CultureInfo.InvariantCulture), LineRule = W.LineSpacingRuleValues.Exact }))],
        PageBreak => [new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page }))],
        _ => []
    };

    W.Paragraph Paragraph(Paragraph p)
    {
        var properties = new W.ParagraphProperties();
        var line = (int)Math.Round(240 * p.LineHeight);
        if (p.SpaceBefore != 0 || p.SpaceAfter != 0 || line != 240)
            properties.Append(new W.SpacingBetweenLines
            {
                Before = Twentieths(p.SpaceBefore), After = Twentieths(p.SpaceAfter),
                Line = line.ToString(CultureInfo.InvariantCulture), LineRule = W.LineSpacingRuleValues.Auto
            });
        if (p.FirstLineIndentMm > 0) properties.Append(new W.Indentation { FirstLine = Twips(p.FirstLineIndentMm).ToString(CultureInfo.InvariantCulture) });
        if (p.Align != TextAlign.Left) properties.Append(Align(p.Align));
        var paragraph = properties.HasChildren ? new W.Paragraph(properties) : new W.Paragraph();
        var baseStyle = p.Style.Over(pageStyle);
        foreach (var span in p.Spans)
        {
            var style = span.Style.Over(baseStyle);
            paragraph.Append(span.Kind switch
            {
                SpanKind.PageNumber => [Field(" PAGE ", style)],
                SpanKind.TotalPages => [Field(" NUMPAGES ", style)],
                _ => Runs(span.Text, style)
            });
        }
        return paragraph;
    }

    W.SimpleField Field(string instruction, TextStyle style) => new(Run("1", style)) { Instruction = instruction };

    IEnumerable<OpenXmlElement> Runs(string text, TextStyle style)
    {
        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                var lineBreak = WithProperties(new W.Run(), style);
                lineBreak.Append(new W.Break());
                yield return lineBreak;
            }
            if (lines[i].Length > 0) yield return Run(lines[i], style);
        }
    }

    W.Run Run(string text, TextStyle style)
    {
        var run = WithProperties(new W.Run(), style);
        run.Append(new W.Text(Printable(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    static string Printable(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && !text.Contains('\u007f') && text.AsSpan().IndexOfAnyInRange('\u0080', '\u009f') < 0
            ? text
            : new string(text.Where(c => c == '\t' || !char.IsControl(c)).ToArray());

    /// <summary>The run's properties, when it has any: the fonts are the document's defaults and the size is written
    /// only when it is not the default size.</summary>
    W.Run WithProperties(W.Run run, TextStyle style)
    {
        var size = style.Size ?? 13;
        if (style.Bold != true && style.Italic != true && style.Underline != true && size == defaultSize) return run;
        var properties = new W.RunProperties();
        if (style.Bold == true) properties.Append(new W.Bold(), new W.BoldComplexScript());
        if (style.Italic == true) properties.Append(new W.Italic(), new W.ItalicComplexScript());
        if (size != defaultSize) properties.Append(new W.FontSize { Val = HalfPoints(size) }, new W.FontSizeComplexScript { Val = HalfPoints(size) });
        if (style.Underline == true) properties.Append(new W.Underline { Val = W.UnderlineValues.Single });
        run.Append(properties);
        return run;
    }

    /// <summary>A block written straight into the part: a table row by row, so a table of thousands of rows is never
    /// held whole as elements (a report's list of outstanding models renders in about half the time).</summary>
    public void WriteTo(OpenXmlWriter writer, Block block, double widthMm, OpenXmlPart owner)
    {
        if (block is not Table t)
        {
            foreach (var element in Write(block, widthMm, owner)) writer.WriteElement(element);
            return;
        }
        var (properties, grid, widths, pad) = TableFrame(t.Columns, t.Borders, widthMm);
        writer.WriteStartElement(new W.Table());
        writer.WriteElement(properties);
        writer.WriteElement(grid);
        if (t.Header.Count > 0) writer.WriteElement(TableRow(t.Header, widths, true, pad, owner));
        foreach (var row in t.Rows) writer.WriteElement(TableRow(row, widths, false, pad, owner));
        writer.WriteEndElement();
    }

    W.Table Table(List<ColumnWidth> columns, List<Cell>? header, IEnumerable<List<Cell>> rows, bool borders, double widthMm, OpenXmlPart owner)
    {
        var (properties, grid, widths, pad) = TableFrame(columns, borders, widthMm);
        var table = new W.Table(properties, grid);
        if (header is not null) table.Append(TableRow(header, widths, true, pad, owner));
        foreach (var row in rows) table.Append(TableRow(row, widths, false, pad, owner));
        return table;
    }

    static (W.TableProperties Properties, W.TableGrid Grid, double[] Widths, double PadMm) TableFrame(List<ColumnWidth> columns, bool borders, double widthMm)
    {
        var widths = Widths.Resolve(columns, widthMm);
        var border = borders ? W.BorderValues.Single : W.BorderValues.Nil;
        var (padX, padY) = borders ? (Twips(1.5), Twips(0.8)) : (0, 0);
        var properties = new W.TableProperties(
            new W.TableWidth { Width = Twips(widths.Sum()).ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
            new W.TableBorders(
                new W.TopBorder { Val = border, Size = 4 }, new W.LeftBorder { Val = border, Size = 4 },
                new W.BottomBorder { Val = border, Size = 4 }, new W.RightBorder { Val = border, Size = 4 },
                new W.InsideHorizontalBorder { Val = border, Size = 4 }, new W.InsideVerticalBorder { Val = border, Size = 4 }),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(
                new W.TopMargin { Width = padY.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellLeftMargin { Width = (short)padX, Type = W.TableWidthValues.Dxa },
                new W.BottomMargin { Width = padY.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellRightMargin { Width = (short)padX, Type = W.TableWidthValues.Dxa }));
        var grid = new W.TableGrid(widths.Select(w => new W.GridColumn { Width = Twips(w).ToString(CultureInfo.InvariantCulture) }));
        return (properties, grid, widths, borders ? 3 : 0);
    }

    W.TableRow TableRow(List<Cell> cells, double[] widths, bool header, double padMm, OpenXmlPart owner)
    {
        var properties = new W.TableRowProperties(new W.CantSplit());
        if (header) properties.Append(new W.TableHeader());
        var row = new W.TableRow(properties);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth
                { Width = Twips(widths[i]).ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa }));
            cell.Append(Write(cells[i].Content, Math.Max(1, widths[i] - padMm), owner));
            // Word refuses a cell that does not end with a paragraph.
            if (cell.LastChild is not W.Paragraph) cell.Append(new W.Paragraph());
            row.Append(cell);
        }
        return row;
    }

    static W.Paragraph Rule(Rule rule, double widthMm)
    {
        var side = Twips(Math.Max(0, (widthMm - rule.WidthMm) / 2)).ToString(CultureInfo.InvariantCulture);
        return new W.Paragraph(new W.ParagraphProperties(
            new W.ParagraphBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 6, Space = 1 }),
            new W.SpacingBetweenLines { Line = "120", LineRule = W.LineSpacingRuleValues.Exact, After = "60" },
            new W.Indentation { Left = side, Right = side }));
    }

    static W.Justification Align(TextAlign align) => new()
    {
        Val = align switch
        {
            TextAlign.Center => W.JustificationValues.Center,
            TextAlign.Right => W.JustificationValues.Right,
            TextAlign.Justify => W.JustificationValues.Both,
            _ => W.JustificationValues.Left
        }
    };

    static string Twentieths(double points) => ((int)Math.Round(points * 20)).ToString(CultureInfo.InvariantCulture);
}
