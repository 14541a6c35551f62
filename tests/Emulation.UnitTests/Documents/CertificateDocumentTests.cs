using System.Diagnostics;
using Emulation.Documents.Certificates;

namespace Emulation.UnitTests.Documents;

public sealed class CertificateDocumentTests
{
    const double Pt = 72 / 25.4;

    public static CertificateText Sample(string name, string url = "https://thidua.camau.gov.vn/xac-minh/6f1c2b0e-0000-4000-8000-000000000001") => new(
        "BẰNG KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", name, "Chủ tịch Hội Liên hiệp Phụ nữ", "Phường 1, thành phố Cà Mau",
        "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" giai đoạn 2020 - 2023",
        "Quyết định số 125/QĐ-UBND ngày 15/11/2023", "Số vào sổ vàng: 12/2023", "Cà Mau, ngày 15 tháng 11 năm 2023",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Bi", url);

    static readonly string[] Names =
    [
        "Nguyễn Thị Hồng Nhung", "Trần Văn Đức", "Hội Liên hiệp Phụ nữ phường Nhà Mát", "Lê Thị Ánh Tuyết",
        // A collective's full name, longer than one line at the name's size: it must shrink or wrap, never overflow.
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã Khánh Hội, huyện U Minh, tỉnh Cà Mau nhiệm kỳ 2020 - 2025"
    ];

    [Theory]
    [InlineData(CertificateTemplate.A3Landscape, 1190.55, 841.89)]
    [InlineData(CertificateTemplate.A4Landscape, 841.89, 595.28)]
    public void Every_certificate_is_one_landscape_page_with_its_name_exactly_and_nothing_past_the_frame(string paper, double width, double height)
    {
        var template = CertificateTemplate.For(paper);
        var pdf = CertificateSheet.Pdf(Names.Select(n => (Sample(n), template)), CertificatePrintMode.Full);
        var pages = PdfText.Read(pdf);

        Assert.Equal(Names.Length, pages.Count);
        for (var i = 0; i < Names.Length; i++)
        {
            var page = pages[i];
            Assert.Equal(width, page.Width, 0.01);
            Assert.Equal(height, page.Height, 0.01);
            var text = string.Join(" ", page.Lines.Select(l => l.Text));
            Assert.Contains(Names[i], text);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("BẰNG KHEN", text);
            Assert.Contains("Quyết định số 125/QĐ-UBND ngày 15/11/2023", text);
            // The inner red rule is 22.5 mm in (scaled on A4): every letter stays inside it.
            var inner = 22.5 * template.Scale * Pt;
            Assert.All(page.Lines, l => Assert.InRange(l.Left, inner, width - inner));
            Assert.All(page.Lines, l => Assert.InRange(l.Right, inner, width - inner));
        }
        var longName = pages[^1].Lines.Where(l => l.Baseline < height - 140 * template.Scale * Pt && l.Baseline > height - 180 * template.Scale * Pt).ToList();
        Assert.InRange(longName.Count, 1, 2);
    }

    [Fact]
    public void A_name_typed_in_decomposed_form_prints_as_its_composed_letters()
    {
        var decomposed = "Nguyễn Thị Hồng Nhung".Normalize(System.Text.NormalizationForm.FormD);
        var pdf = CertificateSheet.Pdf([(Sample(decomposed), CertificateTemplate.BangKhen)], CertificatePrintMode.Full);
        Assert.Contains("Nguyễn Thị Hồng Nhung", PdfText.All(PdfText.Read(pdf)));
    }

    [Fact]
    public void A_blank_carries_only_the_variable_text_at_the_templates_spots_moved_by_the_printers_offset()
    {
        var text = Sample("Trần Văn Đức");
        var full = PdfText.Read(CertificateSheet.Pdf([(text, CertificateTemplate.BangKhen)], CertificatePrintMode.Full))[0];
        var blank = PdfText.Read(CertificateSheet.Pdf([(text, CertificateTemplate.BangKhen)], CertificatePrintMode.Blank, new PrinterOffset(2, -1.5)))[0];
        var all = string.Join("\n", blank.Lines.Select(l => l.Text));

        foreach (var fixedText in new[] { "CỘNG HÒA", "Độc lập", "TẶNG", "BẰNG KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN" })
            Assert.DoesNotContain(fixedText, all);
        Assert.Contains("Trần Văn Đức", all);
        Assert.Contains("Quyết định số 125/QĐ-UBND ngày 15/11/2023", all);
        Assert.Contains("Lâm Văn Bi", all);
        var a = full.Lines.Single(l => l.Text == "Trần Văn Đức");
        var b = blank.Lines.Single(l => l.Text == "Trần Văn Đức");
        Assert.Equal(2 * Pt, b.Left - a.Left, 0.15);
        // PDF baselines count up from the bottom: an offset of 1.5 mm upwards is 1.5 mm more.
        Assert.Equal(1.5 * Pt, b.Baseline - a.Baseline, 0.15);
    }

    [Fact]
    public void The_qr_code_decodes_back_to_the_verification_url()
    {
        const string url = "https://thidua.camau.gov.vn/xac-minh/0b5e8f3a-2d41-4c7e-9a11-5f0e6c3d2b19";
        var pdf = CertificateSheet.Pdf([(Sample("Lê Thị Ánh Tuyết", url), CertificateTemplate.GiayKhen)], CertificatePrintMode.Full);
        Assert.Equal(url, QrScan.Decode(pdf));
    }

    [Fact]
    public void The_calibration_sheet_is_the_templates_paper_with_a_numbered_grid()
    {
        var pdf = CalibrationSheet.Pdf(CertificateTemplate.BangKhen, "Canon LBP 3300 phòng Thi đua", new PrinterOffset(1.5, -0.5));
        var page = Assert.Single(PdfText.Read(pdf));
        Assert.Equal(1190.55, page.Width, 0.01);
        var text = string.Join("\n", page.Lines.Select(l => l.Text));
        Assert.Contains("TỜ HIỆU CHỈNH MÁY IN", text);
        Assert.Contains("Canon LBP 3300 phòng Thi đua", text);
        Assert.Contains("ngang 1,5 mm, dọc -0,5 mm", text);
        Assert.Contains("Họ tên (210; 150)", text);
    }

    [Fact]
    public void A_long_decision_written_in_parts_on_every_core_is_one_strictly_valid_file_with_every_page_in_annex_order()
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
        string[] given = ["Thị Hồng Nhung", "Văn Đức", "Thị Ánh Tuyết", "Minh Khôi", "Thị Mỹ Duyên", "Văn Sáu", "Quốc Việt", "Thị Lan Anh", "Ngọc Hân", "Văn Ẩn", "Thị Ửng", "Hữu Nghĩa", "Thị Ỷ"];
        var names = Enumerable.Range(0, 130).Select(i => $"{family[i % family.Length]} {given[i / family.Length % given.Length]}").ToList();
        var urls = names.Select((_, i) => $"https://thidua.camau.gov.vn/xac-minh/{new Guid(i + 1, 0, 0, new byte[8])}").ToList();
        var pdf = CertificateSheet.Pdf(names.Select((n, i) => (Sample(n, urls[i]), i % 2 == 0 ? CertificateTemplate.BangKhen : CertificateTemplate.GiayKhen)),
            CertificatePrintMode.Full);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = false });
        Assert.Equal(names.Count, document.NumberOfPages);
        Assert.Contains("Bằng khen", document.Information.Title);
        for (var i = 0; i < names.Count; i++)
        {
            var page = document.GetPage(i + 1);
            Assert.Equal(i % 2 == 0 ? 1190.55 : 841.89, page.Width, 0.01);
            Assert.Contains(names[i].Replace(" ", ""), string.Concat(page.Letters.Select(l => l.Value)));
        }
        Assert.Equal(urls[0], QrScan.Decode(pdf));
        Assert.Equal(urls[^1], QrScan.Decode(pdf, names.Count));
    }

    [Fact]
    public void One_certificate_weighs_under_100_kb_with_its_fonts_embedded_as_subsets()
    {
        var pdf = CertificateSheet.Pdf([(Sample("Nguyễn Thị Hồng Nhung"), CertificateTemplate.BangKhen)], CertificatePrintMode.Full);
        Assert.InRange(pdf.Length, 1, 100 * 1024);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+", f));
    }
}

/// <summary>Renders a PDF's page (the first unless told) with poppler and reads its QR code with zbarimg (both from Debian, installed by
/// ./build.sh), as a phone's camera would read the printed sheet.</summary>
public static class QrScan
{
    public static string Decode(byte[] pdf, int pageNumber = 1)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("qr-");
        try
        {
            var file = Path.Combine(dir.FullName, "c.pdf");
            File.WriteAllBytes(file, pdf);
            var page = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Run("pdftoppm", "-png", "-r", "150", "-f", page, "-l", page, file, Path.Combine(dir.FullName, "page"));
            var png = System.IO.Directory.GetFiles(dir.FullName, "page*.png").Single();
            return Run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png).Trim();
        }
        finally { dir.Delete(true); }
    }

    static string Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {error}");
        return output;
    }
}
