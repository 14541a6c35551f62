using DocumentFormat.OpenXml.Packaging;
using Emulation.Awards.Decisions;
using Emulation.Contracts;
using Emulation.UnitTests.Documents;

namespace Emulation.UnitTests.AwardDecisions;

/// <summary>The decision and its annex as printed (ADR 0030): read back from the PDF, every name exact, A4 portrait.</summary>
public sealed class DecisionDocumentTests
{
    [Fact]
    public void The_pdf_reads_back_the_decision_s_parts_and_every_recipient_exactly_on_a4()
    {
        var people = new[]
        {
            AwardRulesTests.Proposed("Phường 5"), AwardRulesTests.Proposed("Xã Khánh Hội"),
            AwardRulesTests.Proposed("Nguyễn Thị Hoa", RecipientKinds.Individual), AwardRulesTests.Proposed("Lê Văn Tâm", RecipientKinds.Individual)
        };
        var list = AwardRulesTests.List(people);
        var d = AwardRulesTests.Decision(list, AwardRulesTests.Form(), people, 125);

        var pages = PdfText.Read(DecisionDocument.Pdf(d));
        var lines = pages.SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        var text = PdfText.All(pages);

        Assert.All(pages, p => { Assert.InRange(p.Width, 594.3, 596.3); Assert.InRange(p.Height, 840.9, 842.9); });
        Assert.Contains("QUYẾT ĐỊNH", lines);
        Assert.Contains("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", lines);
        Assert.Contains(lines, l => l.StartsWith("Số: 125/QĐ-UBND") && l.EndsWith("Cà Mau, ngày 15 tháng 11 năm 2023"));
        Assert.Contains("Căn cứ Luật Thi đua, khen thưởng", text);
        Assert.Contains("Xét đề nghị của Ban Dân vận Tỉnh ủy Cà Mau", text);
        Assert.Contains(lines, l => l.StartsWith("Điều 1. Tặng Bằng khen"));
        Assert.Contains("Điều 2.", text);
        Assert.Contains("Điều 3.", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("KT. CHỦ TỊCH", text);
        Assert.Contains("Ngô Văn Phúc", text);
        Assert.Contains("(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/11/2023)", lines);
        Assert.Contains("I. TẬP THỂ (2)", lines);
        Assert.Contains("II. CÁ NHÂN (2)", lines);
        foreach (var p in people) Assert.Contains(lines, l => l.StartsWith($"{(p.RecipientKind == RecipientKinds.Collective ? people.ToList().IndexOf(p) + 1 : people.ToList().IndexOf(p) - 1)} {p.Name}"));
    }

    [Fact]
    public void The_docx_opens_and_carries_the_annex()
    {
        var person = AwardRulesTests.Proposed("Trương Thị Ngọc", RecipientKinds.Individual);
        var d = AwardRulesTests.Decision(AwardRulesTests.List(person), AwardRulesTests.Form(), [person], 125);
        using var word = WordprocessingDocument.Open(new MemoryStream(DecisionDocument.Docx(d)), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("QUYẾT ĐỊNH", text);
        Assert.Contains("Trương Thị Ngọc", text);
        Assert.Contains("Tổ trưởng tổ dân phố, Phường 1", text);
    }
}
