using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>What a person types in a number field is what gets stored, or is refused beside the field.</summary>
[Collection(AppCollection.Name)]
public sealed class NumberBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task Vietnamese_numbers_typed_in_the_dossier_are_stored_as_meant_and_ambiguous_ones_are_refused()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Kinh phí gõ tay ")));

        var page = await _browser.NewPage(app);
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/mo-hinh/{id}/sua");
        var form = page.Locator("form.dossier");
        await form.Locator("[name='budget']").FillAsync("1.5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        var error = form.Locator(".field-error[data-for='budget']");
        await Assertions.Expect(error).ToContainTextAsync("1.5");
        Assert.EndsWith("/sua", page.Url);

        // The same mistake typed in two fields is counted as two, as the two marked fields show.
        await form.Locator("[name='socialisedFunds']").FillAsync("1.5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Assertions.Expect(form.Locator(".field-error[data-for='socialisedFunds']")).ToContainTextAsync("1.5");
        await Assertions.Expect(form.Locator("[aria-invalid=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(form.Locator(".form-error")).ToContainTextAsync("Có 2 lỗi, xem thông báo bên cạnh từng mục.");

        await form.Locator("[name='budget']").FillAsync("50.000.000");
        await form.Locator("[name='socialisedFunds']").FillAsync("");
        await form.Locator("[name='targets[0].targetValue']").FillAsync("1.500");
        await form.Locator("[name='targets[0].baseline']").FillAsync("12,5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/sua"));

        var details = (await officer.Model(id)).GetProperty("details");
        Assert.Equal(50_000_000m, details.GetProperty("budget").GetDecimal());
        Assert.Equal(1500m, details.GetProperty("targets")[0].GetProperty("targetValue").GetDecimal());
        Assert.Equal(12.5m, details.GetProperty("targets")[0].GetProperty("baseline").GetDecimal());

        await page.GotoAsync($"/mo-hinh/{id}/sua");
        Assert.Equal("50.000.000", await form.Locator("[name='budget']").InputValueAsync());
        Assert.Equal("12,5", await form.Locator("[name='targets[0].baseline']").InputValueAsync());
    }
}
