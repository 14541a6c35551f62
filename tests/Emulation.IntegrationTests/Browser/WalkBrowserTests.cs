using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>What the walk of 2026-12-08 found on the screens, at 1280 px and on a phone (390 px): rows and buttons that
/// touched, a panel out of line, codes broken mid-way, squeezed columns, and a removed target row that must stay removed.</summary>
[Collection(AppCollection.Name)]
public sealed class WalkBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    async Task<IPage> Page(int width)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 }
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    static object Target(string indicator, decimal baseline, decimal target) => new
    {
        indicator, unitOfMeasure = "hộ", baseline, targetValue = target, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30).ToString("yyyy-MM-dd")
    };

    [Fact]
    public async Task A_target_row_removed_from_the_form_stays_removed_after_saving_and_the_others_are_kept()
    {
        using var officer = await app.As("canbo.phuong1");
        var period = await app.OpenRegistrationPeriod();
        var dossier = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Bỏ bớt chỉ tiêu "));
        dossier["targets"] = new[] { Target("Số hộ thứ nhất", 10, 20), Target("Số hộ thứ hai", 30, 40), Target("Số hộ thứ ba", 50, 60) };
        var (id, _) = await officer.Draft(dossier);

        var page = await Page(390);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/mo-hinh/{id}/sua");
        var rows = page.Locator("[data-row-group=targets]");
        Assert.Equal(3, await rows.CountAsync());

        // On a phone each row's remove button keeps clear of the next row and of the add button.
        for (var i = 0; i < 3; i++)
        {
            var remove = await rows.Nth(i).Locator("[data-remove-row]").BoundingBoxAsync();
            var next = i < 2 ? await rows.Nth(i + 1).Locator("input").First.BoundingBoxAsync()
                : await page.Locator("[data-add-row=targets]").BoundingBoxAsync();
            Assert.True(next!.Y - (remove!.Y + remove.Height) >= 12, $"row {i}'s remove button ends at {remove.Y + remove.Height}, the next control starts at {next.Y}");
        }

        await rows.Nth(1).Locator("[data-remove-row]").ClickAsync();
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("targets[1].indicator", await rows.Nth(1).Locator("input").First.GetAttributeAsync("name"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/sua"));
        var saved = (await officer.Model(id)).GetProperty("details").GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Số hộ thứ nhất", "Số hộ thứ ba"], saved.Select(t => t.GetProperty("indicator").GetString()));
        Assert.Equal(50m, saved[1].GetProperty("baseline").GetDecimal());

        // Once more: the first row goes, a new one typed the Vietnamese way comes; the removed rows never come back.
        await page.GotoAsync($"/mo-hinh/{id}/sua");
        Assert.Equal(2, await rows.CountAsync());
        await page.Locator("[data-add-row=targets]").ClickAsync();
        await page.Locator("[name='targets[2].indicator']").FillAsync("Số hộ thứ tư");
        await page.Locator("[name='targets[2].unitOfMeasure']").FillAsync("hộ");
        await page.Locator("[name='targets[2].baseline']").FillAsync("1.500");
        await page.Locator("[name='targets[2].targetValue']").FillAsync("12,5");
        await page.Locator("[name='targets[2].dueDate']").FillAsync("31/12/2026");
        await rows.First.Locator("[data-remove-row]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/sua"));
        saved = (await officer.Model(id)).GetProperty("details").GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Số hộ thứ ba", "Số hộ thứ tư"], saved.Select(t => t.GetProperty("indicator").GetString()));
        Assert.Equal(1500m, saved[1].GetProperty("baseline").GetDecimal());
        Assert.Equal(12.5m, saved[1].GetProperty("targetValue").GetDecimal());
        Assert.Equal("2026-12-31", saved[1].GetProperty("dueDate").GetString());
        Assert.DoesNotContain("Số hộ thứ nhất", await page.Locator("main").InnerTextAsync());
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_day_panel_of_a_followed_model_lines_up_with_the_panels_under_it_and_keeps_its_button_beside_the_field(int width)
    {
        var page = await Page(width);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync("/theo-doi/danh-sach");
        await page.GetByRole(AriaRole.Link, new() { Name = "4 xin, 4 luôn", Exact = true }).First.ClickAsync();
        var day = await page.Locator("#xem-ngay").BoundingBoxAsync();
        var health = await page.Locator("#suc-khoe").BoundingBoxAsync();
        Assert.True(Math.Abs(day!.X - health!.X) < 1 && Math.Abs(day.Width - health.Width) < 1, $"day panel {day.X}+{day.Width}, health panel {health.X}+{health.Width}");
        Assert.True(health.Y - (day.Y + day.Height) >= 8, "the day panel touches the panel under it");
        var field = await page.Locator("#ngay").BoundingBoxAsync();
        var button = await page.Locator("#xem-ngay button").BoundingBoxAsync();
        Assert.True(Math.Abs(field!.Y - button!.Y) < 6 && button.X > field.X + field.Width, $"field at {field.X},{field.Y}; button at {button.X},{button.Y}");
        Assert.True(await page.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"), "the page scrolls sideways");
    }

    [Fact]
    public async Task At_390_px_the_units_tree_keeps_each_code_on_one_line()
    {
        var page = await Page(390);
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync("/quan-tri/don-vi");
        var codes = page.Locator("table.units tbody td.code");
        await codes.First.WaitForAsync();
        var hyphenated = 0;
        for (var i = 0; i < await codes.CountAsync(); i++)
        {
            var code = codes.Nth(i);
            if (!(await code.InnerTextAsync()).Contains('-')) continue;
            hyphenated++;
            Assert.Equal(1, await code.EvaluateAsync<int>("td => { const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }"));
        }
        Assert.True(hyphenated > 3, $"{hyphenated} codes with a hyphen");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task At_390_px_the_proposal_list_is_a_card_per_recipient_with_the_name_on_the_whole_width()
    {
        var round = await app.Closed();
        var page = await Page(390);
        await BrowserSession.SignIn(page, DemoRounds.Secretary);
        await page.GotoAsync($"/khen-thuong/de-nghi/{round}");
        var titles = page.Locator("table.de-nghi tbody td.title");
        Assert.True(await titles.CountAsync() >= 2);
        for (var i = 0; i < 2; i++)
        {
            var box = await titles.Nth(i).BoundingBoxAsync();
            Assert.True(box!.Width >= 300 && box.X + box.Width <= 390, $"recipient {i}'s cell is {box.Width}px wide at {box.X}");
        }
        Assert.Equal("\"Thành tích: \"", await page.Locator("table.de-nghi tbody td[data-label='Thành tích']").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task At_390_px_a_decisions_annex_is_a_card_per_recipient_with_the_gold_book_number_labelled()
    {
        using var approver = await app.As(AwardsScenarios.Approver);
        var signed = (await approver.Get("/api/awards/decisions")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .First(r => r.GetProperty("number").GetString() == "125/QĐ-UBND").GetProperty("id").GetGuid();
        var page = await Page(390);
        await BrowserSession.SignIn(page, AwardsScenarios.Approver);
        await page.GotoAsync($"/khen-thuong/quyet-dinh/{signed}");
        var titles = page.Locator("#danh-sach-kem-theo tbody td.title");
        Assert.True(await titles.CountAsync() >= 2);
        var box = await titles.First.BoundingBoxAsync();
        Assert.True(box!.Width >= 300 && box.X + box.Width <= 390, $"the first recipient's cell is {box.Width}px wide at {box.X}");
        Assert.Equal("\"Số vào sổ vàng: \"", await page.Locator("#danh-sach-kem-theo tbody td.number[data-label]").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task At_390_px_the_withdraw_panel_opens_on_the_whole_width_with_its_button_on_screen()
    {
        using var officer = await app.As("canbo.phuong1");
        var period = await app.OpenRegistrationPeriod();
        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Rút trên điện thoại ")));
        await officer.Submit(id, version);

        var page = await Page(390);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/mo-hinh/{id}");
        var panel = page.Locator("details.panel", new() { Has = page.Locator("summary", new() { HasText = "Rút hồ sơ" }) });
        await panel.Locator("summary").ClickAsync();
        var button = await panel.GetByRole(AriaRole.Button, new() { Name = "Rút hồ sơ" }).BoundingBoxAsync();
        Assert.True(button!.X >= 0 && button.X + button.Width <= 390, $"button at {button.X}..{button.X + button.Width}");
        var open = await panel.BoundingBoxAsync();
        var status = await page.Locator("#trang-thai").BoundingBoxAsync();
        Assert.True(open!.Width >= status!.Width - 40, $"the open panel is {open.Width}px wide in a {status.Width}px box");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task At_1280_px_a_page_without_its_own_entry_marks_the_entry_it_belongs_to_with_a_visible_line()
    {
        var page = await Page(1280);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync("/theo-doi/danh-sach");
        await page.GetByRole(AriaRole.Link, new() { Name = "4 xin, 4 luôn", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("danh-sach"));
        var current = page.Locator("nav.main a[aria-current=page]");
        Assert.Equal("Theo dõi mô hình", (await current.InnerTextAsync()).Trim());
        Assert.True(await current.IsVisibleAsync());
        Assert.Equal("3px", await current.EvaluateAsync<string>("a => getComputedStyle(a).borderBottomWidth"));
        Assert.Equal("700", await current.EvaluateAsync<string>("a => getComputedStyle(a).fontWeight"));
    }

    [Fact]
    public async Task At_390_px_the_report_form_gives_the_period_and_the_unit_the_whole_width_and_a_wrong_day_is_named_beside_its_field()
    {
        var page = await Page(390);
        await BrowserSession.SignIn(page, "thuky.bdvtinh");
        await page.GotoAsync("/bao-cao-so-ket");
        foreach (var name in new[] { "period", "unit", "on" })
        {
            var box = await page.Locator($"#chon-bao-cao [name={name}]").BoundingBoxAsync();
            Assert.True(box!.Width >= 300 && box.X + box.Width <= 390, $"{name} is {box.Width}px wide at {box.X}");
        }
        await page.Locator("#chon-bao-cao [name=on]").FillAsync("31/02/2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("on="));
        Assert.Equal("31/02/2023", await page.Locator("#chon-bao-cao [name=on]").InputValueAsync());
        Assert.Contains("không phải là ngày hợp lệ", await page.Locator("#chon-bao-cao .field-error[data-for=on]").InnerTextAsync());
    }

    [Fact]
    public async Task The_secretary_declaring_a_conflict_without_choosing_the_reviewer_is_asked_to_choose_beside_the_field()
    {
        var round = await app.InScoring();
        var page = await Page(390);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserSession.SignIn(page, DemoRounds.Secretary);
        await page.GotoAsync($"/tham-dinh/{round}/phan-cong");
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Khai báo xung đột lợi ích" }) });
        await form.GetByLabel("Mô hình").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByLabel("Lý do").FillAsync("Cùng cơ quan");
        await form.GetByRole(AriaRole.Button, new() { Name = "Khai báo xung đột lợi ích" }).ClickAsync();
        var error = form.Locator(".field-error[data-for=reviewerId]");
        await page.WaitForFunctionAsync("e => e.textContent.trim().length > 0", await error.ElementHandleAsync());
        Assert.Equal("Vui lòng chọn người thẩm định.", (await error.InnerTextAsync()).Trim());
        Assert.Equal("Cùng cơ quan", await form.GetByLabel("Lý do").InputValueAsync());
        using var secretary = await app.As(DemoRounds.Secretary);
        Assert.DoesNotContain("Cùng cơ quan", (await secretary.Get($"/api/review/rounds/{round}/assignments")).Expect(HttpStatusCode.OK).Raw);
    }

    [Fact]
    public async Task At_390_px_the_public_lookup_shows_a_card_per_award_with_the_name_on_the_whole_width()
    {
        var page = await Page(390);
        await page.GotoAsync("/tra-cuu-khen-thuong?q=khanh+hoi");
        var title = page.Locator("#ket-qua-tra-cuu tbody td.title").First;
        var box = await title.BoundingBoxAsync();
        Assert.True(box!.Width >= 300 && box.X + box.Width <= 390, $"the name's cell is {box.Width}px wide at {box.X}");
        Assert.Equal("\"Quyết định: \"", await page.Locator("#ket-qua-tra-cuu tbody td[data-label='Quyết định']").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task Buttons_under_a_list_item_or_a_form_keep_apart()
    {
        var page = await Page(1280);
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync("/quan-tri/nguoi-dung");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đặng Văn Hùng" }).First.ClickAsync();
        var revoke = page.Locator("main li form.inline button");
        Assert.True(await revoke.CountAsync() >= 2, "two roles to revoke");
        var first = await revoke.Nth(0).BoundingBoxAsync();
        var second = await revoke.Nth(1).BoundingBoxAsync();
        Assert.True(second!.Y - (first!.Y + first.Height) >= 4, $"the revoke buttons touch: {first.Y + first.Height} and {second.Y}");
    }
}
