using System.Net;
using Microsoft.Playwright;

namespace Emulation.IntegrationTests.Browser;

/// <summary>The story in the browser: a model at risk; its unit saves a report, attaches a photo, submits;
/// the board sees the photo and the model on track.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceBrowserTests(AppFixture app) : IAsyncLifetime
{
    readonly BrowserSession _browser = new();
    public Task InitializeAsync() => _browser.InitializeAsync();
    public Task DisposeAsync() => _browser.DisposeAsync();

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    static string Key(DateOnly d) => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}";

    [Fact]
    public async Task A_unit_submits_a_report_with_a_photo_and_the_board_sees_the_model_turn_from_at_risk_to_on_track()
    {
        var accepted = Today;
        var due = accepted.AddDays(150);
        var id = await app.AcceptedModel("Thắp sáng đường quê", new()
        {
            ["evaluationDate"] = due.AddDays(10).ToString("yyyy-MM-dd"),
            ["targets"] = new[] { new { indicator = "Số km đường có đèn", unitOfMeasure = "km", baseline = 0, targetValue = 100, dueDate = due.ToString("yyyy-MM-dd") } }
        });
        var photo = Path.Combine(Path.GetTempPath(), $"Ra quân lắp đèn {Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, Monitoring.EvidenceTests.Jpeg(1200, 900));
        // Past the first quarter's due date (so its report counts), half way to the target's due date.
        var later = accepted.AddDays(75);
        try
        {
            app.Clock.MoveTo(TimeSpan.FromDays(later.DayNumber - accepted.DayNumber));
            using (var officer = await app.Fresh("canbo.phuong1"))
            {
                var model = (await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK);
                (await officer.Post($"/api/monitoring/models/{id}/reports", new
                {
                    period = Key(accepted), version = model.Version, whatWasDone = "Khảo sát tuyến đường",
                    readings = new[] { new { target = 1, value = 35, measuredOn = later.ToString("yyyy-MM-dd") } }
                })).Expect(HttpStatusCode.OK);
            }

            var board = await _browser.NewPage(app);
            await BrowserSession.SignIn(board, "thuky.phuong1");
            await board.GotoAsync($"/theo-doi/{id}");
            Assert.Equal("Có nguy cơ chậm", await board.Locator("#health").InnerTextAsync());

            var unit = await _browser.NewPage(app);
            await unit.SetViewportSizeAsync(390, 844);
            await BrowserSession.SignIn(unit, "canbo.phuong1");
            await unit.GotoAsync($"/theo-doi/{id}/bao-cao?ky={Key(later)}");
            var report = unit.Locator("form.api-form").First;
            await report.Locator("[name='readings[0].value']").FillAsync("62,5");
            await report.GetByLabel("Nội dung đã thực hiện trong kỳ").FillAsync("Lắp 62,5 km đèn năng lượng mặt trời cùng bà con.");
            await report.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
            // The saved draft opens again where its evidence is attached.
            await unit.WaitForURLAsync(u => u.Contains($"/theo-doi/{id}/bao-cao?ky={Key(later)}"));
            var upload = unit.Locator("form.evidence-upload");
            await upload.WaitForAsync();

            // A change typed after saving is not lost when the page reloads after the photo: it is saved first.
            const string narrative = "Lắp 62,5 km đèn năng lượng mặt trời cùng bà con khóm 3.";
            await unit.Locator("form.api-form").First.GetByLabel("Nội dung đã thực hiện trong kỳ").FillAsync(narrative);
            await upload.Locator("input[type=file]").SetInputFilesAsync(photo);
            await upload.GetByRole(AriaRole.Button, new() { Name = "Tải tệp lên" }).ClickAsync();
            await unit.Locator("ul.evidence img").WaitForAsync();
            Assert.Contains(Path.GetFileName(photo), await unit.Locator("ul.evidence").InnerTextAsync());
            Assert.Equal(narrative, await unit.Locator("form.api-form").First.GetByLabel("Nội dung đã thực hiện trong kỳ").InputValueAsync());

            await unit.Locator("form.api-form").First.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await unit.WaitForURLAsync(u => u.EndsWith($"/theo-doi/{id}"));

            await board.ReloadAsync();
            Assert.Equal("Đúng tiến độ", await board.Locator("#health").InnerTextAsync());
            var thumbnail = board.Locator("ul.evidence img").First;
            await thumbnail.WaitForAsync();
            Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 320"), "the board's page shows the photo's thumbnail");
        }
        finally
        {
            app.Clock.MoveTo(TimeSpan.Zero);
            File.Delete(photo);
        }
    }
}
