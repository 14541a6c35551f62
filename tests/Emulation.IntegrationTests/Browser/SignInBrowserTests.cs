using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class SignInBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_demo_officer_signs_in_and_sees_the_home_page()
    {
        var page = await _browser.NewPage(app);
        await page.GotoAsync("/");
        Assert.Contains("/dang-nhap", page.Url);

        await BrowserSession.SignIn(page, "canbo.phuong1");
        // The run's first home page renders every module's figures on cold code: on a fresh CI machine that once took
        // longer than Playwright's 15 s default, which says nothing about signing in.
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"), new() { Timeout = 60_000 });
        Assert.Equal("Trang chủ", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Xin chào Nguyễn Thị Hoa", await page.Locator("main").InnerTextAsync());
        Assert.True(await page.Locator(".card.figure").CountAsync() >= 3);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var page = await _browser.NewPage(app);
        await BrowserSession.SignIn(page, "canbo.phuong1", "khong-dung-1");
        var error = page.Locator("#signin-error");
        await error.WaitForAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await error.InnerTextAsync());
        Assert.Contains("/dang-nhap", page.Url);
        Assert.Equal("canbo.phuong1", await page.GetByLabel("Tên đăng nhập").InputValueAsync());
    }

    [Fact]
    public async Task An_administrator_adds_a_unit_and_sees_a_form_error_first()
    {
        var page = await _browser.NewPage(app);
        await BrowserSession.SignIn(page, "quantri");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị" }).First.ClickAsync();
        await page.Locator("#them-don-vi summary").ClickAsync();

        var form = page.Locator("#them-don-vi form");
        await form.GetByLabel("Tên đơn vị").FillAsync("Xã Thử Giao Diện");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await form.Locator(".form-error").WaitForAsync();
        Assert.Contains("Mã đơn vị", await form.Locator("[data-for=code]").InnerTextAsync());
        var codeInput = form.GetByLabel("Mã đơn vị");
        Assert.Equal("true", await codeInput.GetAttributeAsync("aria-invalid"));
        Assert.Contains(await form.Locator("[data-for=code]").GetAttributeAsync("id") ?? "-", await codeInput.GetAttributeAsync("aria-describedby") ?? "");
        Assert.DoesNotContain("Mã đơn vị", await form.Locator(".form-error").InnerTextAsync());

        var code = DirectoryScenarios.Unique("UI-");
        await form.GetByLabel("Mã đơn vị").FillAsync(code);
        await form.GetByLabel("Loại đơn vị").SelectOptionAsync("Commune");
        await form.GetByLabel("Trực thuộc").FillAsync("Tỉnh Cà Mau › Huyện U Minh");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/quan-tri/don-vi/") && !url.EndsWith("/don-vi"));
        Assert.Equal("Xã Thử Giao Diện", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Tỉnh Cà Mau › Huyện U Minh › Xã Thử Giao Diện", await page.Locator("main").InnerTextAsync());
        Assert.Contains("Trần Quốc Bảo", await page.Locator("ol.history").InnerTextAsync());
    }
}
