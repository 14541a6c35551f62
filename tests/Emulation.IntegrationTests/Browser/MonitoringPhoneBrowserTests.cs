using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>Monitoring's pages on a phone (390 px): a wide table scrolls inside its frame, the page never sideways.</summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringPhoneBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task At_390_px_the_model_page_and_the_monitoring_list_do_not_scroll_sideways()
    {
        var id = await app.AcceptedModel("Đường hoa khóm 2");
        await app.Summary(id);
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await BrowserSession.SignIn(page, "thuky.phuong1");

        foreach (var url in new[] { $"/theo-doi/{id}", "/theo-doi/danh-sach" })
        {
            await page.GotoAsync(url);
            await page.Locator("table").First.WaitForAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{url} is {width}px wide on a 390px screen");
        }
    }
}
