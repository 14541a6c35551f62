using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class MonitoringBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_unit_reports_on_a_phone_and_the_board_sees_the_model_turn_from_overdue_to_on_track()
    {
        var id = await app.AcceptedModel("Đèn đường khóm 3");
        var accepted = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var quarterEnd = new DateOnly(accepted.Year, (accepted.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
        // A week after the first report fell due.
        app.Clock.MoveTo(TimeSpan.FromDays(quarterEnd.AddDays(15 + 7).DayNumber - accepted.DayNumber));
        try
        {
            var board = await _browser.NewPage(app);
            await BrowserSession.SignIn(board, "thuky.phuong1");
            await board.GotoAsync($"/theo-doi/{id}");
            Assert.Equal("Chậm báo cáo", await board.Locator("#health").InnerTextAsync());
            Assert.Contains("7 ngày", await board.Locator("#health-words").InnerTextAsync());

            var unit = await _browser.NewPage(app);
            await unit.SetViewportSizeAsync(390, 844);
            await BrowserSession.SignIn(unit, "canbo.phuong1");
            await unit.GotoAsync($"/mo-hinh/{id}");
            await unit.GetByRole(AriaRole.Link, new() { Name = "Theo dõi thực hiện, báo cáo tiến độ" }).ClickAsync();
            await unit.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tiến độ" }).ClickAsync();
            await unit.WaitForURLAsync(u => u.EndsWith("/bao-cao"));
            Assert.Contains("Ban đầu: 60 · Mục tiêu: 100", await unit.Locator("fieldset").First.InnerTextAsync());
            var width = await unit.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the report form is {width}px wide on a 390px screen");

            // Submitting without what was done names the field; nothing is stored.
            await unit.GetByLabel("Giá trị đạt được").FillAsync("100");
            await unit.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await unit.Locator("[aria-invalid=true][name=whatWasDone]").WaitForAsync();

            await unit.GetByLabel("Ngày đo").FillAsync(quarterEnd.ToString("yyyy-MM-dd"));
            await unit.GetByLabel("Nội dung đã thực hiện trong kỳ").FillAsync("Vận động 120 hộ góp tiền, ngày công lắp đèn năng lượng mặt trời.");
            await unit.GetByLabel("Kinh phí đã chi (đồng)").FillAsync("15.000.000");
            await unit.GetByLabel("Số người được tiếp cận, hưởng lợi").FillAsync("1.200");
            await unit.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await unit.WaitForURLAsync(u => u.EndsWith($"/theo-doi/{id}"));
            var history = await unit.Locator("#bao-cao-lich-su").InnerTextAsync();
            Assert.Contains("15.000.000 đồng", history);
            Assert.Contains("1.200", history);

            await board.ReloadAsync();
            Assert.Equal("Đúng tiến độ", await board.Locator("#health").InnerTextAsync());
            Assert.Contains("Đã đạt", await board.Locator("#chi-tieu").InnerTextAsync());
        }
        finally
        {
            app.Clock.MoveTo(TimeSpan.Zero);
        }
    }
}
