using DocumentFormat.OpenXml.Packaging;
using Emulation.Documents.Administrative;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.UnitTests.Documents;

public sealed class AdministrativeDocumentTests
{
    const double Mm = 72 / 25.4;

    [Theory]
    [InlineData(2026, 11, 23, "Hà Nội, ngày 23 tháng 11 năm 2026")]
    [InlineData(2026, 1, 5, "Hà Nội, ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 3, 9, "Hà Nội, ngày 09 tháng 3 năm 2026")]
    public void Place_and_date_pad_days_below_ten_and_the_first_two_months(int y, int m, int d, string expected) =>
        Assert.Equal(expected, AdministrativeFrame.PlaceAndDate("Hà Nội", new DateOnly(y, m, d)));

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "ỦY BAN NHÂN DÂN|TỈNH CÀ MAU")]
    [InlineData("ỦY BAN NHÂN DÂN THỊ XÃ GIÁ RAI", "ỦY BAN NHÂN DÂN|THỊ XÃ GIÁ RAI")]
    [InlineData("ỦY BAN NHÂN DÂN XÃ KHÁNH HỘI", "ỦY BAN NHÂN DÂN|XÃ KHÁNH HỘI")]
    [InlineData("BAN DÂN VẬN TỈNH ỦY CÀ MAU", "BAN DÂN VẬN|TỈNH ỦY CÀ MAU")]
    [InlineData("BAN DÂN VẬN TỈNH ỦY", "BAN DÂN VẬN TỈNH ỦY")]
    [InlineData("HỘI ĐỒNG THI ĐUA KHEN THƯỞNG", "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG")]
    public void A_long_issuers_name_breaks_before_its_place_so_the_place_stays_whole(string name, string expected) =>
        Assert.Equal(expected.Split('|'), AdministrativeFrame.IssuerLines(name));

    [Fact]
    public void A_decision_of_the_provincial_committee_names_it_on_two_lines_with_the_province_whole()
    {
        var minutes = Samples.Minutes(3) with { Issuer = new Issuer(null, "Ủy ban nhân dân tỉnh Cà Mau", "125/QĐ-UBND", "Cà Mau", new DateOnly(2026, 11, 20)) };
        var lines = PdfText.Read(minutes.ToPdf())[0].Lines.Select(l => l.Text).ToList();
        Assert.Contains(lines, l => l.StartsWith("ỦY BAN NHÂN DÂN ") && l.EndsWith(AdministrativeFrame.Nation));
        Assert.Contains(lines, l => l.StartsWith("TỈNH CÀ MAU"));
        Assert.DoesNotContain(lines, l => l.StartsWith("MAU"));
    }

    [Fact]
    public void The_minutes_pdf_carries_the_national_heading_and_every_name_exactly()
    {
        var minutes = Samples.Minutes(40);
        var pdf = minutes.ToPdf();
        var pages = PdfText.Read(pdf);
        var lines = pages.SelectMany(p => p.Lines).Select(l => l.Text).ToList();

        Assert.All(pages, p => { Assert.InRange(p.Width, 594.3, 596.3); Assert.InRange(p.Height, 840.9, 842.9); });
        Assert.Contains(lines, l => l.EndsWith(AdministrativeFrame.Nation));
        Assert.Contains(lines, l => l.Contains(AdministrativeFrame.Motto));
        Assert.Contains(lines, l => l.StartsWith("Số: 12/BB-BDV") && l.EndsWith("Hà Nội, ngày 23 tháng 11 năm 2026"));
        Assert.Contains("BIÊN BẢN", lines);
        Assert.Contains(minutes.Summary, lines);
        foreach (var p in minutes.Participants) Assert.Contains($"- {p.Name}, {p.Position};", lines);
        Assert.Contains(lines, l => l.Contains("THƯ KÝ") && l.Contains("CHỦ TRÌ"));
        Assert.Contains(lines, l => l.Contains("Trần Văn Đức") && l.EndsWith("Nguyễn Thị Hoa"));
        // Decree 30: the page number in Arabic digits, centred in the top margin (20 mm), from the second page on.
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.DoesNotContain(pages[0].Lines, l => l.Text == "1");
        for (var k = 2; k <= pages.Count; k++)
        {
            var number = pages[k - 1].Lines[0];
            Assert.Equal($"{k}", number.Text);
            Assert.InRange(pages[k - 1].Height - number.Baseline, 10 * Mm, 20 * Mm);
            Assert.InRange((number.Left + number.Right) / 2, (30 + 165 / 2.0 - 2) * Mm, (30 + 165 / 2.0 + 2) * Mm);
            Assert.True(pages[k - 1].Height - pages[k - 1].Lines[1].Baseline > 20 * Mm, "the content starts below the top margin");
        }

        // The results table: 30 mm margin, then STT 12 mm, the model's name over 35 mm, the unit over 23.3 mm.
        var names = PdfColumns.Between(pdf, 42 * Mm, 77 * Mm);
        var units = PdfColumns.Between(pdf, 77 * Mm, 100.3 * Mm);
        foreach (var r in minutes.Results)
        {
            Assert.Contains(r.ModelName, names);
            Assert.Contains(r.Unit, units);
        }
    }

