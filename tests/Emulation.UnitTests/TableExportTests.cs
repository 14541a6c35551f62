using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Table = Emulation.Kernel.Export.Table;
using Column = Emulation.Kernel.Export.Column;
using Emulation.Kernel.Export;

namespace Emulation.UnitTests;

public sealed class TableExportTests
{
    static readonly DateTimeOffset Submitted = new(2026, 3, 4, 18, 30, 0, TimeSpan.Zero);

    static Table Sample() => new Table("Sổ đăng ký mô hình, điển hình cấp tỉnh", [new Column("STT", 6), new Column("Tên", 40), new Column("Ghi chú", 30), new Column("Ngày gửi", 17), new Column("Kinh phí", 14)],
    [
        [1, "Tiết kiệm, giúp nhau", "=HYPERLINK(\"x\")", Submitted, 1_500_000m],
        [2, "Dân vận khéo <1>", "-2+3", null, 12.5m],
        [3, "@SUM(A1)", "\tnhãn", Submitted.AddDays(1), null]
    ]);

    [Fact]
    public void Csv_reads_back_with_its_quoting_and_neutralised_formulas()
    {
        var bytes = Sample().ToCsv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var rows = new List<string[]>();
        foreach (var row in csv) rows.Add(row.ToArray());

        Assert.Equal(["STT", "Tên", "Ghi chú", "Ngày gửi", "Kinh phí"], rows[0]);
        Assert.Equal(["1", "Tiết kiệm, giúp nhau", "'=HYPERLINK(\"x\")", "05/03/2026 01:30", "1500000"], rows[1]);
        Assert.Equal(["2", "Dân vận khéo <1>", "'-2+3", "", "12.5"], rows[2]);
        Assert.Equal(["3", "'@SUM(A1)", "'\tnhãn", "06/03/2026 01:30", ""], rows[3]);
    }

    [Fact]
    public void Xlsx_has_typed_numbers_and_dates_cell_references_widths_and_the_sheet_name()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Sample().ToXlsx()), false);
        var book = document.WorkbookPart!;
        Assert.Equal("Sổ đăng ký mô hình, điển hình c", book.Workbook.Descendants<Sheet>().Single().Name!.Value);

        var sheet = book.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(4 * 5, cells.Count);
        string Text(string r) => cells[r].DataType?.Value == CellValues.SharedString
            ? book.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cells[r].InnerText)).InnerText
            : cells[r].InnerText;
        Assert.Equal("Ngày gửi", Text("D1"));
        Assert.Equal("Dân vận khéo <1>", Text("B3"));
        Assert.Equal("=HYPERLINK(\"x\")", Text("C2"));
        Assert.Null(cells["C2"].CellFormula);

        foreach (var number in new[] { "A2", "E2", "E3", "D2" })
            Assert.True(cells[number].DataType is null || cells[number].DataType!.Value == CellValues.Number, number);
        Assert.Equal(1_500_000m, decimal.Parse(cells["E2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(12.5m, decimal.Parse(cells["E3"].CellValue!.Text, CultureInfo.InvariantCulture));
        var submitted = DateTime.FromOADate(double.Parse(cells["D2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 3, 5, 1, 30, 0), submitted);

        var styles = book.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cells["D2"].StyleIndex!.Value).NumberFormatId!.Value;
        var code = styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == format)?.FormatCode?.Value;
        Assert.Equal("dd/mm/yyyy hh:mm", code);

        // MiniExcel adds the cell padding (5 pixels) to the width in characters.
        var widths = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => Math.Floor(c.Width!.Value)).ToList();
        Assert.Equal([6d, 40, 30, 17, 14], widths);
    }

    [Fact]
    public void Xlsx_cells_carry_a1_references_for_readers_that_need_them()
    {
        using var zip = new ZipArchive(new MemoryStream(Sample().ToXlsx()));
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        var xml = new StreamReader(entry.Open()).ReadToEnd();
        Assert.Contains("r=\"A1\"", xml);
        Assert.Contains("r=\"E4\"", xml);
        var cells = System.Text.RegularExpressions.Regex.Matches(xml, "<(?:x:)?c ([^>]*)>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4 * 5, cells.Count);
        Assert.All(cells, c => Assert.Matches("\\br=\"[A-E][1-4]\"", c));
    }
}
