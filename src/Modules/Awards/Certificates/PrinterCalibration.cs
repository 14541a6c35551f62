namespace Emulation.Awards.Certificates;

/// <summary>A printer's measured offset, kept per office (issuing unit) and printer name; the id is both, so one printer
/// has one line per office.</summary>
public sealed record PrinterCalibration(string Id, Guid UnitId, string Printer, double OffsetXMm, double OffsetYMm, Guid By, DateTimeOffset At)
{
    public static string IdFor(Guid unitId, string printer) => $"{unitId:N}/{Kernel.Text.VietnameseText.Fold(printer)}";
}

/// <summary>One print as it was asked for: which certificates, in which order, how, with which layout, and by whom. The
/// PDF is rendered from this record, so downloading it again prints the same pages and records nothing new, even after
/// the form's layout changed. <paramref name="Layout"/> is absent on prints recorded before layouts (the design).</summary>
public sealed record CertificatePrint(Guid Id, Guid UnitId, IReadOnlyList<Guid> CertificateIds, string Mode, int Copies, string? Printer,
    double OffsetXMm, double OffsetYMm, Guid By, DateTimeOffset At, Catalogue.CertificateLayout? Layout = null);
