using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class PeopleBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_an_officer_who_then_signs_in_and_changes_the_password()
    {
        var userName = DirectoryScenarios.Unique("canbo.p8.");
        var admin = await _browser.NewPage(app);
        await BrowserSession.SignIn(admin, "quantri");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).First.ClickAsync();
        await admin.Locator("#them-nguoi-dung summary").ClickAsync();
        var form = admin.Locator("#them-nguoi-dung form");
        await form.GetByLabel("Họ và tên").FillAsync("Phan Thị Tám");
        await form.Locator("[name=userName]").FillAsync(userName);
        await form.Locator("[name=password]").FillAsync("batdau2026");
        await form.GetByLabel("Vai trò").SelectOptionAsync("officer");
        await form.GetByLabel("Tại đơn vị / Ban").FillAsync("Tỉnh Cà Mau › Thành phố Cà Mau › Phường 8");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("/quan-tri/nguoi-dung/"));
        Assert.Equal("Phan Thị Tám", await admin.Locator("h1").InnerTextAsync());
        Assert.Contains("Cán bộ đơn vị — Phường 8", await admin.Locator("main").InnerTextAsync());

        var officer = await _browser.NewPage(app);
        await BrowserSession.SignIn(officer, userName, "batdau2026");
        await officer.WaitForURLAsync(u => !u.Contains("/dang-nhap"));
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tài khoản" }).First.ClickAsync();
        await officer.GetByLabel("Mật khẩu hiện tại").FillAsync("batdau2026");
        await officer.Locator("[name=newPassword]").FillAsync("matkhaurieng8");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await officer.Locator("text=Đã đổi mật khẩu.").WaitForAsync();

        var again = await _browser.NewPage(app);
        await BrowserSession.SignIn(again, userName, "matkhaurieng8");
        await again.WaitForURLAsync(u => !u.Contains("/dang-nhap"));
        Assert.Contains("Xin chào Phan Thị Tám", await again.Locator("main").InnerTextAsync());
    }
}
