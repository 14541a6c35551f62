using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Emulation.Documents.Layout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.Documents.Docx;

/// <summary>The same model as a Word file for officials to edit and sign: one section per page set, Times New Roman
/// named (Word has it; the PDF uses its metric twin), PAGE and NUMPAGES fields where the PDF prints numbers.</summary>
static class DocxRenderer
{
    public const string FontName = "Times New Roman";

    public static byte[] Render(Document document)
    {
        using var output = new MemoryStream();
        using (var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var defaultSize = document.Pages[0].DefaultStyle.Size ?? 13;
            AddStyles(main, defaultSize);
            if (document.Title.Length > 0) word.PackageProperties.Title = document.Title;
            var images = new DocxImages();
            // The body is written as it is made rather than built whole and saved (ADR 0052).
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new W.Document());
            writer.WriteStartElement(new W.Body());
            for (var i = 0; i < document.Pages.Count; i++)
            {
                var setup = document.Pages[i];
                var blocks = new DocxBlocks(setup.DefaultStyle, defaultSize, images);
                foreach (var block in setup.Content) blocks.WriteTo(writer, block, setup.ContentWidthMm, main);
                var section = Section(setup, main, blocks, first: i == 0);
                writer.WriteElement(i == document.Pages.Count - 1 ? section : new W.Paragraph(new W.ParagraphProperties(section)));
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return output.ToArray();
    }

    static W.SectionProperties Section(PageSetup setup, MainDocumentPart main, DocxBlocks blocks, bool first)
    {
        var section = new W.SectionProperties();
        // What is skipped once is left off the document's first page: Word's "different first page" with its own
        // header and footer holding the rest.
        var titlePage = first && setup.Header.Concat(setup.Footer).Any(b => b.SkipOnce);
        void AddHeader(List<Block> content, W.HeaderFooterValues type)
        {
            var part = main.AddNewPart<HeaderPart>();
            part.Header = new W.Header(content.Count > 0 ? blocks.Write(content, setup.ContentWidthMm, part) : new OpenXmlElement[] { new W.Paragraph() });
            section.Append(new W.HeaderReference { Type = type, Id = main.GetIdOfPart(part) });
        }
        void AddFooter(List<Block> content, W.HeaderFooterValues type)
        {
            var part = main.AddNewPart<FooterPart>();
            part.Footer = new W.Footer(content.Count > 0 ? blocks.Write(content, setup.ContentWidthMm, part) : new OpenXmlElement[] { new W.Paragraph() });
            section.Append(new W.FooterReference { Type = type, Id = main.GetIdOfPart(part) });
        }
        if (setup.Header.Count > 0) AddHeader(setup.Header, W.HeaderFooterValues.Default);
        if (titlePage && setup.Header.Count > 0) AddHeader(setup.Header.Where(b => !b.SkipOnce).ToList(), W.HeaderFooterValues.First);
        if (setup.Footer.Count > 0) AddFooter(setup.Footer, W.HeaderFooterValues.Default);
        if (titlePage && setup.Footer.Count > 0) AddFooter(setup.Footer.Where(b => !b.SkipOnce).ToList(), W.HeaderFooterValues.First);
        var landscape = setup.Size.WidthMm > setup.Size.HeightMm;
        section.Append(new W.PageSize
        {
            Width = (uint)Twips(setup.Size.WidthMm), Height = (uint)Twips(setup.Size.HeightMm),
            Orient = landscape ? W.PageOrientationValues.Landscape : W.PageOrientationValues.Portrait
        });
        // Header and footer sit halfway into the margins, as the PDF draws them inside the margins' edge.
        section.Append(new W.PageMargin
        {
            Top = Twips(setup.MarginTopMm), Bottom = Twips(setup.MarginBottomMm),
            Left = (uint)Twips(setup.MarginLeftMm), Right = (uint)Twips(setup.MarginRightMm),
            Header = (uint)Twips(setup.MarginTopMm / 2), Footer = (uint)Twips(setup.MarginBottomMm / 2), Gutter = 0
        });
        if (titlePage) section.Append(new W.TitlePage());
        return section;
    }

    static void AddStyles(MainDocumentPart main, double size)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new W.Styles(new W.DocDefaults(
            new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                new W.RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new W.FontSize { Val = HalfPoints(size) }, new W.FontSizeComplexScript { Val = HalfPoints(size) },
                new W.Languages { Val = "vi-VN" })),
            new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { After = "0", Before = "0" }))));
    }

    public static int Twips(double mm) => (int)Math.Round(mm * Widths.PointsPerMm * 20);
    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
