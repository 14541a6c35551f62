using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Emulation.IntegrationTests.Browser;

/// <summary>An administrator opens a form's print positions from the catalogue, types a wrong number, reads the
/// message beside it, moves the name and sees the sample certificate follow (ADR 0048).</summary>
[Collection(AppCollection.Name)]
public sealed class LayoutEditorBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EMULATION_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_administrator_moves_the_name_by_keyboard_and_the_sample_certificate_prints_it_there(int width, int height)
    {
        var code = await app.ProvincialForm();
        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(width, height);
        await BrowserSession.SignIn(page, "quantri");
        await page.GotoAsync("/khen-thuong/danh-muc");
        await Shot(page, $"catalogue-{width}");
        await page.Locator($"#hinh-thuc-{code} a", new() { HasText = "Vị trí in" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/khen-thuong/danh-muc/{code}/vi-tri-in"));
        Assert.Contains("Theo thiết kế chuẩn", await page.Locator("#trang-thai-vi-tri").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the layout page is wider than the screen");
        await Shot(page, $"layout-{width}");

        var left = page.GetByLabel("Họ tên: lề trái (mm)");
        await left.FillAsync("1.500");
        await left.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#slot-name-left[aria-invalid=true]").WaitForAsync();
        Assert.Contains("Họ tên – lề trái", await page.Locator("#slot-name-left-err").InnerTextAsync());
        await Shot(page, $"layout-error-{width}");

        await left.FillAsync("85");
        await page.GetByLabel("Họ tên: lề trên (mm)").FillAsync("130,5");
        await page.GetByLabel("Họ tên: chiều rộng (mm)").FillAsync("250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu vị trí in" }).ClickAsync();
        await page.Locator("#trang-thai-vi-tri", new() { HasText = "Đã chỉnh riêng" }).WaitForAsync();
        Assert.Equal("130,5", await page.GetByLabel("Họ tên: lề trên (mm)").InputValueAsync());

        var preview = await page.Locator("#xem-bang-mau").GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(preview!);
        using (var document = PdfDocument.Open(await pdf.BodyAsync()))
        {
            var name = document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
                .Single(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)) == "NguyễnThịMinhKhai").ToList();
            var centre = (name.Min(l => l.StartBaseLine.X) + name.Max(l => l.EndBaseLine.X)) / 2 / (72 / 25.4);
            Assert.Equal(85 + 125, centre, 0.5);
        }

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("summary", new() { HasText = "Đặt lại theo thiết kế chuẩn" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lại theo thiết kế" }).ClickAsync();
        await page.Locator("#trang-thai-vi-tri", new() { HasText = "Theo thiết kế chuẩn" }).WaitForAsync();
        Assert.Equal("50", await page.GetByLabel("Họ tên: lề trái (mm)").InputValueAsync());
        await Shot(page, $"layout-saved-{width}");
    }
}
