namespace Emulation.Documents.Certificates;

/// <summary>A spot for one line or block of variable text: its left edge, its top and its width in millimetres from
/// the paper's top-left corner; text is centred in the width unless the slot says otherwise.</summary>
public sealed record Slot(double XMm, double YMm, double WidthMm);

/// <summary>The positions of every variable text on a certificate, in millimetres, the same in full print and on a
/// pre-printed blank, so an office that moves a slot to match its blanks moves it in both. The design: the Bằng khen
/// drawn on A3 landscape, the Giấy khen the same on A4 landscape, which is A3 scaled by 1/√2 (sizes too); a form of
/// commendation may move any slot (<see cref="With"/>), the type keeps the design's size.</summary>
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

    /// <summary>The slots' names as layouts and APIs spell them, in the order a person reads the certificate, with the
    /// label the office knows them by. <see cref="Qr"/>'s width is the code's side.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> SlotNames =
    [
        ("name", "Họ tên"), ("position", "Chức vụ, đơn vị"), ("achievement", "Thành tích"), ("decision", "Số quyết định"),
        ("goldBook", "Số sổ vàng"), ("qr", "Mã QR"), ("placeDate", "Nơi, ngày"), ("signer", "Chức danh ký"), ("signerName", "Người ký")
    ];

    public const string QrKey = "qr";

    public static bool IsSlot(string? key) => SlotNames.Any(s => s.Key == key);

    public static string Label(string key) => SlotNames.First(s => s.Key == key).Label;

    public Slot this[string key] => key switch
    {
        "name" => Name, "position" => Position, "achievement" => Achievement, "decision" => Decision, "goldBook" => GoldBook,
        "qr" => Qr, "placeDate" => PlaceDate, "signer" => Signer, "signerName" => SignerName,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown certificate slot.")
    };

    /// <summary>This template with one slot moved; the paper and the type sizes stay.</summary>
    public CertificateTemplate With(string key, Slot slot) => key switch
    {
        "name" => this with { Name = slot }, "position" => this with { Position = slot }, "achievement" => this with { Achievement = slot },
        "decision" => this with { Decision = slot }, "goldBook" => this with { GoldBook = slot }, "qr" => this with { Qr = slot },
        "placeDate" => this with { PlaceDate = slot }, "signer" => this with { Signer = slot }, "signerName" => this with { SignerName = slot },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown certificate slot.")
    };

    public IEnumerable<(string Key, string Label, Slot Slot)> Slots => SlotNames.Select(s => (s.Key, s.Label, this[s.Key]));

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
