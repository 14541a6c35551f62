using DocumentFormat.OpenXml.Packaging;
using Emulation.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.UnitTests.Documents;

public sealed class DocxLayerTests
{
    [Fact]
    public void Page_sets_become_sections_with_their_size_orientation_and_margins()
    {
        var docx = Document.Create(d =>
        {
            d.Page(p => { p.Size(PageSizes.A4).Margin(20); p.Content().Text(PdfLayoutTests.Names[0]); });
            d.Page(p => { p.Size(PageSizes.A3.Landscape()).MarginLeft(25); p.Content().Text(PdfLayoutTests.Names[1]); });
        }).GenerateDocx();

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var sections = word.MainDocumentPart!.Document!.Body!.Descendants<W.SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal((11906u, 16838u), (sections[0].GetFirstChild<W.PageSize>()!.Width!.Value, sections[0].GetFirstChild<W.PageSize>()!.Height!.Value));
        Assert.Equal(1134u, sections[0].GetFirstChild<W.PageMargin>()!.Left!.Value);
        var a3 = sections[1].GetFirstChild<W.PageSize>()!;
        Assert.Equal((23811u, 16838u, W.PageOrientationValues.Landscape), (a3.Width!.Value, a3.Height!.Value, a3.Orient!.Value));
        Assert.Equal(1417u, sections[1].GetFirstChild<W.PageMargin>()!.Left!.Value);
    }

    [Fact]
    public void Runs_keep_their_style_and_alignment_and_an_image_is_embedded_at_its_width()
    {
        var docx = Document.Create(d => d.Page(p =>
        {
            p.Content().Text(t => { t.Justify(); t.Span("Đậm ").Bold(); t.Span("nghiêng ").Italic(); t.Span("gạch chân").Underline().FontSize(14); });
            p.Content().Image(PdfLayoutTests.Png(200, 100), 80);
            p.Content().Table(t =>
            {
                t.ColumnsDefinition(c => { c.ConstantColumn(20); c.RelativeColumn(); });
                t.Header(h => { h.Cell().Text("STT"); h.Cell().Text("Tên"); });
                t.Cell().Text("1"); t.Cell().Text(PdfLayoutTests.Names[2]);
            });
        })).GenerateDocx();

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = word.MainDocumentPart!.Document!.Body!;
        var first = body.Elements<W.Paragraph>().First();
        Assert.Equal(W.JustificationValues.Both, first.ParagraphProperties!.Justification!.Val!.Value);
        var runs = first.Elements<W.Run>().ToList();
        Assert.NotNull(runs[0].RunProperties!.Bold);
        Assert.NotNull(runs[1].RunProperties!.Italic);
        Assert.Equal(W.UnderlineValues.Single, runs[2].RunProperties!.Underline!.Val!.Value);
        Assert.Equal("28", runs[2].RunProperties!.FontSize!.Val!.Value);

        var image = Assert.Single(word.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        var extent = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal((2_880_000L, 1_440_000L), (extent.Cx!.Value, extent.Cy!.Value));

        var table = body.Elements<W.Table>().Single();
        Assert.Equal(["1134", "8220"], table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => c.Width!.Value!));
        Assert.NotNull(table.Elements<W.TableRow>().First().TableRowProperties!.GetFirstChild<W.TableHeader>());
        Assert.Equal(PdfLayoutTests.Names[2], table.Elements<W.TableRow>().Last().Elements<W.TableCell>().Last().InnerText);
    }
}
