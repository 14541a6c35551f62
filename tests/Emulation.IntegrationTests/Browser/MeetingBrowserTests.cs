using System.Net;
using Emulation.UnitTests.Documents;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The secretary's meeting on the page (ADR 0025): rules, two decisions (one refused first because someone else
/// changed it meanwhile), the meeting's particulars, the minutes downloaded and read back, the results published; then
/// the unit sees its result on a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    // The label holds the hint and the required mark too: match its start, so "Tán thành" is not "Không tán thành".
    static ILocator Field(ILocator scope, string label) =>
        scope.GetByLabel(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(label) + @"(\s|\*|$)"));

    // Marks the page, saves, and waits for the reload that follows a success: the new page carries no mark.
    static async Task Save(IPage page, ILocator form, string button)
    {
        await page.EvaluateAsync("document.documentElement.dataset.saving = '1'");
        var response = await page.RunAndWaitForResponseAsync(() => form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(),
            r => r.Url.Contains("/api/review/rounds/"));
        if (response.Status != 200) Assert.Fail($"{button}: {response.Status} {await response.TextAsync()}");
        await page.Locator("html:not([data-saving])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task A_secretary_records_two_decisions_and_the_meeting_downloads_the_minutes_and_publishes_then_the_unit_sees_its_result()
    {
        var (campaign, period, _) = await app.AcceptedInOnePeriod(2, DirectoryScenarios.Unique("Đổi rác thải nhựa lấy quà ở khóm Ũ "));
        using var api = await app.As(ReviewScenarios.Secretary);
        var rubric = await api.PresetRubric();
        var round = (await api.Post("/api/review/rounds", ReviewScenarios.RoundBody(campaign, period, rubric))).Expect(HttpStatusCode.Created).Id;
        (await api.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        (await api.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await api.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        var models = (await api.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").EnumerateArray()
            .Select(m => (Id: m.GetProperty("modelId").GetGuid(), Name: m.GetProperty("name").GetString()!)).ToList();

        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(1366, 900);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserSession.SignIn(page, ReviewScenarios.Secretary);
        await page.GotoAsync($"/danh-gia/{round}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi kết quả họp xét" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/hop-xet"));

        var rules = page.Locator("#quy-tac");
        await Field(rules, "Nguyên tắc biểu quyết").SelectOptionAsync("qua-ban-co-mat");
        await Field(rules, "Số thành viên Ban").FillAsync("5");
        await Field(rules, "Bằng khen của Chủ tịch UBND tỉnh").FillAsync("1");
        await Save(page, rules, "Lưu cách biểu quyết");

        var first = page.Locator($"#d-{models[0].Id:N}");
        await Field(first, "Kết quả").SelectOptionAsync("proposed");
        await Field(first, "Hình thức khen thưởng đề nghị").SelectOptionAsync("bang-khen-tinh");
        await Field(first, "Có mặt").FillAsync("4");
        await Field(first, "Tán thành").FillAsync("4");
        await Field(first, "Không tán thành").FillAsync("0");
        await Field(first, "Thành tích, ghi chú").FillAsync("Đổi 3,5 tấn rác thải nhựa lấy 1.200 phần quà cho hộ nghèo.");
        await Save(page, first, "Ghi kết quả");
        await first.Locator("[data-outcome=proposed]").WaitForAsync();

        // Someone else records the second model while this page is open: the page's form names revision 0 and is refused.
        var second = page.Locator($"#d-{models[1].Id:N}");
        (await api.Post($"/api/review/rounds/{round}/decisions/{models[1].Id}",
            new { outcome = "recognised", present = 4, @for = 3, against = 1, revision = 0 })).Expect(HttpStatusCode.OK);
        await Field(second, "Kết quả").SelectOptionAsync("outstanding");
        await Field(second, "Có mặt").FillAsync("4");
        await Field(second, "Tán thành").FillAsync("3");
        await Field(second, "Không tán thành").FillAsync("1");
        await second.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        var error = second.Locator(".form-error");
        await error.GetByText("vừa được người khác ghi", new() { Exact = false }).WaitForAsync();
        await page.ReloadAsync();
        second = page.Locator($"#d-{models[1].Id:N}");
        Assert.Contains("Công nhận", await second.InnerTextAsync());
        await second.Locator("summary").ClickAsync();
        await Field(second, "Kết quả").SelectOptionAsync("outstanding");
        await Save(page, second, "Ghi kết quả");
        await second.Locator("[data-outcome=outstanding]").WaitForAsync();

        var meeting = page.Locator("#cuoc-hop");
        await Field(meeting, "Ngày họp").FillAsync("2026-12-28");
        await Field(meeting, "Số biên bản").FillAsync("07/BB-BCĐ");
        await Field(meeting, "Giờ bắt đầu").FillAsync("8 giờ 30");
        await Field(meeting, "Giờ kết thúc").FillAsync("11:00");
        await Field(meeting, "Địa điểm").FillAsync("Hội trường Ủy ban nhân dân Phường 1");
        await Field(meeting, "Chủ trì").FillAsync("Huỳnh Quốc Việt, Trưởng Ban Chỉ đạo");
        await Field(meeting, "Thư ký cuộc họp").FillAsync("Đặng Thị Ngọc Hân, Thư ký");
        await Field(meeting, "Thành viên có mặt").FillAsync("Huỳnh Quốc Việt, Trưởng Ban Chỉ đạo\nĐặng Thị Ngọc Hân, Thư ký\nLâm Văn Dũng, Ủy viên\nTrương Thị Mỹ Lệ, Ủy viên");
        await Field(meeting, "Thành viên vắng mặt").FillAsync("Võ Thành Được, Ủy viên (ốm)");
        await Field(meeting, "Kết luận của cuộc họp").FillAsync("Thống nhất đề nghị khen thưởng một mô hình và công nhận tiêu biểu một mô hình.");
        await Save(page, meeting, "Lưu thông tin cuộc họp");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#tai-ve").GetByRole(AriaRole.Link, new() { Name = "PDF" }).First.ClickAsync());
        Assert.StartsWith("Biên bản họp xét - ", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var text = PdfText.All(PdfText.Read(pdf)).Replace("\n", " ");
        foreach (var person in (string[])["Huỳnh Quốc Việt", "Đặng Thị Ngọc Hân", "Lâm Văn Dũng", "Trương Thị Mỹ Lệ", "Võ Thành Được"]) Assert.Contains(person, text);
        Assert.Contains("Hội trường Ủy ban nhân dân Phường 1", text);
        var names = PdfColumns.Between(pdf, 42 * 72 / 25.4 + 1, 77 * 72 / 25.4 + 1);
        foreach (var (_, name) in models) Assert.Contains(name, names);

        await Save(page, page.Locator("#cong-bo"), "Công bố kết quả");
        await page.Locator("#trang-thai").GetByText(Emulation.Review.Rounds.RoundRules.Name(Emulation.Review.Rounds.RoundState.Closed)).WaitForAsync();
        Assert.Equal(0, await page.Locator("#cuoc-hop form").CountAsync());

        var unit = await _browser.NewPage(app);
        await unit.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(unit, "canbo.phuong1");
        await unit.GotoAsync($"/danh-gia/{round}");
        Assert.Contains("Đề nghị Bằng khen của Chủ tịch UBND tỉnh", await unit.Locator($"#m-{models[0].Id:N}").InnerTextAsync());
        Assert.Contains("Tiêu biểu", await unit.Locator($"#m-{models[1].Id:N}").InnerTextAsync());
        Assert.Equal(0, await unit.GetByRole(AriaRole.Link, new() { Name = "Kết quả họp xét" }).CountAsync());
        var width = await unit.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the round page is {width}px wide on a 390px screen");
        var minutes = await unit.GotoAsync($"/danh-gia/{round}/hop-xet");
        Assert.Equal(403, minutes!.Status);
    }
}
