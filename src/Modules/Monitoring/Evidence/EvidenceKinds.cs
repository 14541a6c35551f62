namespace Emulation.Monitoring.Evidence;

/// <summary>A kind of file a unit may attach: what its first bytes must be, which names it may carry, and, for
/// containers (zip, OLE), a part that must appear somewhere in it to tell a Word file from a spreadsheet. A text kind
/// (CSV) has no signature: the whole file must be UTF-8 text.</summary>
public sealed record EvidenceKind(string Name, string ContentType, string[] Extensions, byte[][] Magic, byte[]? Part = null,
    bool Thumbnailed = false, bool Text = false)
{
    public bool Starts(ReadOnlySpan<byte> head)
    {
        if (Text) return head.IndexOf((byte)0) < 0;
        foreach (var magic in Magic)
            if (head.Length >= magic.Length && Matches(head, magic)) return true;
        return false;
    }

    // WebP: "RIFF", four bytes of length, then "WEBP"; a zero byte in a pattern stands for "any byte".
    static bool Matches(ReadOnlySpan<byte> head, byte[] magic)
    {
        for (var i = 0; i < magic.Length; i++)
            if (magic[i] != 0 && head[i] != magic[i]) return false;
        return true;
    }
}

public static class EvidenceKinds
{
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    static byte[] Ascii(string s) => System.Text.Encoding.ASCII.GetBytes(s);
    static byte[] Utf16(string s) => System.Text.Encoding.Unicode.GetBytes(s);

    public static readonly EvidenceKind Jpeg = new("ảnh JPEG", "image/jpeg", [".jpg", ".jpeg"], [[0xFF, 0xD8, 0xFF]], Thumbnailed: true);
    public static readonly EvidenceKind Png = new("ảnh PNG", "image/png", [".png"], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]], Thumbnailed: true);
    public static readonly EvidenceKind Gif = new("ảnh GIF", "image/gif", [".gif"], [Ascii("GIF87a"), Ascii("GIF89a")], Thumbnailed: true);
    public static readonly EvidenceKind Webp = new("ảnh WebP", "image/webp", [".webp"], [[.. Ascii("RIFF"), 0, 0, 0, 0, .. Ascii("WEBP")]], Thumbnailed: true);
    // Photos from phones (HEIC: an ISO box "ftyp" with a HEIF brand) and scans (TIFF, either byte order) are kept as
    // they are; SkiaSharp on Linux decodes neither, so they get no thumbnail and show as a link.
    public static readonly EvidenceKind Heic = new("ảnh HEIC", "image/heic", [".heic", ".heif"],
        [.. new[] { "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1" }.Select(brand => (byte[])[0, 0, 0, 0, .. Ascii("ftyp" + brand)])]);
    public static readonly EvidenceKind Tiff = new("ảnh quét TIFF", "image/tiff", [".tif", ".tiff"], [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]);
    public static readonly EvidenceKind Csv = new("bảng số liệu CSV (UTF-8)", "text/csv", [".csv"], [], Text: true);
    public static readonly EvidenceKind Pdf = new("tài liệu PDF", "application/pdf", [".pdf"], [Ascii("%PDF-")]);
    public static readonly EvidenceKind Docx = new("văn bản Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".docx"], [Zip], Ascii("word/document.xml"));
    public static readonly EvidenceKind Xlsx = new("bảng tính Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".xlsx"], [Zip], Ascii("xl/workbook.xml"));
    // Legacy Office files are OLE compound files; the directory names the main stream in UTF-16.
    public static readonly EvidenceKind Doc = new("văn bản Word (DOC)", "application/msword", [".doc"], [Ole], Utf16("WordDocument"));
    public static readonly EvidenceKind Xls = new("bảng tính Excel (XLS)", "application/vnd.ms-excel", [".xls"], [Ole], Utf16("Workbook"));

    public static readonly IReadOnlyList<EvidenceKind> All = [Jpeg, Png, Webp, Gif, Heic, Tiff, Pdf, Docx, Xlsx, Doc, Xls, Csv];

    public const string Accepted = "ảnh (JPG, PNG, WebP, GIF, HEIC), bản quét TIFF, PDF, Word (DOC, DOCX), Excel (XLS, XLSX) và CSV";

    /// <summary>The longest signature checked at the start of a file.</summary>
    public const int HeadLength = 12;

    public static EvidenceKind? ForFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(k => k.Extensions.Contains(extension));
    }

    /// <summary>What the first bytes say the file is, for the message when they disagree with the name.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        foreach (var kind in All.Where(k => k.Part is null && !k.Text))
            if (kind.Starts(head)) return kind.Name;
        if (head.StartsWith(Zip)) return "tệp nén ZIP";
        if (head.StartsWith(Ole)) return "tệp Office cũ";
        return null;
    }
}
