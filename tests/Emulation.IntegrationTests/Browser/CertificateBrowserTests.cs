using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Emulation.IntegrationTests.Browser;

[Collection(AppCollection.Name)]
public sealed class CertificateBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EMULATION_SCREENSHOTS") is { Length: > 0 } dir)
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task An_approver_signs_a_draft_then_prints_its_certificates_and_the_pdf_reads_back_name_by_name()
    {
        var (round, models) = await app.ProposedRound(2);
        var form = await app.ProvincialForm();
        Guid decision;
        using (var secretary = await app.As(ReviewScenarios.Secretary))
            decision = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models))).Expect(System.Net.HttpStatusCode.Created).Id;

        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(1366, 900);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) => { asked.Add(dialog.Message); await dialog.AcceptAsync(); };
        await BrowserSession.SignIn(page, AwardsScenarios.Approver);
        await page.GotoAsync($"/khen-thuong/quyet-dinh/{decision}");
        Assert.Equal(0, await page.Locator("#bang-khen").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ký quyết định" }).ClickAsync();
        await page.Locator("#trang-thai", new() { HasText = "Đã ký" }).WaitForAsync();
        Assert.Contains(asked, m => m.Contains("không sửa được"));
        await page.Locator("#bang-khen").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/bang-khen"));
        await Shot(page, "signed-certificates-1366");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "In thành một tệp PDF" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);

        using var approver = await app.As(AwardsScenarios.Approver);
        var certificates = (await approver.Get($"/api/awards/decisions/{decision}")).Expect(System.Net.HttpStatusCode.OK).Body
            .GetProperty("decision").GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(2, certificates.Count);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(certificates.Count, document.NumberOfPages);
        for (var i = 0; i < certificates.Count; i++)
        {
            var sheet = document.GetPage(i + 1);
            Assert.Equal(1190.55, sheet.Width, 0.01);
            Assert.Equal(841.89, sheet.Height, 0.01);
            var letters = string.Concat(sheet.Letters.Select(l => l.Value));
            Assert.Contains(certificates[i].GetProperty("recipientName").GetString()!.Replace(" ", ""), letters);
            Assert.Contains($"xac-minh/{certificates[i].GetProperty("certificateId").GetGuid()}", letters);
        }
        await page.ReloadAsync();
        Assert.Contains("Đã in 1 bản", await page.Locator($"#c-{certificates[0].GetProperty("certificateId").GetGuid():N}").InnerTextAsync());
    }

    [Fact]
    public async Task An_approver_prints_a_decision_on_a_phone_revokes_one_and_the_public_page_says_so()
    {
        string[] names = ["Nguyễn Thị Hồng Nhung", "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã Khánh Hội", "Trần Văn Đức"];
        var (decision, facts) = await app.IssueDecision(names);

        var page = await _browser.NewPage(app);
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.SignIn(page, CertificateScenarios.Approver);
        await page.GotoAsync($"/khen-thuong/quyet-dinh/{decision}/bang-khen");
        await Shot(page, "decision-390");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the certificates page is wider than a phone");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "In thành một tệp PDF" }).ClickAsync());
        using (var document = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            Assert.Equal(3, document.NumberOfPages);
            for (var i = 0; i < 3; i++)
                Assert.Contains(names[i].Replace(" ", ""), string.Concat(document.GetPage(i + 1).Letters.Select(l => l.Value)));
        }

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"/khen-thuong/quyet-dinh/{decision}/bang-khen");
        Assert.Contains("Đã in 1 bản", await page.Locator($"#c-{facts[0].CertificateId:N}").InnerTextAsync());
        var row = page.Locator($"#c-{facts[2].CertificateId:N}");
        await row.Locator("summary", new() { HasText = "Thu hồi" }).ClickAsync();
        await row.GetByLabel("Số quyết định thu hồi").FillAsync("45/QĐ-UBND");
        await row.GetByLabel("Ngày quyết định thu hồi").FillAsync("2026-12-01");
        var refused = await page.RunAndWaitForResponseAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "Thu hồi bằng khen" }).ClickAsync(),
            r => r.Url.Contains("/revoke"));
        Assert.Equal(400, refused.Status);
        await row.Locator("[aria-invalid=true][name=reason]").WaitForAsync();
        await row.GetByLabel("Lý do thu hồi").FillAsync("Khai man thành tích trong hồ sơ đề nghị");
        await row.GetByRole(AriaRole.Button, new() { Name = "Thu hồi bằng khen" }).ClickAsync();
        await page.Locator($"#c-{facts[2].CertificateId:N} .tag.bad").WaitForAsync();
        await Shot(page, "revoked-390");

        var visitor = await _browser.NewPage(app);
        await visitor.SetViewportSizeAsync(390, 844);
        await visitor.GotoAsync($"/xac-minh/{facts[0].CertificateId}");
        Assert.Contains("Hợp lệ", await visitor.Locator("[data-status]").InnerTextAsync());
        Assert.Equal(names[0], await visitor.Locator("[data-field=recipient]").InnerTextAsync());
        await Shot(visitor, "verify-valid-390");
        Assert.True(await visitor.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the verification page is wider than a phone");
        await visitor.GotoAsync($"/xac-minh/{facts[2].CertificateId}");
        var status = await visitor.Locator("[data-status]").InnerTextAsync();
        Assert.Contains("Đã bị thu hồi", status);
        Assert.Contains("Khai man thành tích", status);
        await Shot(visitor, "verify-revoked-390");
        await visitor.GotoAsync("/tra-cuu-khen-thuong?q=tran+van+duc");
        await Shot(visitor, "lookup-390");
        Assert.Contains("Trần Văn Đức", await visitor.Locator("table").InnerTextAsync());
    }
}
