using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class ReviewBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_officer_fills_a_self_assessment_on_a_phone_sees_the_total_live_saves_a_draft_and_submits_it()
    {
        var (round, _, models) = await app.DraftRound();
        using (var secretary = await app.As(ReviewScenarios.Secretary))
            (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);

        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(390, 844);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserSession.SignIn(page, "canbo.phuong1");
        await page.GotoAsync($"/danh-gia/{round}");
        await page.Locator($"#m-{models[0]:N}").GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/tu-danh-gia/{models[0]}"));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the self-assessment form is {width}px wide on a 390px screen");

        var hq = page.Locator("#tc-HQ");
        await hq.GetByLabel("Điểm tự chấm").FillAsync("7,5");
        Assert.Equal("22,5", await page.Locator("#tong-diem output").InnerTextAsync());
        await hq.GetByLabel("Giải trình").FillAsync("Thu nhập hộ tham gia tăng từ 60 lên 85 triệu đồng/năm.");
        // This model has no report submitted yet: the choice is empty, a document kept at the ward is named instead.
        Assert.Contains("chưa có báo cáo", await hq.GetByLabel("Báo cáo, minh chứng 1").InnerTextAsync());
        await hq.GetByLabel("Minh chứng khác (không có trên hệ thống)").FillAsync("Sổ họp dân lưu tại phường");
        // Saved, then the form is loaded again from the server: wait for that reload, not for a moment of quiet.
        await page.RunAndWaitForResponseAsync(
            () => page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync(),
                r => r.Url.EndsWith("/draft") && r.Status == 200),
            r => r.Url.EndsWith($"/tu-danh-gia/{models[0]}") && r.Request.Method == "GET");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("7,5", await hq.GetByLabel("Điểm tự chấm").InputValueAsync());
        Assert.Equal("22,5", await page.Locator("#tong-diem output").InnerTextAsync());

        // Submitting before every criterion is scored names the first missing one beside its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bản tự đánh giá" }).ClickAsync();
        await page.Locator("#tc-TG [aria-invalid=true]").First.WaitForAsync();

        await hq.GetByLabel("Điểm tự chấm").FillAsync("12");
        foreach (var (code, score) in new[] { ("TG", "8"), ("NR", "6"), ("BV", "7"), ("ST", "5"), ("CP", "9"), ("CT", "1") })
        {
            var fieldset = page.Locator($"#tc-{code}");
            await fieldset.GetByLabel("Điểm tự chấm").FillAsync(score);
            await fieldset.GetByLabel("Giải trình").FillAsync("Có số liệu trong báo cáo tiến độ.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bản tự đánh giá" }).ClickAsync();
        await page.Locator("#tc-HQ [aria-invalid=true]").First.WaitForAsync();
        Assert.Contains("từ 0 đến 10", await page.Locator("#tc-HQ").InnerTextAsync());

        await hq.GetByLabel("Điểm tự chấm").FillAsync("7,5");
        Assert.Equal("72", await page.Locator("#tong-diem output").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bản tự đánh giá" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/danh-gia/{round}"));
        Assert.Contains("Đã nộp", await page.Locator($"#m-{models[0]:N}").InnerTextAsync());
        Assert.Contains("72", await page.Locator($"#m-{models[0]:N}").InnerTextAsync());
        Assert.Contains(asked, m => m.Contains("không sửa được"));
    }
}
