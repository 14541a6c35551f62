namespace Emulation.Documents.Certificates;

/// <summary>A spot for one line or block of variable text: its left edge, its top and its width in millimetres from
/// the paper's top-left corner; text is centred in the width unless the slot says otherwise.</summary>
public sealed record Slot(double XMm, double YMm, double WidthMm);

/// <summary>The positions of every variable text on a certificate, in millimetres, the same in full print and on a
/// pre-printed blank, so an office that moves a slot to match its blanks moves it in both. The Bằng khen is drawn on
/// A3 landscape; the Giấy khen is the same design on A4 landscape, which is A3 scaled by 1/√2 (sizes too).</summary>
public sealed record CertificateTemplate(
    string Paper, PageSize Size, double Scale, Slot Name, Slot Position, Slot Achievement, Slot Decision, Slot GoldBook,
    Slot Qr, Slot PlaceDate, Slot Signer, Slot SignerName)
{
    public const string A3Landscape = "A3-landscape";
    public const string A4Landscape = "A4-landscape";

    public static readonly CertificateTemplate BangKhen = Design(A3Landscape, PageSizes.A3.Landscape(), 1);
    public static readonly CertificateTemplate GiayKhen = Design(A4Landscape, PageSizes.A4.Landscape(), 297.0 / 420);

    public static bool Known(string? paper) => paper is A3Landscape or A4Landscape;

    public static CertificateTemplate For(string paper) => paper switch
    {
        A3Landscape => BangKhen,
        A4Landscape => GiayKhen,
        _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "Unknown certificate paper.")
    };

    static CertificateTemplate Design(string paper, PageSize size, double k)
    {
        Slot S(double x, double y, double w) => new(x * k, y * k, w * k);
        return new CertificateTemplate(paper, size, k,
            Name: S(50, 150, 320), Position: S(50, 176, 320), Achievement: S(50, 187, 320),
            Decision: S(38, 220, 160), GoldBook: S(38, 228, 160), Qr: S(42, 236, 28),
            PlaceDate: S(240, 222, 150), Signer: S(240, 231, 150), SignerName: S(240, 268, 150));
    }

    /// <summary>Every slot moved by a printer's offset (the page itself does not move).</summary>
    public CertificateTemplate Shifted(PrinterOffset offset)
    {
        Slot M(Slot s) => s with { XMm = s.XMm + offset.XMm, YMm = s.YMm + offset.YMm };
        return this with
        {
            Name = M(Name), Position = M(Position), Achievement = M(Achievement), Decision = M(Decision), GoldBook = M(GoldBook),
            Qr = M(Qr), PlaceDate = M(PlaceDate), Signer = M(Signer), SignerName = M(SignerName)
        };
    }
}
