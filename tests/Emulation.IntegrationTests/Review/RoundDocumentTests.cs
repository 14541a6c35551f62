using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Emulation.UnitTests.Documents;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.IntegrationTests.Review;

/// <summary>The minutes and the proposal list of a round (ADR 0025) as files: the content types, Vietnamese file names,
/// the text read back exactly, and who may download them.</summary>
[Collection(AppCollection.Name)]
public sealed class RoundDocumentTests(AppFixture app)
{
    const string Pdf = "application/pdf";
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    async Task<(Guid Round, string[] Names, Api Secretary)> Decided()
    {
        var prefix = DirectoryScenarios.Unique("Tiết kiệm giúp nhau xóa đói, giảm nghèo ở khóm Ũ ");
        var (campaign, period, _) = await app.AcceptedInOnePeriod(2, prefix);
        var secretary = await app.As(ReviewScenarios.Secretary);
        var rubric = await secretary.PresetRubric();
        var round = (await secretary.Post("/api/review/rounds", ReviewScenarios.RoundBody(campaign, period, rubric))).Expect(HttpStatusCode.Created).Id;
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        var models = (await secretary.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").EnumerateArray()
            .Select(m => (Id: m.GetProperty("modelId").GetGuid(), Name: m.GetProperty("name").GetString()!)).ToList();
        (await secretary.Post($"/api/review/rounds/{round}/decisions/{models[0].Id}", new
        {
            outcome = "proposed", level = "bang-khen-tinh", present = 3, @for = 3, against = 0, revision = 0,
            note = "Giúp 42 hộ thoát nghèo, huy động 1.250 triệu đồng vốn xoay vòng."
        })).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{round}/decisions/{models[1].Id}",
            new { outcome = "outstanding", present = 3, @for = 2, against = 1, revision = 0 })).Expect(HttpStatusCode.OK);
        return (round, models.Select(m => m.Name).ToArray(), secretary);
    }

    static double Points(double mm) => mm * 72 / 25.4 + 1;

    static async Task<(HttpResponseMessage Response, byte[] Bytes)> Download(Api api, string url)
    {
        var response = await api.Client.GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_minutes_and_the_proposal_list_come_as_pdf_word_and_excel_with_every_name_exact()
    {
        var (round, names, secretary) = await Decided();
        using var _ = secretary;
        var refused = await secretary.Get($"/api/review/rounds/{round}/minutes/pdf");
        refused.Expect(HttpStatusCode.Conflict);
        Assert.Contains("Chưa ghi thông tin cuộc họp", refused.Detail);
        (await secretary.Put($"/api/review/rounds/{round}/meeting", MeetingTests.Meeting(3))).Expect(HttpStatusCode.OK);

        var (pdfResponse, pdf) = await Download(secretary, $"/api/review/rounds/{round}/minutes/pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal(Pdf, pdfResponse.Content.Headers.ContentType?.MediaType);
        var disposition = pdfResponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith("Biên bản họp xét - Sơ kết thử", disposition.FileNameStar);
        Assert.EndsWith(".pdf", disposition.FileNameStar);
        var pages = PdfText.Read(pdf);
        Assert.All(pages, p => { Assert.Equal(595.3, p.Width, 0.5); Assert.Equal(841.9, p.Height, 0.5); });
        var text = PdfText.All(pages);
        var flat = text.Replace("\n", " ");
        Assert.Contains("BIÊN BẢN", text);
        // A table cell wraps within its column: the column's text, lines joined, gives each name back whole. A4 with the
        // decree's 30 mm left margin puts the minutes' "Tên mô hình" column at 42-77 mm and "Kết quả" at 133-154 mm.
        var nameColumn = PdfColumns.Between(pdf, Points(42), Points(77));
        foreach (var name in names) Assert.Contains(name, nameColumn);
        foreach (var person in (string[])["Nguyễn Văn Thắng", "Lê Thị Ánh Tuyết", "Trần Thị Hồng Nhung", "Phạm Quốc Đạt"]) Assert.Contains(person, flat);
        Assert.Contains("Hội trường Ban Dân vận Tỉnh ủy Cà Mau", flat);
        Assert.Contains("Số: 12/BB-BDV", text);
        Assert.Contains("8 giờ ngày 28/12/2026", flat);
        Assert.Contains("kết thúc lúc 11 giờ 30 phút", flat);
        var outcomes = PdfColumns.Between(pdf, Points(133), Points(154));
        Assert.Contains("Đề nghị Bằng khen của Chủ tịch UBND tỉnh (100 % tán thành)", outcomes);
        Assert.Contains("Tiêu biểu (66,7 % tán thành)", outcomes);

        var (docxResponse, docx) = await Download(secretary, $"/api/review/rounds/{round}/minutes/docx");
        Assert.Equal(Docx, docxResponse.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", docxResponse.Content.Headers.ContentDisposition!.FileNameStar);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var cells = body.Descendants<W.TableCell>().Select(c => c.InnerText).ToList();
            foreach (var name in names) Assert.Contains(name, cells);
            var paragraphs = body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
            var absent = paragraphs.IndexOf("Vắng mặt (1 người):");
            Assert.True(absent > paragraphs.IndexOf("- Trần Thị Hồng Nhung, Chuyên viên;"), "the absent follow those present");
            Assert.Equal("- Phạm Quốc Đạt, Ủy viên (đi công tác);", paragraphs[absent + 1]);
        }

        var (listResponse, list) = await Download(secretary, $"/api/review/rounds/{round}/proposals/pdf");
        Assert.Equal(Pdf, listResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Danh sách đề nghị khen thưởng - ", listResponse.Content.Headers.ContentDisposition!.FileNameStar);
        var listText = PdfText.All(PdfText.Read(list)).Replace("\n", " ");
        // The list's columns: "Tên mô hình" at 42-85.6 mm, "Thành tích tiêu biểu" at 151.4-195 mm.
        var listNames = PdfColumns.Between(list, Points(42), Points(85.5));
        Assert.Contains(names[0], listNames);
        Assert.DoesNotContain(names[1], listNames);
        Assert.Contains("Giúp 42 hộ thoát nghèo, huy động 1.250 triệu đồng vốn xoay vòng.", PdfColumns.Between(list, Points(151.5), Points(195)));
        Assert.Contains("- Bằng khen của Chủ tịch UBND tỉnh: 1 mô hình;", listText);

        var (wordListResponse, wordList) = await Download(secretary, $"/api/review/rounds/{round}/proposals/docx");
        Assert.Equal(Docx, wordListResponse.Content.Headers.ContentType?.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(wordList), false))
            Assert.Contains(names[0], word.MainDocumentPart!.Document!.Body!.Descendants<W.TableCell>().Select(c => c.InnerText));

        var (sheetResponse, sheetBytes) = await Download(secretary, $"/api/review/rounds/{round}/proposals/xlsx");
        Assert.Equal(Xlsx, sheetResponse.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", sheetResponse.Content.Headers.ContentDisposition!.FileNameStar);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(sheetBytes), false))
        {
            var strings = sheet.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Select(s => s.InnerText).ToList() ?? [];
            var rows = sheet.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<S.Row>()
                .Select(r => r.Elements<S.Cell>().Select(c => c.DataType?.Value == S.CellValues.SharedString ? strings[int.Parse(c.InnerText)] : c.InnerText).ToList())
                .ToList();
            Assert.Equal(["Bằng khen của Chủ tịch UBND tỉnh", "1", names[0]], rows[1].Take(3));
            Assert.Equal(["Tổng cộng", "1"], rows[^1].Take(2));
        }

        (await secretary.Get($"/api/review/rounds/{round}/proposals/doc")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_board_and_administrators_download_and_a_unit_never_sees_the_minutes()
    {
        var (round, _, secretary) = await Decided();
        using var _ = secretary;
        (await secretary.Put($"/api/review/rounds/{round}/meeting", MeetingTests.Meeting(3))).Expect(HttpStatusCode.OK);
        using (var officer = await app.As("canbo.phuong1"))
        {
            (await officer.Get($"/api/review/rounds/{round}/minutes/pdf")).Expect(HttpStatusCode.Forbidden);
            (await officer.Get($"/api/review/rounds/{round}/proposals/xlsx")).Expect(HttpStatusCode.Forbidden);
            (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
            var forbidden = (await officer.Get($"/api/review/rounds/{round}/minutes/docx")).Expect(HttpStatusCode.Forbidden);
            Assert.Contains("Chỉ Ban phụ trách", forbidden.Detail);
            // The unit still reads its own results once they are published.
            Assert.Equal(2, (await officer.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").GetArrayLength());
        }
        using (var stranger = await app.As("canbo.khanhhoi"))
            (await stranger.Get($"/api/review/rounds/{round}/minutes/pdf")).Expect(HttpStatusCode.NotFound);
        using var admin = await app.As("quantri");
        var (response, bytes) = await Download(admin, $"/api/review/rounds/{round}/minutes/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
