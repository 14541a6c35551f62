using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class RegistryBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_officer_registers_and_submits_a_secretary_accepts_and_the_officer_sees_the_code()
    {
        var name = DirectoryScenarios.Unique("Thắp sáng đường quê ");

        var officer = await _browser.NewPage(app);
        var asked = new List<string>();
        officer.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserSession.SignIn(officer, "canbo.phuong1");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Đăng ký mới" }).First.ClickAsync();
        await officer.WaitForURLAsync(u => u.EndsWith("/mo-hinh/dang-ky"));

        var form = officer.Locator("form.dossier");
        await form.GetByLabel("Kỳ đăng ký").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByLabel("Tên mô hình, điển hình").FillAsync(name);
        await form.GetByLabel("Lĩnh vực").SelectOptionAsync("nong-thon-moi");
        await form.GetByLabel("Cấp đăng ký").SelectOptionAsync("co-so");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await officer.WaitForURLAsync(u => u.Contains("/mo-hinh/") && !u.EndsWith("dang-ky"));
        Assert.Equal("Bản nháp", await officer.Locator("#status").InnerTextAsync());

        // Submitting an incomplete dossier shows what is missing; the dossier stays a draft.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi Ban xem xét" }).ClickAsync();
        var error = officer.Locator("#trang-thai .form-error:visible");
        await error.WaitForAsync();
        Assert.Contains("Gửi hồ sơ cho Ban xem xét?", asked.Single());
        var problems = await error.Locator("p").AllInnerTextsAsync();
        Assert.Contains(problems, p => p.Contains("ít nhất một chỉ tiêu"));
        Assert.True(problems.Count > 1, "each missing item on its own line");
        Assert.Equal(problems.Count, problems.Distinct().Count());

        await officer.GetByRole(AriaRole.Link, new() { Name = "Sửa hồ sơ" }).ClickAsync();
        var edit = officer.Locator("form.dossier");
        await edit.GetByLabel("Thực trạng, lý do xây dựng").FillAsync("Đường liên khóm chưa có đèn, người dân đi lại khó khăn ban đêm.");
        await edit.GetByLabel("Mục tiêu, tiêu chí đánh giá").FillAsync("100% tuyến đường liên khóm có đèn chiếu sáng.");
        await edit.GetByLabel("Nội dung, cách làm").FillAsync("Vận động hộ dân góp tiền, ngày công lắp đèn năng lượng mặt trời.");
        await edit.GetByLabel("Địa bàn thực hiện").FillAsync("Khóm 3, Phường 1");
        await edit.GetByLabel("Đối tượng tác động").FillAsync("Hộ dân khóm 3");
        await edit.Locator("[name='targets[0].indicator']").FillAsync("Số km đường có đèn");
        await edit.Locator("[name='targets[0].unitOfMeasure']").FillAsync("km");
        await edit.Locator("[name='targets[0].baseline']").FillAsync("0,5");
        await edit.Locator("[name='targets[0].targetValue']").FillAsync("4");
        await edit.Locator("[name='targets[0].dueDate']").FillAsync("2026-12-01");
        await edit.GetByLabel("Ngày bắt đầu").FillAsync("2026-02-01");
        await edit.GetByLabel("Ngày đánh giá").FillAsync("2026-12-15");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await officer.WaitForURLAsync(u => !u.EndsWith("/sua"));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi Ban xem xét" }).ClickAsync();
        await officer.Locator("#status", new() { HasText = "Chờ Ban xem xét" }).WaitForAsync();
        var modelUrl = officer.Url;

        var secretary = await _browser.NewPage(app);
        secretary.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserSession.SignIn(secretary, "thuky.phuong1");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ chờ Ban xem xét" }).First.ClickAsync();
        for (var i = 0; i < 30 && await secretary.GetByRole(AriaRole.Link, new() { Name = name }).CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await secretary.ReloadAsync();
        }
        await secretary.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        Assert.Contains("Số km đường có đèn", await secretary.Locator("main").InnerTextAsync());
        await secretary.GetByText("Công nhận đăng ký", new() { Exact = true }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Công nhận và cấp mã" }).ClickAsync();
        var code = secretary.Locator("#registry-code");
        await code.WaitForAsync();
        var registryCode = await code.InnerTextAsync();
        Assert.Contains("không hoàn tác", asked.Last());
        Assert.Matches(@"^CM-\d{4}-\d{4}$", registryCode);

        await officer.GotoAsync(modelUrl);
        Assert.Equal(registryCode, await officer.Locator("#registry-code").InnerTextAsync());
        Assert.Equal("Đã công nhận đăng ký", await officer.Locator("#status").InnerTextAsync());
        Assert.Contains("Trương Thị Ngọc", await officer.Locator("#lich-su").InnerTextAsync());
    }
}
