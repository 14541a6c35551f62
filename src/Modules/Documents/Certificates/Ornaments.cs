using SkiaSharp;

namespace Emulation.Documents.Certificates;

/// <summary>The certificate's frame, drawn as vector paths (no picture is copied): a red outer rule, a gold rule, a band
/// of gold lozenges, a red inner rule, corner rosettes, and a plain ring where a pre-printed blank carries the state
/// emblem (the emblem itself is never reproduced).</summary>
static class Ornaments
{
    const string Red = CertificateSheet.Red;
    const string Gold = "#B8860B";

    public static void Draw(CanvasDescriptor c, PageSize size, double k)
    {
        double w = size.WidthMm, h = size.HeightMm;
        Rect(c, 9 * k, w, h, 1.8 * k, Red);
        Rect(c, 12 * k, w, h, 0.35 * k, Gold);
        Rect(c, 21 * k, w, h, 0.35 * k, Gold);
        Rect(c, 22.5 * k, w, h, 0.9 * k, Red);
        Band(c, 16.5 * k, w, h, k);
        foreach (var (x, y) in new[] { (22.5 * k, 22.5 * k), (w - 22.5 * k, 22.5 * k), (22.5 * k, h - 22.5 * k), (w - 22.5 * k, h - 22.5 * k) })
            Rosette(c, x, y, k);
        var ring = new SKPath();
        ring.AddCircle((float)(w / 2), (float)(38 * k), (float)(12 * k));
        c.Stroke(ring, 0.3 * k, "#9E9E9E");
    }

    static void Rect(CanvasDescriptor c, double inset, double w, double h, double stroke, string color) =>
        c.Rectangle(inset, inset, w - 2 * inset, h - 2 * inset, stroke, color);

    /// <summary>Lozenges every 7 mm along the band between the gold rules, all in one path.</summary>
    static void Band(CanvasDescriptor c, double mid, double w, double h, double k)
    {
        var path = new SKPath();
        var step = 7 * k;
        var r = 1.6 * k;
        void Lozenge(double x, double y)
        {
            path.MoveTo((float)x, (float)(y - r));
            path.LineTo((float)(x + r), (float)y);
            path.LineTo((float)x, (float)(y + r));
            path.LineTo((float)(x - r), (float)y);
            path.Close();
        }
        for (var x = mid + 10 * k; x <= w - mid - 10 * k + 0.01; x += (w - 2 * mid - 20 * k) / Math.Round((w - 2 * mid - 20 * k) / step))
        {
            Lozenge(x, mid);
            Lozenge(x, h - mid);
        }
        for (var y = mid + 10 * k; y <= h - mid - 10 * k + 0.01; y += (h - 2 * mid - 20 * k) / Math.Round((h - 2 * mid - 20 * k) / step))
        {
            Lozenge(mid, y);
            Lozenge(w - mid, y);
        }
        c.Fill(path, Gold);
    }

    /// <summary>A rosette on each inner corner: a red disc, a gold ring and eight petals.</summary>
    static void Rosette(CanvasDescriptor c, double x, double y, double k)
    {
        var petals = new SKPath();
        for (var i = 0; i < 8; i++)
        {
            var a = i * Math.PI / 4;
            var (px, py) = (x + Math.Cos(a) * 6.5 * k, y + Math.Sin(a) * 6.5 * k);
            var (lx, ly) = (x + Math.Cos(a + 0.35) * 3.2 * k, y + Math.Sin(a + 0.35) * 3.2 * k);
            var (rx, ry) = (x + Math.Cos(a - 0.35) * 3.2 * k, y + Math.Sin(a - 0.35) * 3.2 * k);
            petals.MoveTo((float)x, (float)y);
            petals.QuadTo((float)lx, (float)ly, (float)px, (float)py);
            petals.QuadTo((float)rx, (float)ry, (float)x, (float)y);
            petals.Close();
        }
        c.Fill(petals, Gold);
        var disc = new SKPath();
        disc.AddCircle((float)x, (float)y, (float)(2.2 * k));
        c.Fill(disc, Red);
        var ring = new SKPath();
        ring.AddCircle((float)x, (float)y, (float)(7.5 * k));
        c.Stroke(ring, 0.3 * k, Gold);
    }

    /// <summary>A gold rule with a lozenge in its middle, under the form's name.</summary>
    public static void Divider(CanvasDescriptor c, double cx, double y, double half, double k)
    {
        c.Line(cx - half, y, cx - 4 * k, y, 0.4 * k, Gold);
        c.Line(cx + 4 * k, y, cx + half, y, 0.4 * k, Gold);
        var lozenge = new SKPath();
        lozenge.MoveTo((float)cx, (float)(y - 2.5 * k));
        lozenge.LineTo((float)(cx + 3 * k), (float)y);
        lozenge.LineTo((float)cx, (float)(y + 2.5 * k));
        lozenge.LineTo((float)(cx - 3 * k), (float)y);
        lozenge.Close();
        c.Fill(lozenge, Red);
    }
}
