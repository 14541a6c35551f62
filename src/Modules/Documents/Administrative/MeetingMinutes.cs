using System.Globalization;

namespace Emulation.Documents.Administrative;

public sealed record MinutesParticipant(string Name, string Position);

/// <summary>One model's line in the results: the board's mean score, its decision and the vote.</summary>
public sealed record MinutesResult(string ModelName, string Unit, string Field, decimal? AverageScore, string Outcome, int Present, int For, int Against);

/// <summary>The minutes of a review meeting (biên bản họp xét), from plain values so any module can fill it.</summary>
public sealed record MeetingMinutes(
    Issuer Issuer, string Summary, string TimeAndPlace, string Chair, string Secretary,
    IReadOnlyList<MinutesParticipant> Participants, IReadOnlyList<string> Agenda, IReadOnlyList<string> Proceedings,
    IReadOnlyList<MinutesResult> Results, string Closing, Signature SecretarySignature, Signature ChairSignature,
    IReadOnlyList<string> Recipients)
{
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Members absent, listed after those present; null leaves the line out (the caller did not say).</summary>
    public IReadOnlyList<MinutesParticipant>? Absent { get; init; }

    public Document ToDocument() => Document.Create(d => AdministrativeFrame.Page(d, Issuer, "Biên bản", Summary, Body,
        [SecretarySignature, ChairSignature], Recipients));

    public byte[] ToPdf() => ToDocument().GeneratePdf();

    public byte[] ToDocx() => ToDocument().GenerateDocx();

    void Body(ColumnDescriptor c)
    {
        AdministrativeFrame.Section(c, "I. THỜI GIAN, ĐỊA ĐIỂM");
        AdministrativeFrame.Paragraph(c, TimeAndPlace);
        AdministrativeFrame.Section(c, "II. THÀNH PHẦN THAM DỰ");
        AdministrativeFrame.Paragraph(c, $"Chủ trì: {Chair}.");
        AdministrativeFrame.Paragraph(c, $"Thư ký: {Secretary}.");
        AdministrativeFrame.Paragraph(c, $"Thành viên dự họp ({Participants.Count} người):");
        foreach (var p in Participants) AdministrativeFrame.Paragraph(c, $"- {p.Name}, {p.Position};");
        if (Absent is { Count: 0 }) AdministrativeFrame.Paragraph(c, "Vắng mặt: không.");
        else if (Absent is not null)
        {
            AdministrativeFrame.Paragraph(c, $"Vắng mặt ({Absent.Count} người):");
            foreach (var p in Absent) AdministrativeFrame.Paragraph(c, $"- {p.Name}, {p.Position};");
        }
        AdministrativeFrame.Section(c, "III. NỘI DUNG");
        for (var i = 0; i < Agenda.Count; i++) AdministrativeFrame.Paragraph(c, $"{i + 1}. {Agenda[i]}");
        foreach (var paragraph in Proceedings) AdministrativeFrame.Paragraph(c, paragraph);
        AdministrativeFrame.Section(c, "IV. KẾT QUẢ XÉT");
        AdministrativeFrame.Paragraph(c, $"Hội đồng đã xét {Results.Count} mô hình; kết quả biểu quyết như sau:");
        c.Table(ResultsTable);
        c.Space(3);
        AdministrativeFrame.Paragraph(c, Closing);
    }

    void ResultsTable(TableDescriptor t)
    {
        t.ColumnsDefinition(c =>
        {
            c.ConstantColumn(12); c.RelativeColumn(3); c.RelativeColumn(2); c.RelativeColumn(1.6); c.ConstantColumn(14);
            c.RelativeColumn(1.8); c.ConstantColumn(12); c.ConstantColumn(14); c.ConstantColumn(15);
        });
        t.Header(h =>
        {
            foreach (var title in (string[])["STT", "Tên mô hình", "Đơn vị", "Lĩnh vực", "Điểm trung bình", "Kết quả", "Có mặt", "Tán thành", "Không tán thành"])
                h.Cell().Text(title).Bold().FontSize(11).AlignCenter().LineHeight(1.05);
        });
        var n = 0;
        foreach (var r in Results)
        {
            Cell(t, (++n).ToString(Vietnam), TextAlign.Center);
            Cell(t, r.ModelName, TextAlign.Left);
            Cell(t, r.Unit, TextAlign.Left);
            Cell(t, r.Field, TextAlign.Left);
            Cell(t, r.AverageScore is { } s ? s.ToString("0.00", Vietnam) : "", TextAlign.Center);
            Cell(t, r.Outcome, TextAlign.Left);
            Cell(t, r.Present.ToString(Vietnam), TextAlign.Center);
            Cell(t, r.For.ToString(Vietnam), TextAlign.Center);
            Cell(t, r.Against.ToString(Vietnam), TextAlign.Center);
        }
    }

    internal static void Cell(TableDescriptor t, string text, TextAlign align)
    {
        var cell = t.Cell().Text(text).FontSize(11).LineHeight(1.05);
        _ = align switch { TextAlign.Center => cell.AlignCenter(), TextAlign.Right => cell.AlignRight(), _ => cell.AlignLeft() };
    }
}
