using System.Net;
using Emulation.Scope;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Monitoring follows a model a fraction of a second after the Registry accepts it (the feed is asynchronous):
/// a caller who acts in that moment must read that trying again helps, not that the model is not accepted.</summary>
[Collection(AppCollection.Name)]
public sealed class JustAcceptedTests(AppFixture app)
{
    /// <summary>A model of the officer's ward drafted, submitted and accepted by the ward's board while the Registry's feed
    /// is held for a second: the returned task ends when the feed runs again.</summary>
    async Task<(Guid Id, Task Held)> AcceptedWhileTheFeedIsHeld(Api officer, string name)
    {
        using var admin = await app.As("quantri");
        using var board = await app.As("thuky.phuong1");
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(await admin.OpenPeriod(), DirectoryScenarios.Unique(name)));
        await officer.Submit(id, 1);
        var held = await app.HoldFeed(Feed.Registry, TimeSpan.FromSeconds(1));
        (await board.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);
        return (id, held);
    }

    [Fact]
    public async Task A_model_not_followed_yet_is_refused_with_a_message_that_says_to_try_again_in_a_few_seconds()
    {
        using var officer = await app.As("canbo.phuong1");
        var unknown = Guid.NewGuid();
        var view = (await officer.Get($"/api/monitoring/models/{unknown}")).Expect(HttpStatusCode.NotFound);
        Assert.Contains("vừa được công nhận", view.Detail);
        Assert.Contains("thử lại sau vài giây", view.Detail);
        var report = (await officer.Post($"/api/monitoring/models/{unknown}/reports/draft", new { period = "2026-Q4", version = 1 }))
            .Expect(HttpStatusCode.NotFound);
        Assert.Equal(view.Detail, report.Detail);
    }

    /// <summary>ADR 0070: the unit opens the model the board has just accepted and reports on it at once, while the
    /// Registry's feed is a second behind (held): Monitoring waits for the feed instead of answering 404.</summary>
    [Fact]
    public async Task A_unit_opens_and_reports_on_a_model_right_after_its_acceptance_while_the_feed_is_behind()
    {
        using var officer = await app.As("canbo.phuong1");
        var (id, held) = await AcceptedWhileTheFeedIsHeld(officer, "Mô hình vừa công nhận ");
        var view = await officer.Get($"/api/monitoring/models/{id}");
        await held;
        var version = view.Expect(HttpStatusCode.OK).Version;
        (await officer.Post($"/api/monitoring/models/{id}/reports/draft", new { period = "2026-Q4", version, whatWasDone = "Họp dân ngay sau khi được công nhận" }))
            .Expect(HttpStatusCode.OK);
    }

    /// <summary>The same for a step sent first: the draft report waits for the feed too.</summary>
    [Fact]
    public async Task A_report_drafted_right_after_the_acceptance_waits_for_the_feed()
    {
        using var officer = await app.As("canbo.phuong1");
        var (id, held) = await AcceptedWhileTheFeedIsHeld(officer, "Mô hình báo cáo ngay ");
        var draft = await officer.Post($"/api/monitoring/models/{id}/reports/draft", new { period = "2026-Q4", version = 1, whatWasDone = "Họp dân" });
        await held;
        draft.Expect(HttpStatusCode.OK);
    }

    /// <summary>The pages too: the model's page and its report form, opened while the Registry's feed is held.</summary>
    [Fact]
    public async Task The_model_page_and_report_form_open_right_after_the_acceptance()
    {
        using var officer = await app.As("canbo.phuong1");
        var (id, held) = await AcceptedWhileTheFeedIsHeld(officer, "Mô hình trang ngay ");
        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { $"/theo-doi/{id}", $"/theo-doi/{id}/bao-cao" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await officer.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        await held;
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }
}
