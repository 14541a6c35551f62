using Emulation.Documents.Layout;
using SkiaSharp;

namespace Emulation.Documents.Pdf;

/// <summary>A drawing's path in millimetres made ready for Skia's PDF backend, which writes every point as text and
/// deflates it, so the fewer and shorter the numbers the faster the page. PDF has no conics (Skia's circles and ovals
/// are made of them): left to Skia, each is cut into dozens of small curves at the fine resolution the exact page size
/// needs, which made a certificate's content five times longer than everything else on it; here each becomes the one
/// cubic PDF writers draw circles with (the usual 0.5523 handle for a quarter circle, within 0.03 % of the radius).
/// Points are put on a grid of a sixteenth of a point (22 µm, half a dot of a 600 dpi printer): such numbers are exact
/// in binary, so Skia writes "75.125" and not "75.118111" (a hundredth of a point is not, and came out "59.529999").
/// A filled
/// contour that is an axis-aligned rectangle (a QR code is hundreds of them) comes out as a rectangle, which Skia
/// writes as one short "re" instead of five points.</summary>
static class PdfPath
{
    public static (SKPath Path, SKRect[] Rectangles) ToPoints(SKPath millimetres, bool filled)
    {
        var mm = (float)Widths.PointsPerMm;
        var result = new SKPath { FillType = millimetres.FillType };
        var rectangles = new List<SKRect>();
        var contour = new List<(SKPathVerb Verb, SKPoint[] Points, float Weight)>();
        using var iterator = millimetres.CreateRawIterator();
        var points = new SKPoint[4];
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            if (verb == SKPathVerb.Move) Flush();
            contour.Add((verb, verb switch
            {
                SKPathVerb.Move => [P(points[0])],
                SKPathVerb.Line => [P(points[1])],
                SKPathVerb.Quad or SKPathVerb.Conic => [P(points[1]), P(points[2])],
                SKPathVerb.Cubic => [P(points[1]), P(points[2]), P(points[3])],
                _ => []
            }, verb == SKPathVerb.Conic ? iterator.ConicWeight() : 0));
        }
        Flush();
        return (result, rectangles.ToArray());

        SKPoint P(SKPoint p) => new(Round(p.X * mm), Round(p.Y * mm));

        void Flush()
        {
            if (contour.Count == 0) return;
            if (filled && Rectangle(contour) is { } r) rectangles.Add(r);
            else
            {
                var last = SKPoint.Empty;
                foreach (var (v, p, w) in contour)
                {
                    switch (v)
                    {
                        case SKPathVerb.Move: result.MoveTo(p[0]); break;
                        case SKPathVerb.Line: result.LineTo(p[0]); break;
                        case SKPathVerb.Quad: result.QuadTo(p[0], p[1]); break;
                        case SKPathVerb.Cubic: result.CubicTo(p[0], p[1], p[2]); break;
                        case SKPathVerb.Conic:
                            var k = 4 * w / (3 * (1 + w));
                            result.CubicTo(Toward(last, p[0], k), Toward(p[1], p[0], k), p[1]);
                            break;
                        case SKPathVerb.Close: result.Close(); break;
                    }
                    if (p.Length > 0) last = p[^1];
                }
            }
            contour.Clear();
        }
    }

    /// <summary>A contour of straight sides through four corners that share their x and y pairwise.</summary>
    static SKRect? Rectangle(List<(SKPathVerb Verb, SKPoint[] Points, float Weight)> contour)
    {
        if (contour.Any(c => c.Verb is not (SKPathVerb.Move or SKPathVerb.Line or SKPathVerb.Close))) return null;
        var corners = contour.Where(c => c.Verb != SKPathVerb.Close).Select(c => c.Points[0]).ToList();
        if (corners.Count == 5 && corners[4] == corners[0]) corners.RemoveAt(4);
        if (corners.Count != 4) return null;
        for (var i = 0; i < 4; i++)
        {
            var (a, b) = (corners[i], corners[(i + 1) % 4]);
            if (a.X != b.X && a.Y != b.Y) return null;
        }
        var rect = new SKRect(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
        return rect.Width > 0 && rect.Height > 0 && corners.All(c => (c.X == rect.Left || c.X == rect.Right) && (c.Y == rect.Top || c.Y == rect.Bottom))
            ? rect : null;
    }

    static float Round(float v) => MathF.Round(v * 16) / 16;

    static SKPoint Toward(SKPoint from, SKPoint to, float k) => new(from.X + (to.X - from.X) * k, from.Y + (to.Y - from.Y) * k);
}
