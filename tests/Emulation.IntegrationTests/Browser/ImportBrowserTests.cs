using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The story in the browser: an officer downloads the template, uploads the filled register, reads the
/// preview (a refused row with its reason, the rest new), confirms after being asked, and finds the models in the list.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_officer_uploads_a_register_reads_the_preview_and_confirms()
    {
        using var admin = await app.As("quantri");
        var (periodId, period) = await admin.HistoricPeriod();
        var book = new RegisterWorkbook();
        var good = DirectoryScenarios.Unique("G");
        var name = DirectoryScenarios.Unique("Cột điện nở hoa nhập ");
        book.Model(good, name, period);
        book.Step(good, "Gửi Ban xem xét", "01/02/2021");
        var bad = DirectoryScenarios.Unique("X");
        book.Model(bad, DirectoryScenarios.Unique("Đường tranh bích họa nhập "), period, level: "cap xa");
        var file = Path.Combine(Path.GetTempPath(), $"so-dang-ky-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, book.ToXlsx());
        try
        {
            var page = await _browser.NewPage(app);
            await page.SetViewportSizeAsync(390, 844);
            var asked = new List<string>();
            page.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
            await BrowserSession.SignIn(page, "canbo.phuong1");
            await page.GotoAsync("/mo-hinh");
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Nhập từ Excel" }).ClickAsync();
            await page.WaitForURLAsync(u => u.EndsWith("/mo-hinh/nhap-excel"));
            var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu nhập liệu (.xlsx)" }).ClickAsync());
            Assert.EndsWith(".xlsx", template.SuggestedFilename);

            // The file field speaks Vietnamese whatever the browser's own language: its button, then the chosen file's name.
            Assert.Equal(("Chọn tệp…", "Chưa chọn tệp"), (await page.Locator(".file-button").InnerTextAsync(), await page.Locator(".file-name").InnerTextAsync()));
            await page.GetByLabel("Tệp Excel đã điền").SetInputFilesAsync(file);
            Assert.Equal(Path.GetFileName(file), await page.Locator(".file-name").InnerTextAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và kiểm tra" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/mo-hinh/nhap-excel/"));
            Assert.Equal("1", await page.Locator("#count-new").InnerTextAsync());
            Assert.Equal("1", await page.Locator("#count-refused").InnerTextAsync());
            var refused = page.Locator("tr[data-fate=Refused]");
            Assert.Contains("Sheet Hồ sơ, dòng 3, cột Cấp: “cap xa” không có trong danh mục cấp.", await refused.InnerTextAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "Bị từ chối: 1" }).ClickAsync();
            Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
            await page.GetByLabel("Cách nhập").SelectOptionAsync("all-valid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhập" }).ClickAsync();
            await page.Locator("#confirmed").WaitForAsync();
            Assert.Contains("1 mới", await page.Locator("#confirmed").InnerTextAsync());
            Assert.Contains("Nhập 1 mô hình mới", Assert.Single(asked));

            var list = await admin.WaitForList($"period={periodId}", p => p.Items().Any());
            Assert.Equal(name, list.Items().Single().GetProperty("name").GetString());
        }
        finally { File.Delete(file); }
    }
}
