using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class ReviewSecretaryBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_secretary_writes_a_rubric_version_creates_a_round_on_the_page_and_opens_it()
    {
        var (_, period, models) = await app.AcceptedInOnePeriod(1, "Mô hình trang đợt ");
        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(390, 844);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserSession.SignIn(page, ReviewScenarios.Secretary);

        await page.GotoAsync("/danh-gia/tieu-chi");
        var name = DirectoryScenarios.Unique("Bộ tiêu chí trang ");
        await page.Locator("#lap-bo-tieu-chi").EvaluateAsync("d => d.open = true");
        await page.Locator("#lap-bo-tieu-chi").GetByLabel("Tên bộ tiêu chí").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập bộ tiêu chí" }).ClickAsync();
        var section = page.Locator("section", new() { HasText = name });
        await section.WaitForAsync();
        await section.Locator("details[id^=sua]").EvaluateAsync("d => d.open = true");
        var first = section.Locator("[data-row-group=criteria]").First;
        await first.GetByLabel("Điểm tối đa").FillAsync("20");
        var saved = await page.RunAndWaitForResponseAsync(() => section.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phiên bản mới" }).ClickAsync(),
            r => r.Url.EndsWith("/versions"));
        Assert.Equal(200, saved.Status);
        await page.WaitForURLAsync(u => u.EndsWith("/danh-gia/tieu-chi"));
        await page.Locator("section", new() { HasText = name }).GetByText("Phiên bản 2").First.WaitForAsync();
        section = page.Locator("section", new() { HasText = name });
        Assert.Contains("Phiên bản 2", await section.InnerTextAsync());

        await page.GotoAsync("/danh-gia");
        // Open already when the secretary has no round yet: open it either way.
        await page.Locator("#lap-dot").EvaluateAsync("d => d.open = true");
        var form = page.Locator("#lap-dot");
        var round = DirectoryScenarios.Unique("Sơ kết trên trang ");
        await form.GetByLabel("Tên đợt đánh giá").FillAsync(round);
        await form.GetByLabel("Đợt thi đua, giai đoạn").SelectOptionAsync(period.ToString());
        await form.GetByLabel("Bộ tiêu chí chấm điểm").SelectOptionAsync(new SelectOptionValue { Label = $"{name} (phiên bản 2)" });
        await form.GetByLabel("Hạn tự đánh giá").FillAsync("2026-12-10");
        await form.GetByLabel("Hạn chấm điểm").FillAsync("2026-12-05");
        await form.GetByLabel("Ngày họp xét").FillAsync("2026-12-28");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lập đợt đánh giá" }).ClickAsync();
        await form.Locator("[aria-invalid=true][name=scoringDue]").WaitForAsync();
        await form.GetByLabel("Hạn chấm điểm").FillAsync("2026-12-20");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lập đợt đánh giá" }).ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, "/danh-gia/[0-9a-f-]{36}$"));
        Assert.Equal("Dự thảo", await page.Locator("#trang-thai").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Mở tự đánh giá" }).ClickAsync();
        await page.Locator("#mo-hinh").WaitForAsync();
        Assert.Equal("Tự đánh giá", await page.Locator("#trang-thai").InnerTextAsync());
        Assert.Contains("phiên bản 2", await page.Locator("#buoc").InnerTextAsync());
        Assert.Equal(1, await page.Locator($"#m-{models[0]:N}").CountAsync());
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the round page is {width}px wide on a 390px screen");
    }
}
