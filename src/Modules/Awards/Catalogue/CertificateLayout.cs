using Emulation.Documents.Certificates;

namespace Emulation.Awards.Catalogue;

/// <summary>One slot of a form's certificate layout, in millimetres from the paper's top-left corner: the left edge, the
/// top and the width the text is centred in (for the QR code, its side).</summary>
public sealed record SlotPosition(string Slot, decimal LeftMm, decimal TopMm, decimal WidthMm);

/// <summary>Where a form's certificates put their variable text (ADR 0048), for the paper the form had when the layout
/// was set: a form moved to another paper prints the design of that paper until its slots are set again.</summary>
public sealed record CertificateLayout(string Paper, IReadOnlyList<SlotPosition> Slots)
{
    public static CertificateLayout Design(string paper) => From(CertificateTemplate.For(paper));

    // Two decimals: a tenth of a millimetre is finer than any printer feeds paper, and the A4 design (A3 × 1/√2) has
    // no round numbers.
    static CertificateLayout From(CertificateTemplate t) => new(t.Paper,
        t.Slots.Select(s => new SlotPosition(s.Key, Mm(s.Slot.XMm), Mm(s.Slot.YMm), Mm(s.Slot.WidthMm))).ToList());

    static decimal Mm(double v) => Math.Round((decimal)v, 2);

    public SlotPosition this[string key] => Slots.First(s => s.Slot == key);

    public CertificateTemplate Template() => Slots.Aggregate(CertificateTemplate.For(Paper),
        (t, s) => t.With(s.Slot, new Slot((double)s.LeftMm, (double)s.TopMm, (double)s.WidthMm)));

    /// <summary>The layout a form's certificate on <paramref name="paper"/> prints with: the form's own when it was set for
    /// that paper, else the design.</summary>
    public static CertificateLayout Of(CommendationForm? form, string paper) =>
        form?.Layout is { } own && own.Paper == paper ? own : Design(CertificateTemplate.Known(paper) ? paper : CertificateTemplate.A3Landscape);

    public bool IsDesign => Slots.SequenceEqual(Design(Paper).Slots);
}
