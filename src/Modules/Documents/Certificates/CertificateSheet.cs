using System.Collections.Concurrent;
using QRCoder;
using SkiaSharp;

namespace Emulation.Documents.Certificates;

/// <summary>Certificates as one PDF, one page each, in the order given. In full print the page carries the border, the
/// ornaments, the national heading, the issuer and the form's name, then the variable text in the template's slots;
/// on a blank only the variable text (and the QR code) is printed, moved by the printer's offset.</summary>
public static class CertificateSheet
{
    public const string Red = "#B3121B";
    const string Gold = "#B8860B";
    const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const string Motto = "Độc lập - Tự do - Hạnh phúc";

    public static Document Build(IEnumerable<(CertificateText Text, CertificateTemplate Template)> certificates,
        CertificatePrintMode mode, PrinterOffset? offset = null, string title = "Bằng khen, giấy khen") =>
        Document.Create(d =>
        {
            d.Title(title);
            var sheets = certificates.Select(c => (c.Text, c.Template,
                Slots: mode == CertificatePrintMode.Blank ? c.Template.Shifted(offset ?? PrinterOffset.None) : c.Template)).ToList();
            // Encoding a QR code is most of the time of building a page: a whole decision encodes them on every core.
            var codes = sheets.Count >= ParallelFrom
                ? sheets.AsParallel().AsOrdered().Select(s => QrCode(s.Text.VerificationUrl, s.Slots.Qr)).ToList()
                : sheets.Select(s => QrCode(s.Text.VerificationUrl, s.Slots.Qr)).ToList();
            for (var i = 0; i < sheets.Count; i++)
            {
                var (text, template, slots) = sheets[i];
                var code = codes[i];
                d.Page(p =>
                {
                    p.Size(template.Size).Margin(0);
                    var content = p.Content();
                    if (mode == CertificatePrintMode.Full) Frame(content, text, template);
                    Variable(content, text, slots, code);
                });
            }
        });

    const int ParallelFrom = 48;

    public static byte[] Pdf(IEnumerable<(CertificateText Text, CertificateTemplate Template)> certificates,
        CertificatePrintMode mode, PrinterOffset? offset = null) => Build(certificates, mode, offset).GeneratePdf();

    // The border, the ornaments and the rules are the same on every certificate of a paper size: drawn once, the page
    // only refers to them, so a decision of a thousand certificates lays them out once.
    static readonly ConcurrentDictionary<(PageSize, double), Drawing> Frames = new();

    static void Frame(ColumnDescriptor page, CertificateText text, CertificateTemplate t)
    {
        var k = t.Scale;
        page.Canvas(Frames.GetOrAdd((t.Size, k), static key =>
        {
            var (size, k) = key;
            var drawing = new Drawing();
            var c = new CanvasDescriptor(drawing);
            Ornaments.Draw(c, size, k);
            c.Line(180 * k, 70.5 * k, 240 * k, 70.5 * k, 0.35 * k);
            Ornaments.Divider(c, 210 * k, 131 * k, 70 * k, k);
            return drawing;
        }));
        Line(page, t, 55, Nation, 15, bold: true);
        Line(page, t, 62.5, Motto, 15, bold: true);
        page.Placed(35 * k, 80 * k, 350 * k, c => c.Text(text.IssuerTitle).AlignCenter().Bold().FontSize(20 * k).FontColor(Red).ShrinkToFit(1, 14 * k));
        Line(page, t, 95, "TẶNG", 18, bold: true);
        page.Placed(35 * k, 104 * k, 350 * k, c => c.Text(text.FormName).AlignCenter().Bold().FontSize(56 * k).FontColor(Red).LineHeight(1));
    }

    static void Line(ColumnDescriptor page, CertificateTemplate t, double y, string text, double size, bool bold = false) =>
        page.Placed(30 * t.Scale, y * t.Scale, 360 * t.Scale, c => c.Text(text).AlignCenter().Bold(bold).FontSize(size * t.Scale));

    static void Variable(ColumnDescriptor page, CertificateText text, CertificateTemplate t, SKPath qr)
    {
        var k = t.Scale;
        At(page, t.Name, c => c.Text(text.RecipientName).AlignCenter().Bold().FontSize(30 * k).LineHeight(1.1).ShrinkToFit(2, 18 * k));
        var position = string.Join(", ", new[] { text.RecipientPosition, text.RecipientUnit }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (position.Length > 0) At(page, t.Position, c => c.Text(position).AlignCenter().FontSize(16 * k).ShrinkToFit(1, 11 * k));
        At(page, t.Achievement, c => c.Text(text.Achievement).AlignCenter().Italic().FontSize(17 * k).LineHeight(1.25).ShrinkToFit(3, 11 * k));
        At(page, t.Decision, c => c.Text(text.DecisionLine).FontSize(13 * k).ShrinkToFit(1, 9 * k));
        At(page, t.GoldBook, c => c.Text(text.GoldBookLine).FontSize(13 * k).ShrinkToFit(1, 9 * k));
        page.Canvas(c => c.Fill(qr));
        page.Placed(t.Qr.XMm - 6 * k, t.Qr.YMm + t.Qr.WidthMm + 0.5 * k, t.Qr.WidthMm + 60 * k,
            c => c.Text(text.VerificationUrl).FontSize(7 * k));
        At(page, t.PlaceDate, c => c.Text(text.PlaceAndDate).AlignCenter().Italic().FontSize(15 * k).ShrinkToFit(1, 10 * k));
        At(page, t.Signer, c =>
        {
            if (!string.IsNullOrWhiteSpace(text.SignerAuthority)) c.Text(text.SignerAuthority).AlignCenter().Bold().FontSize(15 * k);
            c.Text(text.SignerTitle).AlignCenter().Bold().FontSize(15 * k).ShrinkToFit(2, 10 * k);
        });
        At(page, t.SignerName, c => c.Text(text.SignerName).AlignCenter().Bold().FontSize(17 * k).ShrinkToFit(1, 11 * k));
    }

    static void At(ColumnDescriptor page, Slot slot, Action<ColumnDescriptor> build) => page.Placed(slot.XMm, slot.YMm, slot.WidthMm, build);

    /// <summary>The QR code as filled vector squares (each row's dark run one rectangle), so it stays sharp at any zoom
    /// and on any printer; the quiet zone QRCoder adds is kept white around it.</summary>
    static SKPath QrCode(string url, Slot slot)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var n = rows.Count;
        var cell = (float)(slot.WidthMm / n);
        var path = new SKPath();
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                if (!rows[y][x]) continue;
                var run = x;
                while (run + 1 < n && rows[y][run + 1]) run++;
                path.AddRect(SKRect.Create((float)slot.XMm + x * cell, (float)slot.YMm + y * cell, (run - x + 1) * cell, cell));
                x = run;
            }
        return path;
    }
}
