using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class ScoringBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_reviewer_scores_on_a_phone_sees_the_total_move_as_they_type_and_then_the_others_scores()
    {
        var r = await app.RoundInScoring(models: 1, reviewers: 2);
        using (var secretary = await app.As(ReviewScenarios.Secretary))
            (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, r.Reviewers[1].Id)).Expect(HttpStatusCode.OK);
        using (var other = await app.As(r.Reviewers[1].UserName, ScoringScenarios.Password))
            (await other.Score(r.Round, r.Models[0], r.Share(0.6m), submit: true)).Expect(HttpStatusCode.OK);

        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(page, r.Reviewers[0].UserName, ScoringScenarios.Password);
        await page.GotoAsync($"/tham-dinh/{r.Round}/xep-hang");
        Assert.Contains("Bạn chưa gửi phiếu chấm mô hình này", await page.Locator("#ranking").InnerTextAsync());
        await page.GotoAsync("/tham-dinh");
        await page.Locator("#my-assignments a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/mo-hinh/"));
        Assert.Contains("sau khi gửi phiếu chấm", await page.Locator("#others-hidden").InnerTextAsync());

        // On a phone the criterion is read on the whole width and the score typed in a field of a usable size.
        var criterion = await page.Locator("table.criteria td.criterion").First.BoundingBoxAsync();
        Assert.True(criterion!.Width >= 300, $"the criterion's name is squeezed into {criterion.Width}px");
        var scoreBox = await page.Locator("table.criteria td.score-cell input").First.BoundingBoxAsync();
        Assert.True(scoreBox!.Width >= 150 && scoreBox.X + scoreBox.Width <= 390, $"the score field is {scoreBox.Width}px wide at {scoreBox.X}");

        // Two scores typed wrong are both named beside their fields in one answer.
        var criteria = r.Criteria.EnumerateArray().ToList();
        Assert.True(criteria.Count >= 2);
        var (first, second) = (criteria[0].GetProperty("code").GetString(), criteria[1].GetProperty("code").GetString());
        await page.Locator($"input[name='scores.{first}']").FillAsync("abc");
        await page.Locator($"input[name='scores.{second}']").FillAsync("7,5,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" }).ClickAsync();
        await page.Locator($"[aria-invalid=true][name='scores.{first}']").WaitForAsync();
        Assert.Equal("true", await page.Locator($"input[name='scores.{second}']").GetAttributeAsync("aria-invalid"));
        Assert.NotEmpty((await page.Locator($"input[name='scores.{second}'] ~ .field-error").InnerTextAsync()).Trim());

        foreach (var c in criteria)
        {
            var max = c.GetProperty("maxPoints").GetDecimal();
            await page.Locator($"input[name='scores.{c.GetProperty("code").GetString()}']").FillAsync((max / 2).ToString("0.##", new System.Globalization.CultureInfo("vi-VN")));
        }
        Assert.Equal("50", await page.Locator("#live-total").InnerTextAsync());
        await page.Locator("#submit-card").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu chấm" }).ClickAsync();
        await page.Locator("#card-state").WaitForAsync();
        Assert.Contains("Đã gửi", await page.Locator("#card-state").InnerTextAsync());
        Assert.Contains("Trung bình: 55", await page.Locator("#aggregate").InnerTextAsync());
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the scorecard is {width}px wide on a 390px screen");

        await page.GotoAsync($"/tham-dinh/{r.Round}/xep-hang");
        var ranked = await page.Locator("#ranking tbody tr").First.InnerTextAsync();
        Assert.Contains("2/2", ranked);
        Assert.Contains("55", ranked);
        Assert.DoesNotContain("chưa gửi", ranked);
    }
}
