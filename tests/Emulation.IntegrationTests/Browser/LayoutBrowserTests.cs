using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The stylesheet on a phone (390 px wide) and on paper.</summary>
[Collection(AppCollection.Name)]
public sealed class LayoutBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    async Task<IPage> Phone()
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task At_390_px_the_list_shows_whole_codes_the_status_and_results_on_the_first_screen()
    {
        var page = await Phone();
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync("/mo-hinh");
        Assert.False(await page.Locator("details.filters-more").EvaluateAsync<bool>("d => d.open"), "the filters are folded until used");
        await page.GotoAsync("/mo-hinh?status=Accepted&sort=code");
        Assert.True(await page.Locator("details.filters-more").EvaluateAsync<bool>("d => d.open"), "a filter in use is shown");
        var row = page.Locator("table.models tbody tr").First;
        await row.WaitForAsync();

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
        var status = await row.Locator("td").Last.BoundingBoxAsync();
        Assert.True(status!.X >= 0 && status.X + status.Width <= 390, $"status cell at {status.X}..{status.X + status.Width}");
        var code = row.Locator("td").First;
        Assert.Matches(@"^CM-\d{4}-\d{4}$", (await code.InnerTextAsync()).Trim());
        var lines = await code.EvaluateAsync<int>("td => { const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }");
        Assert.Equal(1, lines);
        var first = await row.BoundingBoxAsync();
        Assert.True(first!.Y < 844, $"the first result starts at {first.Y} px, below the first screen");
    }

    [Fact]
    public async Task At_390_px_the_queue_says_what_its_date_and_its_number_of_days_are()
    {
        var page = await Phone();
        await BrowserSession.SignIn(page, "thuky.phuong1");
        await page.GotoAsync("/mo-hinh/cho-duyet");
        var row = page.Locator("table.models tbody tr").First;
        await row.WaitForAsync();
        var days = row.Locator("td").Last;
        Assert.Matches(@"^\d+ ngày$", (await days.InnerTextAsync()).Trim());
        Assert.Equal("\"Chờ \"", await days.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        var sent = row.Locator("td").Nth(-2);
        Assert.Equal("\"Gửi \"", await sent.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        var box = await days.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"days cell at {box.X}..{box.X + box.Width}");
    }

    [Fact]
    public async Task At_390_px_a_followed_models_targets_are_cards_with_every_cell_on_screen_and_labelled()
    {
        var page = await Phone();
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync("/theo-doi/danh-sach");
        await page.GetByRole(AriaRole.Link, new() { Name = "4 xin, 4 luôn", Exact = true }).First.ClickAsync();
        var cells = page.Locator("#chi-tieu tbody td");
        await cells.First.WaitForAsync();
        for (var i = 0; i < await cells.CountAsync(); i++)
        {
            var box = await cells.Nth(i).BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"target cell {i} at {box.X}..{box.X + box.Width}");
        }
        Assert.Equal("\"Cần đạt theo thời gian: \"", await cells.Last.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
    }

    [Fact]
    public async Task At_390_px_the_models_to_assign_are_cards_with_the_tick_box_beside_the_name_and_the_code_whole()
    {
        var page = await Phone();
        await BrowserSession.SignIn(page, "thuky.bdvtinh");
        await page.GotoAsync("/tham-dinh");
        await page.Locator("a[href$='/phan-cong']").First.ClickAsync();
        var row = page.Locator("#models tbody tr").First;
        await row.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
        var tick = await row.Locator("td.pick input").BoundingBoxAsync();
        var title = await row.Locator("td.title").BoundingBoxAsync();
        Assert.True(Math.Abs(tick!.Y - title!.Y) < 12 && tick.X < title.X, $"tick box at {tick.X},{tick.Y}; name at {title.X},{title.Y}");
        Assert.True(title.X + title.Width <= 390, $"name cell ends at {title.X + title.Width}");
        var code = row.Locator("td.title .code");
        Assert.Equal(1, await code.EvaluateAsync<int>("s => new Set([...s.getClientRects()].map(c => Math.round(c.top))).size"));
        Assert.Equal("\"Đơn vị: \"", await row.Locator("td[data-label='Đơn vị']").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
    }

    [Fact]
    public async Task At_390_px_every_navigation_entry_is_reachable_from_a_menu_without_scrolling_sideways()
    {
        var page = await Phone();
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync("/mo-hinh/thong-ke");
        var summary = page.Locator("nav.main summary");
        Assert.Contains("Thống kê", await summary.InnerTextAsync());
        var links = page.Locator("nav.main a");
        var count = await links.CountAsync();
        Assert.True(count >= 10, $"{count} entries");
        Assert.False(await links.First.IsVisibleAsync(), "the menu is folded on a phone");

        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
        for (var i = 0; i < count; i++)
        {
            var box = await links.Nth(i).BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"entry {i} at {box?.X}..{box?.X + box?.Width}");
        }
        Assert.Equal("Thống kê", (await page.Locator("nav.main a[aria-current=page]").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("document.activeElement.tagName"));

        var desk = await _browser.NewPage(app);
        await desk.SetViewportSizeAsync(1366, 900);
        await BrowserSession.SignIn(desk, "quantri");
        Assert.True(await desk.Locator("nav.main a").First.IsVisibleAsync(), "on a wide screen the list is always shown");
        Assert.False(await desk.Locator("nav.main summary").IsVisibleAsync());
    }

    [Theory]
    [InlineData("ranking", "/quan-tri/nguoi-dung")]
    [InlineData("quantri", "/quan-tri/nguoi-dung")]
    [InlineData("quantri", "/khen-thuong/danh-muc")]
    [InlineData("round", "/danh-gia")]
    [InlineData("thuky.bdvtinh", "/theo-doi/danh-sach")]
    public async Task At_390_px_a_results_table_is_a_card_per_row_whose_title_has_the_whole_width(string user, string url)
    {
        if (user == "round")
            (user, url) = (DemoRounds.Secretary, $"/danh-gia/{await app.InScoring()}");
        if (user == "ranking")
        {
            var r = await app.RoundInScoring(models: 2, reviewers: 1);
            using (var secretary = await app.As(ReviewScenarios.Secretary))
                (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id)).Expect(HttpStatusCode.OK);
            (user, url) = (ReviewScenarios.Secretary, $"/tham-dinh/{r.Round}/xep-hang");
        }
        var page = await Phone();
        await BrowserSession.SignIn(page, user);
        await page.GotoAsync(url);
        var titles = page.Locator("table.stack tbody td.title");
        await titles.First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
        for (var i = 0; i < Math.Min(await titles.CountAsync(), 5); i++)
        {
            var box = await titles.Nth(i).BoundingBoxAsync();
            Assert.True(box!.Width >= 300 && box.X + box.Width <= 390, $"row {i}'s title is {box.Width}px wide at {box.X}");
        }
    }

    [Fact]
    public async Task Printing_a_dossier_leaves_out_the_navigation_and_fits_a4()
    {
        using var admin = await app.As("quantri");
        var accepted = (await admin.Get("/api/registry/models?status=Accepted")).Expect(HttpStatusCode.OK).Body;
        var id = accepted.Items().First().GetProperty("id").GetGuid();

        var page = await _browser.NewPage(app);
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync($"/mo-hinh/{id}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator("nav.main").IsVisibleAsync());
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        Assert.False(await page.Locator("footer").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("main button:visible").CountAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        // An A4 page less 2 × 14 mm of margin is about 680 CSS pixels wide: nothing may be wider.
        await page.SetViewportSizeAsync(680, 1000);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 680"), "the printed page is wider than A4");
    }
}
