using System.Globalization;
using Emulation.Documents;
using Emulation.Documents.Administrative;

namespace Emulation.Awards.Decisions;

/// <summary>The decision and its annex in the administrative frame of Decree 30/2020 (ADR 0020): QUYẾT ĐỊNH Về việc tặng
/// ..., the grounds, the proposal, Điều 1-3, the signature block and "Nơi nhận", then the annex as a table on its own
/// page under the same heading. Mapped from the decision alone, so a signed decision prints the same every time.</summary>
public static class DecisionDocument
{
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");

    public static Document Of(AwardDecision d)
    {
        var c = d.Content;
        var issuer = new Issuer(d.Form.IssuerParent, d.Form.IssuerName, c.NumberAndSymbol, c.Place, c.Date);
        var signature = new Signature(c.SignerCapacity, c.SignerTitle, c.SignerName);
        return Document.Create(document =>
        {
            AdministrativeFrame.Page(document, issuer, "Quyết định", d.Summary, body => Body(body, d), [signature], c.CopiesTo);
            AdministrativeFrame.Page(document, issuer, "Danh sách", AnnexSummary(d), body => Annex(body, d), [], []);
        });
    }

    public static byte[] Pdf(AwardDecision d) => Of(d).GeneratePdf();

    public static byte[] Docx(AwardDecision d) => Of(d).GenerateDocx();

    public static string FileName(AwardDecision d, string extension) =>
        $"quyet-dinh-{d.Content.Number}-{d.Content.Date.Year}.{extension}";

    static void Body(ColumnDescriptor col, AwardDecision d)
    {
        var c = d.Content;
        col.Text(Authority(d)).Bold().AlignCenter().SpaceAfter(6);
        foreach (var ground in c.Grounds) AdministrativeFrame.Paragraph(col, ground).Italic();
        AdministrativeFrame.Paragraph(col, c.Proposal).Italic();
        col.Text("QUYẾT ĐỊNH:").Bold().AlignCenter().SpaceBefore(3).SpaceAfter(6);
        AdministrativeFrame.Paragraph(col, Article1(d));
        AdministrativeFrame.Paragraph(col, Article2(d));
        AdministrativeFrame.Paragraph(col, "Điều 3. " + c.Executors);
    }

    /// <summary>The line under the summary naming who decides: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU".</summary>
    static string Authority(AwardDecision d) => d.Form.IssuerTitle.ToUpper(Vietnam);

    static string Article1(AwardDecision d)
    {
        var who = Who(d);
        return d.Corrects switch
        {
            { Kind: CorrectionKinds.Revoke } x => $"Điều 1. Hủy bỏ việc khen thưởng đối với {who} có tên trong danh sách kèm theo tại Quyết định số {x.Number}; thu hồi hiện vật và tiền thưởng đã nhận.",
            { } x => $"Điều 1. Sửa đổi Quyết định số {x.Number}: tặng {d.Form.Name} cho {who} có tên trong danh sách kèm theo, thay cho nội dung tương ứng của quyết định đó.",
            _ => $"Điều 1. Tặng {d.Form.Name} cho {who} có tên trong danh sách kèm theo, đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”."
        };
    }

    static string Who(AwardDecision d)
    {
        var collectives = d.Content.Annex.Count(a => a.RecipientKind == RecipientKinds.Collective);
        var individuals = d.Content.Annex.Count - collectives;
        return string.Join(" và ", new[] { collectives > 0 ? $"{collectives} tập thể" : null, individuals > 0 ? $"{individuals} cá nhân" : null }.OfType<string>());
    }

    static string Article2(AwardDecision d)
    {
        var c = d.Content;
        if (d.IsRevocation) return "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.";
        var parts = new List<string>();
        if (c.PrizeCollective is > 0) parts.Add($"mỗi tập thể {Money.Words(c.PrizeCollective.Value)}");
        if (c.PrizeIndividual is > 0) parts.Add($"mỗi cá nhân {Money.Words(c.PrizeIndividual.Value)}");
        return parts.Count == 0
            ? "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
            : $"Điều 2. Kèm theo {d.Form.Name} là tiền thưởng theo quy định: {string.Join("; ", parts)}, từ nguồn quỹ thi đua, khen thưởng. Quyết định này có hiệu lực kể từ ngày ký.";
    }

    static string AnnexSummary(AwardDecision d) =>
        $"(Kèm theo Quyết định số {d.Content.NumberAndSymbol} ngày {d.Content.Date.ToString("dd/MM/yyyy", Vietnam)})";

    static void Annex(ColumnDescriptor col, AwardDecision d)
    {
        string[] roman = ["I", "II"];
        var n = 0;
        foreach (var (kind, title) in new[] { (RecipientKinds.Collective, "TẬP THỂ"), (RecipientKinds.Individual, "CÁ NHÂN") })
        {
            var entries = d.Content.Annex.Where(a => a.RecipientKind == kind).ToList();
            if (entries.Count == 0) continue;
            AdministrativeFrame.Section(col, $"{roman[n++]}. {title} ({entries.Count})");
            var individual = kind == RecipientKinds.Individual;
            col.Table(t =>
            {
                // A collective is named with its place in the tree already ("Xã Khánh Hội"): no position column to leave empty.
                t.ColumnsDefinition(x => { x.ConstantColumn(12); x.RelativeColumn(3); if (individual) x.RelativeColumn(3); x.RelativeColumn(individual ? 4 : 6); });
                t.Header(h =>
                {
                    string[] heads = individual ? ["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"] : ["STT", "Tên tập thể", "Thành tích"];
                    foreach (var head in heads) h.Cell().Text(head).Bold().FontSize(11).AlignCenter();
                });
                var i = 0;
                foreach (var a in entries)
                {
                    t.Cell().Text((++i).ToString(Vietnam)).FontSize(11).AlignCenter();
                    t.Cell().Text(a.Name).FontSize(11).Bold();
                    if (individual) t.Cell().Text(string.Join(", ", new[] { a.Position, a.Unit }.Where(s => !string.IsNullOrWhiteSpace(s)))).FontSize(11);
                    t.Cell().Text(a.Achievement).FontSize(11).Justify();
                }
            });
            col.Space(3);
        }
        AdministrativeFrame.Paragraph(col, $"Danh sách có {Who(d)}./.").Italic();
    }
}