    [Fact]
    public void The_minutes_of_a_500_row_meeting_repeat_the_table_header_on_every_page_of_the_table()
    {
        var pdf = Samples.Minutes(500).ToPdf();
        var pages = PdfText.Read(pdf).ToList();
        var firstRow = pages.FindIndex(p => p.Lines.Any(l => l.Text.StartsWith("1 Tổ tự quản")));
        var lastRow = pages.FindIndex(p => p.Lines.Any(l => l.Text.StartsWith("500 ")));
        Assert.True(lastRow - firstRow >= 5, $"rows from page {firstRow + 1} to {lastRow + 1}");
        for (var i = firstRow; i <= lastRow; i++)
            Assert.Single(pages[i].Lines, l => l.Text.StartsWith("STT Tên mô hình Đơn vị"));
        var numbers = PdfColumns.Between(pdf, 30 * Mm, 42 * Mm).Split(' ').Where(t => int.TryParse(t, out _)).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(1, 500), numbers);
    }

    [Fact]
    public void The_minutes_docx_opens_with_a4_margins_a_repeated_header_row_page_fields_and_the_names()
    {
        var minutes = Samples.Minutes(30);
        using var word = WordprocessingDocument.Open(new MemoryStream(minutes.ToDocx()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var main = word.MainDocumentPart!;
        var body = main.Document!.Body!;
        var section = body.Elements<W.SectionProperties>().Single();
        var size = section.GetFirstChild<W.PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        var margin = section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal(1134, margin.Top!.Value);
        Assert.Equal(1134, margin.Bottom!.Value);
        Assert.Equal(1701u, margin.Left!.Value);
        Assert.Equal(850u, margin.Right!.Value);

        var results = body.Elements<W.Table>().Single(t => t.InnerText.Contains("Điểm trung bình"));
        var rows = results.Elements<W.TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<W.TableHeader>()));
        Assert.Equal(31, rows.Count);
        Assert.Equal(["1", minutes.Results[0].ModelName, minutes.Results[0].Unit, "Văn hóa - xã hội", "61,25", "Công nhận", "9", "8", "1"],
            rows[1].Elements<W.TableCell>().Select(c => c.InnerText));

        var paragraphs = body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(AdministrativeFrame.Nation, paragraphs);
        Assert.Contains(AdministrativeFrame.Motto, paragraphs);
        Assert.Contains("Hà Nội, ngày 23 tháng 11 năm 2026", paragraphs);
        foreach (var p in minutes.Participants) Assert.Contains($"- {p.Name}, {p.Position};", paragraphs);
        foreach (var r in minutes.Results) Assert.Contains(r.ModelName, paragraphs);
        Assert.Contains("Nguyễn Thị Hoa", paragraphs);
        // Times New Roman is the document's default font; no run names another.
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<W.RunFonts>().Single();
        Assert.Equal(("Times New Roman", "Times New Roman"), (defaults.Ascii?.Value, defaults.HighAnsi?.Value));
        Assert.All(body.Descendants<W.RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii?.Value));

        // The page number in the header from the second page on: Word's "different first page", its header empty.
        Assert.NotNull(section.GetFirstChild<W.TitlePage>());
        var headers = section.Elements<W.HeaderReference>().ToDictionary(r => r.Type!.Value, r => ((HeaderPart)main.GetPartById(r.Id!)).Header!);
        Assert.Equal([" PAGE "], headers[W.HeaderFooterValues.Default].Descendants<W.SimpleField>().Select(f => f.Instruction!.Value));
        Assert.Equal(W.JustificationValues.Center, headers[W.HeaderFooterValues.Default].Descendants<W.Justification>().Single().Val!.Value);
        Assert.Empty(headers[W.HeaderFooterValues.First].Descendants<W.SimpleField>());
        Assert.Empty(main.FooterParts);
    }

    [Fact]
    public void The_commendation_proposal_lists_each_level_in_pdf_word_and_a_spreadsheet()
    {
        var proposal = Samples.Proposal();
        var lines = PdfText.Read(proposal.ToPdf()).SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        Assert.Contains("DANH SÁCH", lines);
        Assert.Contains("I. Bằng khen của Ban Dân vận Trung ương (1 mô hình)", lines);
        Assert.Contains("II. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (12 mô hình)", lines);
        Assert.Contains("III. Giấy khen của Ủy ban nhân dân huyện (1 mô hình)", lines);
        Assert.Contains(lines, l => l.StartsWith("Nơi nhận:"));
        Assert.Contains(lines, l => l.EndsWith("TM. BAN THƯỜNG VỤ"));
        Assert.Contains(lines, l => l.EndsWith("Nguyễn Thị Hoa"));
        Assert.Contains("Tổng cộng: 14 mô hình được đề nghị khen thưởng, trong đó:", lines);
        Assert.Contains(lines, l => l.EndsWith("- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 12 mô hình;"));

        using var word = WordprocessingDocument.Open(new MemoryStream(proposal.ToDocx()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Where(t => t.InnerText.Contains("Thành tích tiêu biểu")).ToList();
        Assert.Equal([2, 13, 2], tables.Select(t => t.Elements<W.TableRow>().Count()));
        Assert.Contains("Phong trào Tổ quốc ghi công của Nguyễn Thị Hoa", tables[2].Descendants<W.TableCell>().Select(c => c.InnerText));

        using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(proposal.ToXlsx()), false);
        var strings = sheet.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Select(s => s.InnerText).ToList() ?? [];
        var cells = sheet.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString
                ? strings[int.Parse(c.InnerText)] : c.InnerText).ToList()).ToList();
        Assert.Equal(15 + 3 + 1, cells.Count);
        Assert.Equal(["Hình thức khen thưởng", "STT", "Tên mô hình", "Đơn vị", "Lĩnh vực", "Điểm trung bình", "Thành tích"], cells[0]);
        Assert.Equal(["Bằng khen của Ban Dân vận Trung ương", "1", Samples.ModelName(0), Samples.UnitName(0), "Kinh tế", "95.5", "Thu nhập hộ tham gia tăng 30 %."], cells[1]);
        Assert.Equal("Giấy khen của Ủy ban nhân dân huyện", cells[14][0]);
        Assert.Equal(["Cộng: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "12"], cells[16].Take(2));
        Assert.Equal(["Tổng cộng", "14"], cells[18].Take(2));
    }
}
