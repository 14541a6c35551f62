using System.Net;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Monitoring follows a model a fraction of a second after the Registry accepts it (the feed is asynchronous):
/// a caller who acts in that moment must read that trying again helps, not that the model is not accepted.</summary>
[Collection(AppCollection.Name)]
public sealed class JustAcceptedTests(AppFixture app)
{
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
}
