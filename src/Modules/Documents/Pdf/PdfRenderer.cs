using Emulation.Documents.Layout;
using SkiaSharp;

namespace Emulation.Documents.Pdf;

/// <summary>Lays every page out first (so "Trang 2/5" knows the 5), then subsets the fonts to the glyphs used, then
/// draws through Skia's PDF backend, a long document in parts on every core joined into one file (ADR 0039).</summary>
static class PdfRenderer
{
    // Skia rounds a page's size to whole pixels at the raster resolution (at 150 dpi A3 came out 1190.40 pt wide instead
    // of 1190.55); at 100 pixels a point the size is exact to the hundredth. Nothing here is rasterised.
    const float PageSizeDpi = 7200;

    // Below this many pages a document is written on one thread: splitting costs more than it saves.
    const int PagesPerPart = 48;

    static int Parts(int pages) => Math.Clamp(Math.Min(Environment.ProcessorCount, 4), 1, Math.Max(1, pages / PagesPerPart));

    public static byte[] Render(Document document)
    {
        NativeHeap.Tune();
        var faces = new Faces();
        var images = new Dictionary<byte[], SKImage>(ReferenceEqualityComparer.Instance);
        try
        {
            // Page sets are laid out independently: a decision's thousand certificates on every core.
            var sections = (document.Pages.Count >= PagesPerPart
                ? document.Pages.AsParallel().AsOrdered().Select(setup => (setup, pages: new Paginator(setup, faces, images).Run()))
                : document.Pages.Select(setup => (setup, pages: new Paginator(setup, faces, images).Run()))).ToList();
            var total = sections.Sum(s => s.pages.Count);
            var number = 0;
            foreach (var (setup, pages) in sections)
                foreach (var page in pages)
                    Paginator.AddHeaderAndFooter(setup, page, ++number, total, faces, images);
            faces.Subset();
            var all = sections.SelectMany(s => s.pages.Select(page => (s.setup, page))).ToList();
            var parts = Parts(all.Count);
            if (parts == 1) return Write(document.Title, all, faces);
            // A long document (a decision's certificates) is written in consecutive parts on every core, then joined:
            // Skia writes one document on one thread, and writing is most of the time.
            var size = (all.Count + parts - 1) / parts;
            var pdfs = new byte[parts][];
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
                i => pdfs[i] = Write(document.Title, all.GetRange(i * size, Math.Min(size, all.Count - i * size)), faces));
            return PdfStitch.Join(pdfs);
        }
        finally
        {
            faces.Release();
            foreach (var image in images.Values) image.Dispose();
        }
    }

    static byte[] Write(string title, List<(PageSetup Setup, List<Mark> Marks)> pages, Faces faces)
    {
        // Skia's own memory stream: a managed one is called back from native code for every few bytes written.
        using var output = new SKDynamicMemoryWStream();
        var metadata = new SKDocumentPdfMetadata { Title = title, Creator = "Emulation", Producer = "Emulation", RasterDpi = PageSizeDpi };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var line = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, IsAntialias = true };
            foreach (var (setup, marks) in pages)
            {
                var canvas = pdf.BeginPage((float)(setup.Size.WidthMm * Widths.PointsPerMm), (float)(setup.Size.HeightMm * Widths.PointsPerMm));
                foreach (var mark in marks) Draw(canvas, mark, faces, paint, line);
                pdf.EndPage();
            }
            pdf.Close();
        }
        using var data = output.DetachAsData();
        return data.ToArray();
    }

    static void Draw(SKCanvas canvas, Mark mark, Faces faces, SKPaint paint, SKPaint line)
    {
        switch (mark)
        {
            case GlyphRun run:
                var text = run.Text;
                if (text.Glyphs.Length == 0) return;
                using (var builder = new SKTextBlobBuilder())
                {
                    // Text and clusters go with the glyphs, so a reader copies or searches the letters, ligatures included.
                    var buffer = builder.AllocatePositionedTextRun(faces.Font(text.Face, text.Size), text.Glyphs.Length, text.Utf8.Length, null);
                    buffer.SetGlyphs(faces.Glyphs(text));
                    buffer.SetPositions(text.Positions);
                    buffer.SetText(text.Utf8);
                    buffer.SetClusters(text.Clusters);
                    using var blob = builder.Build();
                    paint.Color = run.Color;
                    if (blob is not null) canvas.DrawText(blob, run.X, run.Y, paint);
                }
                break;
            case Stroke s:
                line.StrokeWidth = s.Width;
                line.Color = s.Color ?? SKColors.Black;
                canvas.DrawLine(s.X1, s.Y1, s.X2, s.Y2, line);
                break;
            case Vector v:
                using (var vector = new SKPaint { Color = v.Color, IsAntialias = true, Style = v.Width > 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill, StrokeWidth = v.Width })
                {
                    foreach (var r in v.Rectangles) canvas.DrawRect(r, vector);
                    if (!v.Path.IsEmpty) canvas.DrawPath(v.Path, vector);
                }
                break;
            case Picture p:
                canvas.DrawImage(p.Image, p.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                break;
        }
    }
}
