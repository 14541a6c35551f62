using System.Net;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The report form opens on the period the unit must report now, never on a gap left before its last report.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportFormDefaultTests(AppFixture app)
{
    [Fact]
    public async Task After_a_report_that_skipped_the_first_quarter_the_form_proposes_the_quarter_after_it()
    {
        var id = await app.AcceptedModel("Kỳ báo cáo mặc định");
        var accepted = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var first = new DateOnly(accepted.Year, (accepted.Month - 1) / 3 * 3 + 1, 1);
        var second = first.AddMonths(3);
        var third = first.AddMonths(6);
        static string Key(DateOnly d) => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}";
        app.Clock.MoveTo(TimeSpan.FromDays(third.AddDays(10).DayNumber - accepted.DayNumber));
        try
        {
            using var officer = await app.Fresh("canbo.phuong1");
            (await officer.Post($"/api/monitoring/models/{id}/reports", new
            {
                period = Key(second), version = 1, whatWasDone = "Họp dân, lắp đèn.",
                readings = new[] { new { target = 1, value = "80", measuredOn = second.AddMonths(3).AddDays(-1).ToString("dd/MM/yyyy") } }
            })).Expect(HttpStatusCode.OK);

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/theo-doi/{id}/bao-cao");
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await officer.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var selected = page.QuerySelector("select[name=period] option[selected]")?.GetAttribute("value");
            Assert.Equal(Key(third), selected);
        }
        finally
        {
            app.Clock.MoveTo(TimeSpan.Zero);
        }
    }
}
