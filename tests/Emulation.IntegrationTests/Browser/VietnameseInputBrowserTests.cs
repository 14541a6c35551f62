using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>Dates and numbers typed the Vietnamese way in a browser whose language is English, as many offices' are.</summary>
[Collection(AppCollection.Name)]
public sealed class VietnameseInputBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task In_an_english_browser_a_typed_day_month_year_is_saved_as_typed_and_a_bad_number_is_named_beside_its_field()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Ngày gõ tay ")));

        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/mo-hinh/{id}/sua");
        var form = page.Locator("form.dossier");
        Assert.Equal("15/01/2026", await form.GetByLabel("Ngày bắt đầu").InputValueAsync());

        var evaluation = form.GetByLabel("Ngày đánh giá");
        await evaluation.ClearAsync();
        await evaluation.PressSequentiallyAsync("31/12/2026");
        var baseline = form.Locator("[name='targets[0].baseline']");
        await baseline.FillAsync("abc");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();

        var box = form.Locator(".form-error:visible");
        await box.WaitForAsync();
        Assert.Contains("không phải là số", await form.Locator("[data-for='targets[0].baseline']").InnerTextAsync());
        Assert.DoesNotContain("targets[0]", await box.InnerTextAsync());
        Assert.Equal("true", await baseline.GetAttributeAsync("aria-invalid"));
        Assert.Equal("31/12/2026", await evaluation.InputValueAsync());

        await baseline.FillAsync("1.500,5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/sua"));
        var details = (await officer.Model(id)).GetProperty("details");
        Assert.Equal("2026-12-31", details.GetProperty("evaluationDate").GetString());
        Assert.Equal(1500.5m, details.GetProperty("targets")[0].GetProperty("baseline").GetDecimal());

        await page.GotoAsync($"/mo-hinh/{id}/sua");
        Assert.Equal("31/12/2026", await page.Locator("form.dossier").GetByLabel("Ngày đánh giá").InputValueAsync());
    }
    [Fact]
    public async Task A_dossier_with_a_wrong_date_and_a_wrong_number_names_both_beside_their_fields_in_one_answer()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Hai ô sai ")));

        var page = await _browser.NewPage(app);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/mo-hinh/{id}/sua");
        var form = page.Locator("form.dossier");
        var evaluation = form.GetByLabel("Ngày đánh giá");
        await evaluation.FillAsync("31/02/2026");
        var baseline = form.Locator("[name='targets[0].baseline']");
        await baseline.FillAsync("abc");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();

        await form.Locator(".form-error:visible").WaitForAsync();
        Assert.Equal("true", await evaluation.GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await baseline.GetAttributeAsync("aria-invalid"));
        Assert.Contains("không phải là số", await form.Locator("[data-for='targets[0].baseline']").InnerTextAsync());
        Assert.NotEmpty((await form.Locator("[data-for='evaluationDate']").InnerTextAsync()).Trim());
        Assert.Contains("Có 2 lỗi", await form.Locator(".form-error").InnerTextAsync());
    }
}
