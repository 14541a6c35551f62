using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>A board schedules and records a visit in the browser, the unit answers its action, and the board's
/// dashboard and the unit's page show it.</summary>
[Collection(AppCollection.Name)]
public sealed class InspectionBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    static readonly string Shots = Environment.GetEnvironmentVariable("EMULATION_SCREENSHOTS") ?? "";

    static async Task Shot(IPage page, string name)
    {
        if (Shots.Length > 0) await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task Scheduling_with_nothing_chosen_shows_every_mistake_in_sight_on_a_phone()
    {
        var board = await _browser.NewPage(app);
        await board.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(board, "thuky.bdvtinh");
        await board.GotoAsync("/theo-doi/kiem-tra/len-lich");
        var schedule = board.Locator("form.api-form");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();
        await schedule.Locator(".form-error:visible").WaitForAsync();
        Assert.Contains("hình thức", await schedule.Locator("[data-for='kind']").InnerTextAsync());
        var models = schedule.Locator("em[data-for='modelIds']");
        Assert.Contains("ít nhất một mô hình", await models.InnerTextAsync());
        // The list scrolls inside its panel: its error must lie within the panel's visible part, not under the boxes.
        Assert.True(await models.EvaluateAsync<bool>(
            "e => { const f = e.closest('fieldset').getBoundingClientRect(), r = e.getBoundingClientRect(); return r.height > 0 && r.top >= f.top && r.bottom <= f.bottom; }"));
        await Shot(board, "lich-loi");
    }

    [Fact]
    public async Task A_board_schedules_and_records_a_visit_and_the_unit_answers_its_action()
    {
        var model = await app.AcceptedModel("Địa chỉ tin cậy, nhà tạm lánh");
        await app.Summary(model);
        var name = (await app.Followed(model))!.Facts.Name;

        var board = await _browser.NewPage(app);
        await board.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(board, "thuky.phuong1");
        await board.GotoAsync("/theo-doi/kiem-tra/len-lich?q=" + Uri.EscapeDataString(name));
        var schedule = board.Locator("form.api-form");
        await schedule.GetByLabel("Hình thức").SelectOptionAsync("Supervision");
        await schedule.GetByLabel(name, new() { Exact = false }).CheckAsync();
        await Shot(board, "lich");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();
        await board.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, "/theo-doi/kiem-tra/[0-9a-f-]{36}$"));
        Assert.Equal("Đã lên lịch", await board.Locator("#status").InnerTextAsync());

        var record = board.Locator("form.api-form");
        await record.GetByLabel("Ngày kiểm tra, giám sát").FillAsync(InspectionScenarios.Today.AddDays(1).ToString("yyyy-MM-dd"));
        await record.GetByLabel("Thành phần đoàn").FillAsync("Trương Thị Ngọc\nNguyễn Văn An");
        await record.GetByLabel("Nhận xét, kết quả").FillAsync("Nhà tạm lánh sạch sẽ, có sổ tiếp nhận.");
        await record.GetByLabel("Xếp loại").SelectOptionAsync("Good");
        await record.Locator("[name='actions[0].description']").FillAsync("Niêm yết số điện thoại đường dây nóng");
        await record.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();
        // A visit dated tomorrow and an action without due date: both told beside their fields, nothing recorded.
        await record.Locator(".form-error:visible").WaitForAsync();
        Assert.Contains("không được sau ngày hôm nay", await record.Locator("[data-for='visitedOn']").InnerTextAsync());
        Assert.Contains("hạn hoàn thành", await record.Locator("[data-for='actions[0].dueOn']").InnerTextAsync());
        await Shot(board, "ghi-nhan-loi");

        await record.GetByLabel("Ngày kiểm tra, giám sát").FillAsync(InspectionScenarios.Today.ToString("yyyy-MM-dd"));
        await record.Locator("[name='actions[0].dueOn']").FillAsync(InspectionScenarios.Today.AddDays(14).ToString("yyyy-MM-dd"));
        await record.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();
        await board.Locator("#status", new() { HasText = "Đã ghi nhận kết quả" }).WaitForAsync();
        Assert.Contains("Niêm yết số điện thoại đường dây nóng", await board.Locator("main").InnerTextAsync());
        await Shot(board, "ket-qua");

        var unit = await _browser.NewPage(app);
        await unit.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(unit, "canbo.phuong1");
        await unit.GotoAsync("/theo-doi/don-vi");
        await Shot(unit, "don-vi");
        await unit.GotoAsync("/theo-doi/viec-sau-kiem-tra");
        var row = unit.Locator("tr", new() { HasText = "Niêm yết số điện thoại đường dây nóng" });
        await row.GetByText("Trả lời", new() { Exact = true }).ClickAsync();
        await row.GetByLabel("Đơn vị đã làm gì").FillAsync("Đã niêm yết tại cổng nhà tạm lánh và trụ sở khóm.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await unit.Locator("tr", new() { HasText = "Đã niêm yết tại cổng" }).WaitForAsync();
        await Shot(unit, "tra-loi");

        await board.GotoAsync("/theo-doi/tong-quan");
        Assert.Equal("Tổng quan theo dõi mô hình", await board.Locator("main h1").InnerTextAsync());
        await Shot(board, "tong-quan");
        await board.GotoAsync("/theo-doi/danh-sach");
        await Shot(board, "danh-sach");
    }
}
