using Emulation.Documents;
using SkiaSharp;

namespace Emulation.UnitTests.Documents;

public sealed class PdfLayoutTests
{
    const double Mm = 72 / 25.4;

    public static readonly string[] Names =
    [
        "Nguyễn Thị Hoa", "Phường Đống Đa", "Ủy ban Mặt trận Tổ quốc", "Mô hình “Dân vận khéo” xây dựng nông thôn mới",
        "Trần Văn Đức", "Lê Thị Ngọc Ánh", "Phạm Hữu Lộc", "Hoàng Thị Thúy Hằng", "Đặng Quốc Việt", "Vũ Thị Mỹ Dung",
        "Xã Ẳng Cang", "Bùi Đức Thưởng", "Ngô Thị Kiều Oanh", "Dương Văn Khỏe", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"
    ];

    [Fact]
    public void Every_vietnamese_name_reads_back_exactly_from_the_pdf()
    {
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.Content().Text("Danh sách").Bold().AlignCenter();
            foreach (var name in Names) p.Content().Text(name);
            p.Content().Text(t => { t.Span("Chữ đậm: ").Bold(); t.Span(Names[0]).Italic(); t.Span(" và ").Underline(); t.Span(Names[1]).Bold().Italic(); });
        })).GeneratePdf();

        var lines = PdfText.Read(pdf).Single().Lines.Select(l => l.Text).ToList();
        foreach (var name in Names) Assert.Contains(name, lines);
        Assert.Contains($"Chữ đậm: {Names[0]} và {Names[1]}", lines);
    }

    [Theory]
    [InlineData("A4", false, 595.28, 841.89)]
    [InlineData("A4", true, 841.89, 595.28)]
    [InlineData("A3", false, 841.89, 1190.55)]
    public void Pages_have_the_size_in_millimetres(string size, bool landscape, double width, double height)
    {
        var pageSize = size == "A4" ? PageSizes.A4 : PageSizes.A3;
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.Size(landscape ? pageSize.Landscape() : pageSize);
            p.Content().Text(Names[0]);
        })).GeneratePdf();

        var page = PdfText.Read(pdf).Single();
        Assert.InRange(page.Width, width - 1, width + 1);
        Assert.InRange(page.Height, height - 1, height + 1);
    }

    [Fact]
    public void A_long_table_breaks_between_rows_and_repeats_its_header_on_every_page()
    {
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.Content().Text("Bảng dài").Bold();
            p.Content().Table(t =>
            {
                t.ColumnsDefinition(c => { c.ConstantColumn(15); c.RelativeColumn(3); c.RelativeColumn(2); });
                t.Header(h => { h.Cell().Text("STT").Bold(); h.Cell().Text("Tên mô hình").Bold(); h.Cell().Text("Đơn vị").Bold(); });
                for (var i = 1; i <= 500; i++)
                {
                    t.Cell().Text($"{i}");
                    t.Cell().Text($"Mô hình số {i} của {Names[i % Names.Length]}");
                    t.Cell().Text(Names[(i + 3) % Names.Length]);
                }
            });
        })).GeneratePdf();

        var pages = PdfText.Read(pdf);
        Assert.True(pages.Count >= 5, $"500 rows on {pages.Count} pages");
        Assert.All(pages, page => Assert.Single(page.Lines, l => l.Text == "STT Tên mô hình Đơn vị"));
        Assert.All(pages, page => Assert.Equal("STT Tên mô hình Đơn vị", page.Lines[page == pages[0] ? 1 : 0].Text));
        var numbers = pages.SelectMany(p => p.Lines).Select(l => l.Text.Split(' ')[0]).Where(t => int.TryParse(t, out _)).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(1, 500), numbers);
        var bottom = pages.Max(p => p.Height - p.Lines.Min(l => l.Baseline));
        Assert.True(bottom < 297 * Mm - 20 * Mm, "text ran into the bottom margin");
    }

    [Fact]
    public void The_footer_numbers_every_page_out_of_the_total()
    {
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.Footer().Text(t => { t.AlignRight(); t.Span("Trang "); t.CurrentPageNumber(); t.Span("/"); t.TotalPages(); });
            for (var i = 0; i < 5; i++)
            {
                if (i > 0) p.Content().PageBreak();
                p.Content().Text($"Phần {i + 1}: {Names[i]}");
            }
        })).GeneratePdf();

        var pages = PdfText.Read(pdf);
        Assert.Equal(5, pages.Count);
        for (var k = 1; k <= 5; k++) Assert.Equal($"Trang {k}/5", pages[k - 1].Lines[^1].Text);
    }

    [Fact]
    public void A_header_skipped_once_numbers_every_page_but_the_first_inside_the_top_margin()
    {
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.MarginTop(20);
            p.Header().SkipOnce().Text(t => { t.AlignCenter(); t.CurrentPageNumber(); });
            for (var i = 0; i < 3; i++)
            {
                if (i > 0) p.Content().PageBreak();
                p.Content().Text($"Phần {i + 1}: {Names[i]}");
            }
        })).GeneratePdf();

        var pages = PdfText.Read(pdf);
        Assert.Equal(3, pages.Count);
        Assert.Equal(["Phần 1: " + Names[0]], pages[0].Lines.Select(l => l.Text));
        for (var k = 2; k <= 3; k++)
        {
            Assert.Equal([$"{k}", $"Phần {k}: {Names[k - 1]}"], pages[k - 1].Lines.Select(l => l.Text));
            Assert.True(pages[k - 1].Height - pages[k - 1].Lines[0].Baseline < 20 * Mm, "the number sits in the top margin");
        }
        // The content starts at the margin on every page, with or without the number above it.
        Assert.Single(pages.Select(p => Math.Round(p.Lines[^1].Baseline, 1)).Distinct());
    }

    [Fact]
    public void Justified_lines_reach_the_right_margin_and_no_line_overflows_it()
    {
        var text = string.Join(" ", Enumerable.Range(0, 12).Select(i => Names[i % Names.Length] + " đã tham gia tích cực phong trào thi đua"));
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.MarginLeft(30).MarginRight(15);
            p.Content().Text(text).Justify();
            p.Content().Text(text).AlignLeft();
        })).GeneratePdf();

        var right = (210 - 15) * Mm;
        var lines = PdfText.Read(pdf).Single().Lines;
        var justified = lines.TakeWhile(l => Math.Abs(l.Right - right) < 0.5).ToList();
        Assert.True(justified.Count >= 4, $"only {justified.Count} lines reach the margin");
        var paragraphLength = justified.Count + 1;
        Assert.True(lines[justified.Count].Right < right - 5, "the last line of a justified paragraph is not stretched");
        var ragged = lines.Skip(paragraphLength).ToList();
        Assert.Contains(ragged, l => l.Right < right - 3);
        Assert.All(lines, l => Assert.InRange(l.Right, 0, right + 0.5));
        Assert.All(lines, l => Assert.InRange(l.Left, 30 * Mm - 0.5, right));
        Assert.Equal(text, string.Join(" ", lines.Take(paragraphLength).Select(l => l.Text)));
    }

    [Fact]
    public void An_image_appears_at_its_width()
    {
        var pdf = Document.Create(d => d.Page(p =>
        {
            p.Content().Text(Names[2]);
            p.Content().Image(Png(200, 100), 80);
        })).GeneratePdf();

        var page = PdfText.Read(pdf).Single();
        Assert.Equal(1, page.Images);
        Assert.InRange(page.ImageBounds[0].Width, 80 * Mm - 1, 80 * Mm + 1);
        Assert.InRange(page.ImageBounds[0].Height, 40 * Mm - 1, 40 * Mm + 1);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets()
    {
        var pdf = Document.Create(d => d.Page(p =>
            p.Content().Text(t => { t.Span(Names[0]); t.Span(Names[1]).Bold(); t.Span(Names[2]).Italic(); t.Span(Names[3]).Bold().Italic(); }))).GeneratePdf();

        // Four whole faces of Liberation Serif weigh more than 1.5 MB; their subsets a few dozen kilobytes.
        Assert.InRange(pdf.Length, 1_000, 150_000);
        Assert.Contains(Names[3], PdfText.All(PdfText.Read(pdf)).Replace("\n", " "));
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.DarkRed);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
