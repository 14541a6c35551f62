using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The administrator's path through the Directory import (ADR 0041): from the unit list to the import page, the
/// upload, a preview with a refused row and its reason, the confirmation after being asked, and the unit in the list.</summary>
[Collection(AppCollection.Name)]
public sealed class DirectoryImportBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_administrator_uploads_units_and_people_reads_the_preview_and_confirms()
    {
        var s = DirectoryScenarios.Unique("");
        var book = new DirectoryWorkbook();
        book.Unit($"W{s}-1", $"Xã Tân Nhập Trình Duyệt {s}", "Xã, phường, đặc khu", $"W{s}");
        book.Unit($"W{s}", $"Huyện Trình Duyệt {s}", "Cấp huyện", "CM");
        book.Unit($"W{s}-2", $"Xã Lỗi {s}", "commune", $"W{s}", level: "cap xa");
        book.Person($"canbo.web{s}", "Lâm Thị Nhập");
        book.Role($"canbo.web{s}", "Cán bộ đơn vị", $"W{s}-1");
        var file = Path.Combine(Path.GetTempPath(), $"don-vi-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, book.ToXlsx());
        try
        {
            var page = await _browser.NewPage(app);
            var asked = new List<string>();
            page.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
            await BrowserSession.SignIn(page, "quantri");
            await page.GotoAsync("/quan-tri/don-vi");
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Nhập từ Excel" }).ClickAsync();
            await page.WaitForURLAsync(u => u.EndsWith("/quan-tri/nhap-excel"));
            var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu nhập liệu (.xlsx)" }).ClickAsync());
            Assert.EndsWith(".xlsx", template.SuggestedFilename);

            await page.SetViewportSizeAsync(390, 844);
            await page.GetByLabel("Tệp Excel đã điền").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và kiểm tra" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/quan-tri/nhap-excel/"));
            Assert.Equal("4", await page.Locator("#count-new").InnerTextAsync());
            Assert.Equal("1", await page.Locator("#count-refused").InnerTextAsync());
            Assert.Contains("Sheet Đơn vị, dòng 4, cột Cấp mô hình Ban theo dõi: “cap xa” không có trong danh mục cấp.",
                await page.Locator("tr[data-fate=Refused]").InnerTextAsync());

            await page.GetByRole(AriaRole.Link, new() { Name = "Bị từ chối: 1" }).ClickAsync();
            Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
            await page.GetByLabel("Cách nhập").SelectOptionAsync("all-valid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhập" }).ClickAsync();
            await page.Locator("#confirmed").WaitForAsync();
            Assert.Contains("4 mới", await page.Locator("#confirmed").InnerTextAsync());
            Assert.Contains("Thêm 4 dòng mới", Assert.Single(asked));

            await page.GotoAsync($"/quan-tri/don-vi?q=W{s}");
            var rows = await page.Locator("table.units tbody").InnerTextAsync();
            Assert.Contains($"Xã Tân Nhập Trình Duyệt {s}", rows);
            Assert.DoesNotContain($"Xã Lỗi {s}", rows);
        }
        finally { File.Delete(file); }
    }
}
