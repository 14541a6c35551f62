using System.Globalization;

namespace Emulation.Documents.Certificates;

/// <summary>A sheet to measure how far a printer shifts the page: a millimetre grid with numbered lines every 10 mm
/// and a crosshair on every slot of the template (a form's own layout when it has one). Printed on plain paper with
/// the printer's current offset and laid on a blank, the distance between a crosshair and the blank's own line is the
/// correction to enter.</summary>
public static class CalibrationSheet
{
    public static byte[] Pdf(CertificateTemplate template, string printer, PrinterOffset offset, string? formName = null) => Document.Create(d =>
    {
        d.Title("Tờ hiệu chỉnh máy in");
        d.Page(p =>
        {
            p.Size(template.Size).Margin(0);
            var page = p.Content();
            var shifted = template.Shifted(offset);
            double w = template.Size.WidthMm, h = template.Size.HeightMm;
            page.Canvas(c =>
            {
                for (var x = 0; x <= w; x += 5) c.Line(x + offset.XMm, 0, x + offset.XMm, h, x % 50 == 0 ? 0.25 : x % 10 == 0 ? 0.12 : 0.05, x % 10 == 0 ? "#777777" : "#BBBBBB");
                for (var y = 0; y <= h; y += 5) c.Line(0, y + offset.YMm, w, y + offset.YMm, y % 50 == 0 ? 0.25 : y % 10 == 0 ? 0.12 : 0.05, y % 10 == 0 ? "#777777" : "#BBBBBB");
            });
            for (var x = 10; x < w; x += 10)
                page.Placed(x + offset.XMm + 0.6, 1 + offset.YMm, 12, c => c.Text(x.ToString(CultureInfo.InvariantCulture)).FontSize(6));
            for (var y = 10; y < h; y += 10)
                page.Placed(1 + offset.XMm, y + offset.YMm + 0.4, 12, c => c.Text(y.ToString(CultureInfo.InvariantCulture)).FontSize(6));
            foreach (var (_, label, slot) in shifted.Slots)
            {
                var (x, y) = (slot.XMm + slot.WidthMm / 2, slot.YMm);
                page.Canvas(c => c.Line(x - 8, y, x + 8, y, 0.3, CertificateSheet.Red).Line(x, y - 8, x, y + 8, 0.3, CertificateSheet.Red)
                    .Rectangle(slot.XMm, slot.YMm, slot.WidthMm, 0.01, 0.2, CertificateSheet.Red));
                page.Placed(x + 1.5, y + 1, 80, c => c.Text($"{label} ({Mm(slot.XMm + slot.WidthMm / 2 - offset.XMm)}; {Mm(slot.YMm - offset.YMm)})").FontSize(7).FontColor(CertificateSheet.Red));
            }
            page.Placed(w / 2 - 90, 30, 180, c =>
            {
                c.Text("TỜ HIỆU CHỈNH MÁY IN").AlignCenter().Bold().FontSize(14);
                if (formName is not null) c.Text($"Vị trí in của: {formName}").AlignCenter().FontSize(9);
                c.Text($"Máy in: {printer} · Khổ {(template.Paper == CertificateTemplate.A3Landscape ? "A3" : "A4")} ngang · Độ lệch đang dùng: ngang {Mm(offset.XMm)} mm, dọc {Mm(offset.YMm)} mm")
                    .AlignCenter().FontSize(9);
                c.Text("In tờ này trên giấy trắng cùng khổ, đặt chồng lên phôi và soi đèn. Đo khoảng lệch của từng dấu chữ thập so với dòng " +
                    "tương ứng trên phôi (sang phải, xuống dưới là số dương) rồi cộng vào độ lệch đang dùng trong trang Hiệu chỉnh máy in.")
                    .AlignCenter().FontSize(9);
            });
        });
    }).GeneratePdf();

    static string Mm(double v) => v.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
}
