using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The awards' main path as its users live it: the secretary drafts a decision from the published proposal list
/// on a phone, a used number is refused beside its field, the approver signs after the confirmation and sees the
/// gold-book numbers.</summary>
[Collection(AppCollection.Name)]
public sealed class AwardsBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_secretary_drafts_on_a_phone_and_the_approver_signs_after_confirming()
    {
        var (round, _) = await app.ProposedRound(2);
        var form = await app.ProvincialForm();
        var used = AwardsScenarios.Number();
        using (var secretaryApi = await app.As(ReviewScenarios.Secretary))
        {
            var (other, others) = await app.ProposedRound(1);
            (await secretaryApi.Post("/api/awards/decisions", AwardsScenarios.DraftBody(other, form, others, used))).Expect(System.Net.HttpStatusCode.Created);
        }

        var phone = await _browser.NewPage(app);
        await phone.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(phone, ReviewScenarios.Secretary);
        await phone.GotoAsync("/khen-thuong");
        await phone.Locator("#de-nghi").GetByRole(AriaRole.Link).Filter(new() { HasText = "Sơ kết thử" }).First.WaitForAsync();
        await phone.GotoAsync($"/khen-thuong/de-nghi/{round}");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the proposal list is {width}px wide on a 390px screen");
        var panel = phone.Locator($"#du-thao-{form}");
        await panel.Locator("summary").ClickAsync();
        await panel.GetByLabel("Số, ký hiệu").FillAsync(used);
        await panel.GetByLabel("Ngày quyết định").FillAsync("15/11/2026");
        await panel.GetByLabel("Thẩm quyền ký").FillAsync("KT. CHỦ TỊCH");
        await panel.GetByLabel("Chức vụ người ký").FillAsync("PHÓ CHỦ TỊCH");
        await panel.GetByLabel("Họ tên người ký").FillAsync("Ngô Văn Phúc");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo" }).ClickAsync();
        await panel.Locator("[aria-invalid=true]").First.WaitForAsync();
        Assert.Contains("đã được dùng", await panel.InnerTextAsync());

        await panel.GetByLabel("Số, ký hiệu").FillAsync(AwardsScenarios.Number());
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo" }).ClickAsync();
        await phone.WaitForURLAsync(u => u.Contains("/khen-thuong/quyet-dinh/"));
        Assert.Equal("Dự thảo", await phone.Locator("#trang-thai").InnerTextAsync());
        Assert.Equal(2, await phone.Locator("#danh-sach-kem-theo tbody tr").CountAsync());
        var decisionUrl = phone.Url;

        var desk = await _browser.NewPage(app);
        await desk.SetViewportSizeAsync(1366, 900);
        var asked = new List<string>();
        desk.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserSession.SignIn(desk, AwardsScenarios.Approver);
        await desk.GotoAsync(decisionUrl);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ký quyết định" }).ClickAsync();
        await desk.Locator("#trang-thai", new() { HasText = "Đã ký" }).WaitForAsync();
        Assert.Contains(asked, m => m.Contains("không sửa được"));
        Assert.Equal(["1/2026", "2/2026"], await desk.Locator("#danh-sach-kem-theo tbody tr td:last-child").AllInnerTextsAsync());
        Assert.Equal(0, await desk.GetByRole(AriaRole.Button, new() { Name = "Ký quyết định" }).CountAsync());
    }
}
