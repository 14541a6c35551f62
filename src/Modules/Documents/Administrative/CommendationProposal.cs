using System.Globalization;
using ExportTable = Emulation.Kernel.Export.Table;

namespace Emulation.Documents.Administrative;

public sealed record ProposedModel(string ModelName, string Unit, string Field, decimal? AverageScore, string Achievement);

/// <summary>The models proposed at one level of commendation ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh").</summary>
public sealed record CommendationLevel(string Title, IReadOnlyList<ProposedModel> Models);

/// <summary>The list proposed for commendation (danh sách đề nghị khen thưởng), by level, from plain values: what the
/// Awards module takes in. As PDF and Word for signing, and as a spreadsheet.</summary>
public sealed record CommendationProposal(Issuer Issuer, string Summary, IReadOnlyList<string> Grounds, IReadOnlyList<CommendationLevel> Levels,
    Signature Signature, IReadOnlyList<string> Recipients)
{
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");
    static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public Document ToDocument() => Document.Create(d => AdministrativeFrame.Page(d, Issuer, "Danh sách", Summary, Body, [Signature], Recipients));

    public byte[] ToPdf() => ToDocument().GeneratePdf();

    public byte[] ToDocx() => ToDocument().GenerateDocx();

    /// <summary>One sheet, one row per proposed model, its level in the first column so the sheet filters by level, then
    /// the totals by level.</summary>
    public byte[] ToXlsx() => new ExportTable("Đề nghị khen thưởng",
        [new("Hình thức khen thưởng", 40), new("STT", 6), new("Tên mô hình", 50), new("Đơn vị", 30), new("Lĩnh vực", 20),
            new("Điểm trung bình", 12), new("Thành tích", 60)],
        [.. Levels.SelectMany(l => l.Models.Select((m, i) => (IReadOnlyList<object?>)
            [l.Title, i + 1, m.ModelName, m.Unit, m.Field, m.AverageScore, m.Achievement])),
            // Totals by form below the list, the way the signed list ends; the STT column holds the count.
            .. Levels.Select(l => (IReadOnlyList<object?>)["Cộng: " + l.Title, l.Models.Count, null, null, null, null, null]),
            ["Tổng cộng", Levels.Sum(l => l.Models.Count), null, null, null, null, null]]).ToXlsx();

    void Body(ColumnDescriptor c)
    {
        foreach (var ground in Grounds) AdministrativeFrame.Paragraph(c, ground).Italic();
        for (var i = 0; i < Levels.Count; i++)
        {
            var level = Levels[i];
            var number = i < Roman.Length ? Roman[i] : (i + 1).ToString(Vietnam);
            AdministrativeFrame.Section(c, $"{number}. {level.Title} ({level.Models.Count} mô hình)");
            c.Table(t =>
            {
                t.ColumnsDefinition(x => { x.ConstantColumn(12); x.RelativeColumn(3); x.RelativeColumn(2); x.RelativeColumn(1.5); x.ConstantColumn(15); x.RelativeColumn(3); });
                t.Header(h =>
                {
                    foreach (var title in (string[])["STT", "Tên mô hình", "Đơn vị", "Lĩnh vực", "Điểm trung bình", "Thành tích tiêu biểu"])
                        h.Cell().Text(title).Bold().FontSize(11).AlignCenter().LineHeight(1.05);
                });
                var n = 0;
                foreach (var m in level.Models)
                {
                    MeetingMinutes.Cell(t, (++n).ToString(Vietnam), TextAlign.Center);
                    MeetingMinutes.Cell(t, m.ModelName, TextAlign.Left);
                    MeetingMinutes.Cell(t, m.Unit, TextAlign.Left);
                    MeetingMinutes.Cell(t, m.Field, TextAlign.Left);
                    MeetingMinutes.Cell(t, m.AverageScore is { } s ? s.ToString("0.00", Vietnam) : "", TextAlign.Center);
                    MeetingMinutes.Cell(t, m.Achievement, TextAlign.Justify);
                }
            });
            c.Space(2);
        }
        AdministrativeFrame.Paragraph(c, $"Tổng cộng: {Levels.Sum(l => l.Models.Count)} mô hình được đề nghị khen thưởng{(Levels.Count > 0 ? ", trong đó:" : ".")}").Bold();
        foreach (var level in Levels) AdministrativeFrame.Paragraph(c, $"- {level.Title}: {level.Models.Count} mô hình;");
    }
}
