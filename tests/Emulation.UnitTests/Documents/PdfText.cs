using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Emulation.UnitTests.Documents;

/// <summary>What a reader gets back from a PDF: per page, its size and its lines of text (letters on one baseline,
/// left to right, a space where the gap between two letters is wider than a hair).</summary>
public sealed record PdfPage(double Width, double Height, IReadOnlyList<PdfLine> Lines, int Images, IReadOnlyList<UglyToad.PdfPig.Core.PdfRectangle> ImageBounds);

public sealed record PdfLine(string Text, double Left, double Right, double Baseline);

public static class PdfText
{
    public static IReadOnlyList<PdfPage> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Page).ToList();
    }

    static PdfPage Page(Page page)
    {
        var lines = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var letters = g.OrderBy(l => l.StartBaseLine.X).ToList();
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < letters.Count; i++)
                {
                    if (i > 0 && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > 1) text.Append(' ');
                    text.Append(letters[i].Value);
                }
                return new PdfLine(text.ToString(), letters[0].StartBaseLine.X, letters.Max(l => l.EndBaseLine.X), g.Key);
            }).ToList();
        var images = page.GetImages().ToList();
        return new PdfPage(page.Width, page.Height, lines, images.Count, images.Select(i => i.BoundingBox).ToList());
    }

    public static string All(IEnumerable<PdfPage> pages) => string.Join("\n", pages.SelectMany(p => p.Lines).Select(l => l.Text));
}

public static class PdfColumns
{
    /// <summary>The text of every page between two x positions (points), line after line: what sits in one table
    /// column, a wrapped cell joined back with spaces.</summary>
    public static string Between(byte[] pdf, double left, double right)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = document.GetPages().SelectMany(page => page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.StartBaseLine.X >= left && l.StartBaseLine.X < right)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var letters = g.OrderBy(l => l.StartBaseLine.X).ToList();
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < letters.Count; i++)
                {
                    if (i > 0 && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > 1) text.Append(' ');
                    text.Append(letters[i].Value);
                }
                return text.ToString();
            }));
        return string.Join(" ", lines);
    }
}
