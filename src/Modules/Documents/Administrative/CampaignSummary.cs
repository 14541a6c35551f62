using System.Globalization;
using Emulation.Documents.Charts;
using ExportTable = Emulation.Kernel.Export.Table;
using ExportColumn = Emulation.Kernel.Export.Column;

namespace Emulation.Documents.Administrative;

/// <summary>A table of figures: its sheet name in the workbook, its headings with relative widths, and rows of text or
/// numbers (numbers stay numbers in the workbook). The last row is the total when <paramref name="TotalRow"/>.</summary>
public sealed record FigureTable(string Sheet, string Title, IReadOnlyList<(string Header, double Width)> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows, bool TotalRow = false);

/// <summary>A numbered part of the report: paragraphs (officials edit them in Word), then tables and a chart.</summary>
public sealed record SummarySection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<FigureTable> Tables, BarChart? Chart = null);

/// <summary>A sơ kết / tổng kết report (báo cáo) from plain values: the figures in the Decree 30 frame, as PDF and as Word
/// for the officials to write their prose around, and the same tables as a workbook with one sheet per table.</summary>
public sealed record CampaignSummary(Issuer Issuer, string Summary, IReadOnlyList<string> Introduction, IReadOnlyList<SummarySection> Sections,
    Signature Signature, IReadOnlyList<string> Recipients)
{
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");

    public Document ToDocument() => Document.Create(d => AdministrativeFrame.Page(d, Issuer, "Báo cáo", Summary, Body, [Signature], Recipients));

    public byte[] ToPdf() => ToDocument().GeneratePdf();

    public byte[] ToDocx() => ToDocument().GenerateDocx();

    public byte[] ToXlsx() => ExportTable.Workbook(Sections.SelectMany(s => s.Tables).Select(t =>
        new ExportTable(t.Sheet, t.Columns.Select(c => new ExportColumn(c.Header, Math.Clamp(c.Width * 8, 8, 60))).ToList(), t.Rows)).ToList());

    void Body(ColumnDescriptor c)
    {
        foreach (var p in Introduction) AdministrativeFrame.Paragraph(c, p);
        foreach (var section in Sections)
        {
            AdministrativeFrame.Section(c, section.Heading);
            foreach (var p in section.Paragraphs) AdministrativeFrame.Paragraph(c, p);
            foreach (var table in section.Tables) Figures(c, table);
            if (section.Chart is { Bars.Count: > 0 } chart)
            {
                c.Image(chart.ToPng(), 150);
                c.Text(chart.Title).Italic().FontSize(11).AlignCenter().SpaceAfter(6);
            }
        }
    }

    static void Figures(ColumnDescriptor c, FigureTable table)
    {
        c.Text(table.Title).Italic().FontSize(12).SpaceBefore(3).SpaceAfter(3);
        c.Table(t =>
        {
            t.ColumnsDefinition(x => { foreach (var col in table.Columns) x.RelativeColumn(col.Width); });
            t.Header(h => { foreach (var col in table.Columns) h.Cell().Text(col.Header).Bold().FontSize(11).AlignCenter().LineHeight(1.05); });
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var total = table.TotalRow && r == table.Rows.Count - 1;
                foreach (var cell in table.Rows[r])
                {
                    var (text, align) = cell switch
                    {
                        int n => (n.ToString("N0", Vietnam), TextAlign.Right),
                        decimal d => (d.ToString("N1", Vietnam), TextAlign.Right),
                        DateOnly day => (day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), TextAlign.Center),
                        null => ("", TextAlign.Left),
                        _ => (cell.ToString() ?? "", TextAlign.Left)
                    };
                    var paragraph = t.Cell().Text(text).FontSize(11).LineHeight(1.05);
                    paragraph = align switch { TextAlign.Right => paragraph.AlignRight(), TextAlign.Center => paragraph.AlignCenter(), _ => paragraph.AlignLeft() };
                    if (total) paragraph.Bold();
                }
            }
        });
        c.Space(2);
    }
}
