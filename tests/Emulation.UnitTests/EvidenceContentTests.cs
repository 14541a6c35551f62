using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Emulation.Monitoring.Evidence;
using Emulation.UnitTests.Support;
using SkiaSharp;

namespace Emulation.UnitTests;

/// <summary>Evidence is judged by its bytes, not its name: the signature at the start, the part inside an Office
/// container, the size while it streams, and the SHA-256 of exactly what passed.</summary>
public sealed class EvidenceContentTests
{
    internal static byte[] Jpeg(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.SeaGreen);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(16, 16);
        using var data = SKImage.FromBitmap(bitmap).Encode(format, 90);
        return data.ToArray();
    }

    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    static readonly byte[] Gif = [.. Encoding.ASCII.GetBytes("GIF89a"), 1, 0, 1, 0, 0, 0, 0, 0x3B];

    static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.Text("Biên bản họp dân ấp 3")))));
        }
        return stream.ToArray();
    }

    static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var part = book.AddWorkbookPart();
            part.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        }
        return stream.ToArray();
    }

    static byte[] Ole(string stream) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[500], .. Encoding.Unicode.GetBytes(stream), .. new byte[100]];

    static string? Judge(string name, byte[] content, int chunk = 4096)
    {
        var kind = EvidenceKinds.ForFileName(name);
        Assert.NotNull(kind);
        var check = new ContentCheck(kind, name);
        for (var i = 0; i < content.Length && check.Problem is null; i += chunk)
            check.Observe(content.AsSpan(i, Math.Min(chunk, content.Length - i)));
        return check.Finish();
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "ảnh họp dân.jpg", "jpeg" }, { "ANH.JPEG", "jpeg" }, { "so-do.png", "png" }, { "anh.webp", "webp" }, { "dong.gif", "gif" },
        { "bien-ban.pdf", "pdf" }, { "bao-cao.docx", "docx" }, { "so-lieu.xlsx", "xlsx" }, { "cu.doc", "doc" }, { "cu.xls", "xls" },
        { "IMG_0412.HEIC", "heic" }, { "ban-quet.tif", "tiff-le" }, { "ban-quet.tiff", "tiff-be" }, { "so-lieu.csv", "csv" }
    };

    // The start of a HEIC photo: a 24-byte "ftyp" box with the "heic" brand, then its "meta" box.
    static readonly byte[] Heic = [0, 0, 0, 24, .. Encoding.ASCII.GetBytes("ftypheic"), 0, 0, 0, 0, .. Encoding.ASCII.GetBytes("mif1heic"), 0, 0, 0, 8,
        .. Encoding.ASCII.GetBytes("meta")];
    static readonly byte[] Csv = Encoding.UTF8.GetBytes("STT,Hộ tham gia,Kinh phí\n1,Nguyễn Thị Hoa,\"1.500.000\"\n2,Trần Văn Đức,\"2.000.000\"\n");

    static byte[] Sample(string kind) => kind switch
    {
        "jpeg" => Jpeg(), "png" => Image(SKEncodedImageFormat.Png), "webp" => Image(SKEncodedImageFormat.Webp), "gif" => Gif,
        "pdf" => Pdf, "docx" => Docx(), "xlsx" => Xlsx(), "doc" => Ole("WordDocument"), "xls" => Ole("Workbook"),
        "heic" => Heic, "tiff-le" => [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, .. new byte[40]], "tiff-be" => [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, .. new byte[40]],
        "csv" => Csv,
        _ => throw new ArgumentOutOfRangeException(nameof(kind))
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_content_is_what_its_name_says_passes(string name, string kind) => Assert.Null(Judge(name, Sample(kind)));

    [Fact]
    public void A_csv_must_be_utf8_text_to_the_end_even_when_a_letter_straddles_two_reads()
    {
        for (var chunk = 1; chunk <= 9; chunk++) Assert.Null(Judge("so-lieu.csv", Csv, chunk));
        // "Hộ" in Windows-1258 (what an old Excel saves as CSV) is not UTF-8; neither is a picture nor a NUL at the end.
        byte[] ansi = [.. Encoding.ASCII.GetBytes("STT,H"), 0xD4, 0xD2, .. Encoding.ASCII.GetBytes(" tham gia\n")];
        Assert.Contains("CSV UTF-8", Judge("so-lieu.csv", ansi));
        Assert.NotNull(Judge("so-lieu.csv", Jpeg()));
        Assert.NotNull(Judge("so-lieu.csv", [.. Csv, 0]));
        // A letter cut off at the very end of the file.
        Assert.NotNull(Judge("so-lieu.csv", Csv[..^1].Concat(Encoding.UTF8.GetBytes("ộ")[..2]).ToArray()));
        Assert.False(EvidenceKinds.Csv.Thumbnailed || EvidenceKinds.Heic.Thumbnailed || EvidenceKinds.Tiff.Thumbnailed);
    }

    [Fact]
    public void A_pdf_named_heic_or_tif_is_refused_and_a_photo_is_told_apart_from_a_video_box()
    {
        Assert.Contains("(nội dung là tài liệu PDF)", Judge("anh.heic", Pdf));
        Assert.Contains("(nội dung là tài liệu PDF)", Judge("quet.tif", Pdf));
        byte[] mp4 = [0, 0, 0, 24, .. Encoding.ASCII.GetBytes("ftypisom"), .. new byte[16]];
        Assert.NotNull(Judge("video.heic", mp4));
    }

    [Fact]
    public void A_pdf_named_jpg_is_refused_and_the_message_says_what_it_is()
    {
        var problem = Judge("anh.jpg", Pdf);
        Assert.Equal("Nội dung tệp “anh.jpg” không phải là ảnh JPEG như tên tệp cho biết (nội dung là tài liệu PDF).", problem);
    }

    [Fact]
    public void A_spreadsheet_named_docx_and_a_bare_zip_named_xlsx_are_refused()
    {
        Assert.Contains("không phải là văn bản Word (DOCX) hợp lệ", Judge("bao-cao.docx", Xlsx()));
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("readme.txt"), .. new byte[64]];
        Assert.Contains("không phải là bảng tính Excel (XLSX) hợp lệ", Judge("so-lieu.xlsx", zip));
        Assert.Contains("không phải là văn bản Word (DOC)", Judge("cu.doc", Ole("Workbook")));
    }

    [Fact]
    public void The_part_is_found_when_it_straddles_two_chunks_even_one_byte_at_a_time()
    {
        var docx = Docx();
        Assert.Null(Judge("bao-cao.docx", docx, chunk: 1));
        Assert.Null(Judge("bao-cao.docx", docx, chunk: 7));
        Assert.Null(Judge("cu.doc", Ole("WordDocument"), chunk: 3));
    }

    [Fact]
    public void The_part_is_found_at_every_read_size_and_two_halves_of_it_apart_are_not_taken_for_it()
    {
        var docx = Docx();
        var doc = Ole("WordDocument");
        byte[] halves = [0x50, 0x4B, 0x03, 0x04, .. new byte[40], .. Encoding.ASCII.GetBytes("word/document.xm!ord/document.xml"), .. new byte[40]];
        for (var chunk = 1; chunk <= 64; chunk++)
        {
            Assert.Null(Judge("bao-cao.docx", docx, chunk));
            Assert.Null(Judge("cu.doc", doc, chunk));
            Assert.NotNull(Judge("cu.doc", Ole("Workbook"), chunk));
            Assert.NotNull(Judge("bao-cao.docx", halves, chunk));
        }
    }

    [Fact]
    public void Names_outside_the_list_have_no_kind_and_an_empty_or_short_file_is_refused()
    {
        Assert.Null(EvidenceKinds.ForFileName("virus.exe"));
        Assert.Null(EvidenceKinds.ForFileName("khong-duoi"));
        Assert.Null(EvidenceKinds.ForFileName("anh.jpg.html"));
        Assert.Equal("Tệp “anh.jpg” rỗng.", Judge("anh.jpg", []));
        Assert.NotNull(Judge("anh.png", [0x89, 0x50]));
        Assert.NotNull(Judge("anh.webp", Encoding.ASCII.GetBytes("RIFF0000WAVE")));
    }

    [Fact]
    public async Task The_intake_hashes_exactly_what_passed_and_stops_one_byte_past_the_limit()
    {
        var content = new byte[100_000];
        Random.Shared.NextBytes(content);
        Pdf.CopyTo(content, 0);
        using (var intake = new EvidenceIntake(new MemoryStream(content), new ContentCheck(EvidenceKinds.Pdf, "a.pdf"), content.Length))
        {
            await intake.CopyToAsync(Stream.Null);
            Assert.Equal(content.Length, intake.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), intake.Sha256);
        }
        using var over = new EvidenceIntake(new MemoryStream(content), new ContentCheck(EvidenceKinds.Pdf, "a.pdf"), content.Length - 1);
        var refused = await Assert.ThrowsAsync<EvidenceRefused>(() => over.CopyToAsync(Stream.Null));
        Assert.Equal(413, refused.Status);
        Assert.Equal("Tệp vượt quá dung lượng cho phép (0,1 MB). Hãy nén ảnh hoặc tách tài liệu rồi gửi lại.", refused.Message);
        Assert.Equal("20 MB", EvidenceIntake.Megabytes(20 * 1024 * 1024));
    }

    [Fact]
    public async Task The_intake_refuses_at_the_first_chunk_when_the_signature_is_wrong()
    {
        var source = new MemoryStream([.. Pdf, .. new byte[1_000_000]]);
        using var intake = new EvidenceIntake(source, new ContentCheck(EvidenceKinds.Jpeg, "anh.jpg"), 20_000_000);
        var refused = await Assert.ThrowsAsync<EvidenceRefused>(() => intake.CopyToAsync(Stream.Null, 4096));
        Assert.Equal(400, refused.Status);
        Assert.True(source.Position <= 4096, "the rest of the file is not read once the start is wrong");
    }

    static void Near(SKColor expected, SKColor actual)
    {
        foreach (var (e, a) in new[] { (expected.Red, actual.Red), (expected.Green, actual.Green), (expected.Blue, actual.Blue) })
            Assert.True(Math.Abs(e - a) <= 12, $"expected about {expected}, got {actual}");
    }

    [Fact]
    public void A_large_png_gets_a_thumbnail_of_the_same_picture_even_when_cut_short()
    {
        var png = TwoBandImage.Encode(2001, 999, SKEncodedImageFormat.Png, 100);
        var (outcome, bytes) = Thumbnails.Make(new MemoryStream(png));
        Assert.Equal(Thumbnails.Outcome.Made, outcome);
        using (var thumb = SKBitmap.Decode(bytes))
        {
            Assert.Equal(320, thumb.Width);
            Assert.InRange(thumb.Height, 159, 161);
            Near(SKColors.SkyBlue, thumb.GetPixel(160, 20));
            Near(SKColors.DarkGreen, thumb.GetPixel(160, thumb.Height - 20));
        }

        // Cut in the middle of its pixel data, the top still shows and the rest is blank, as for a cut JPEG.
        var (cutOutcome, cutBytes) = Thumbnails.Make(new MemoryStream(png[..(png.Length / 2)]));
        Assert.Equal(Thumbnails.Outcome.Made, cutOutcome);
        using var cut = SKBitmap.Decode(cutBytes);
        Assert.Equal(320, cut.Width);
        Near(SKColors.SkyBlue, cut.GetPixel(160, 5));
    }

    [Fact]
    public void A_thumbnail_fits_320_pixels_and_keeps_the_shape_and_garbage_gets_none()
    {
        var (outcome, bytes) = Thumbnails.Make(new MemoryStream(Jpeg(2000, 1000)));
        Assert.Equal(Thumbnails.Outcome.Made, outcome);
        using var thumb = SKBitmap.Decode(bytes);
        Assert.Equal((320, 160), (thumb.Width, thumb.Height));
        Assert.Equal(Thumbnails.Outcome.Unreadable, Thumbnails.Make(new MemoryStream([0xFF, 0xD8, 0xFF, .. new byte[200]])).Item1);
    }
}
