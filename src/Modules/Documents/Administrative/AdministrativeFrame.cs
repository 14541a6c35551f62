using System.Globalization;

namespace Emulation.Documents.Administrative;

/// <summary>Who issues the document: the body above it (may be absent), its own name, the number and symbol
/// ("12/BB-BDV"), and where and when it is signed.</summary>
public sealed record Issuer(string? Parent, string Name, string NumberAndSymbol, string Place, DateOnly Date);

/// <summary>A signature block: the capacity ("TM. BAN THƯỜNG VỤ", may be absent), the title, then room to sign, then
/// the name.</summary>
public sealed record Signature(string? Capacity, string Title, string Name);

/// <summary>The frame of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, appendix I): A4 with margins of
/// 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman metrics at 13 pt; the page number from the second page
/// on, centred in the top margin; the two-column heading with the national name and motto; place and date in italics;
/// the document's kind and summary centred in bold; "Nơi nhận" at the bottom left and signature blocks to the right.</summary>
public static class AdministrativeFrame
{
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    const double SigningSpaceMm = 25, HeadingLeftMm = 68;

    public static void Page(DocumentDescriptor document, Issuer issuer, string kind, string summary, Action<ColumnDescriptor> body,
        IReadOnlyList<Signature> signatures, IReadOnlyList<string> recipients, bool landscape = false)
    {
        document.Title($"{kind} {summary}".Trim());
        document.Page(page =>
        {
            page.Size(landscape ? PageSizes.A4.Landscape() : PageSizes.A4)
                .MarginTop(20).MarginBottom(20).MarginLeft(30).MarginRight(15)
                .DefaultTextStyle(new TextStyle(Size: 13));
            // The page number: Arabic digits, upright, 13 pt, centred in the top margin, not shown on the first page.
            page.Header().SkipOnce().Text(t => { t.AlignCenter(); t.CurrentPageNumber(); });
            var content = page.Content();
            Heading(content, issuer);
            content.Space(6);
            content.Text(kind.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))).Bold().FontSize(14).AlignCenter();
            if (summary.Length > 0) content.Text(summary).Bold().FontSize(14).AlignCenter();
            content.Rule(35);
            content.Space(3);
            body(content);
            content.Space(4);
            Closing(content, signatures, recipients);
        });
    }

    /// <summary>The body's paragraph: justified, first line indented 12.7 mm, 6 pt after, as the decree asks.</summary>
    public static TextDescriptor Paragraph(ColumnDescriptor column, string text) =>
        column.Text(text).Justify().FirstLineIndent(12.7).SpaceAfter(6).LineHeight(1.2);

    public static TextDescriptor Section(ColumnDescriptor column, string text) =>
        column.Text(text).Bold().Justify().SpaceBefore(3).SpaceAfter(6);

    /// <summary>"Hà Nội, ngày 05 tháng 01 năm 2026": days below 10 and January and February take a leading zero.</summary>
    public static string PlaceAndDate(string place, DateOnly date) =>
        $"{place}, ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";

    // Two rows of the same two columns: the number and symbol then share a line with the place and date, whatever
    // the heights of the blocks above them.
    static void Heading(ColumnDescriptor content, Issuer issuer)
    {
        content.Row(row =>
        {
            var left = row.ConstantItem(HeadingLeftMm);
            if (!string.IsNullOrWhiteSpace(issuer.Parent)) left.Text(Upper(issuer.Parent)).FontSize(12).AlignCenter();
            foreach (var line in IssuerLines(Upper(issuer.Name))) left.Text(line).Bold().FontSize(12).AlignCenter();
            left.Rule(22);
            var right = row.RelativeItem();
            right.Text(Nation).Bold().FontSize(12).AlignCenter();
            right.Text(Motto).Bold().Underline().AlignCenter();
        });
        content.Row(row =>
        {
            row.ConstantItem(HeadingLeftMm).Text($"Số: {issuer.NumberAndSymbol}").AlignCenter();
            row.RelativeItem().Text(PlaceAndDate(issuer.Place, issuer.Date)).Italic().AlignCenter();
        });
    }

    static void Closing(ColumnDescriptor content, IReadOnlyList<Signature> signatures, IReadOnlyList<string> recipients)
    {
        if (recipients.Count > 0 && signatures.Count == 1)
        {
            content.Row(row =>
            {
                Recipients(row.RelativeItem(), recipients);
                SignatureBlock(row.RelativeItem(), signatures[0]);
            });
            return;
        }
        if (signatures.Count > 0)
            content.Row(row => { foreach (var signature in signatures) SignatureBlock(row.RelativeItem(), signature); });
        if (recipients.Count > 0) Recipients(content, recipients);
    }

    static void Recipients(ColumnDescriptor column, IReadOnlyList<string> recipients)
    {
        column.Text("Nơi nhận:").Bold().Italic().FontSize(12);
        for (var i = 0; i < recipients.Count; i++)
            column.Text($"- {recipients[i]}{(i == recipients.Count - 1 ? "." : ";")}").FontSize(11);
    }

    static void SignatureBlock(ColumnDescriptor column, Signature signature)
    {
        if (!string.IsNullOrWhiteSpace(signature.Capacity)) column.Text(Upper(signature.Capacity)).Bold().AlignCenter();
        column.Text(Upper(signature.Title)).Bold().AlignCenter();
        column.Space(SigningSpaceMm);
        column.Text(signature.Name).Bold().AlignCenter();
    }

    // About what the 68 mm column holds in 12 pt bold capitals on one line.
    const int IssuerLineLength = 24;
    static readonly string[][] Places = [.. new[] { "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG" }.Select(p => p.Split(' '))];

    /// <summary>The issuer's name as Decree 30's samples set it: a name too long for one line goes on two, broken before
    /// the place so the place stays whole ("ỦY BAN NHÂN DÂN" / "TỈNH CÀ MAU"), not wherever the column runs out
    /// ("… TỈNH CÀ" / "MAU"). A name with no place word is left to wrap.</summary>
    public static IReadOnlyList<string> IssuerLines(string name)
    {
        if (name.Length <= IssuerLineLength) return [name];
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
            if (Places.Any(place => words.Skip(i).Take(place.Length).SequenceEqual(place)))
                return [string.Join(' ', words[..i]), string.Join(' ', words[i..])];
        return [name];
    }

    static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
}
