using System.Net;
using Emulation.IntegrationTests.Monitoring;
using Emulation.Review.Following;
using Emulation.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Review;

/// <summary>Monitoring's feed reaches Review's copies (ADR 0023): what a self-assessment links to and what the funnel counts.</summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringFeedTests(AppFixture app)
{
    async Task<FollowedRecord> Record(Guid modelId)
    {
        Assert.True(await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Monitoring, TimeSpan.FromSeconds(30)),
            "Monitoring's feed did not reach Review within 30 s");
        var record = await app.Copy<FollowedRecord>(modelId);
        Assert.NotNull(record);
        return record;
    }

    [Fact]
    public async Task A_submitted_report_with_a_photo_and_a_target_reached_reaches_Review_and_a_correction_replaces_it()
    {
        var id = await app.AcceptedModel("Theo dõi sang xét duyệt");
        var followed = await Record(id);
        Assert.Empty(followed.Reports);
        Assert.False(followed.Reporting);
        Assert.False(followed.TargetReached);

        using var officer = await app.As("canbo.phuong1");
        var (reportId, version) = await officer.DraftReport(id);
        (await officer.Upload(id, reportId, "Ảnh ra quân.jpg", EvidenceTests.Jpeg(64, 48))).Expect(HttpStatusCode.Created);
        var submitted = await officer.SubmitReport(id, version + 1, value: 100);

        var record = await Record(id);
        var report = Assert.Single(record.Reports);
        Assert.Equal(reportId, report.ReportId);
        Assert.Equal(EvidenceScenarios.Quarter, report.Period);
        Assert.Equal("Ảnh ra quân.jpg", Assert.Single(record.Evidence).FileName);
        Assert.True(record.Reporting);
        Assert.True(record.TargetReached);
        Assert.Equal(100m, Assert.Single(record.Targets).Percent);

        var correction = (await officer.Post($"/api/monitoring/models/{id}/reports/{reportId}/corrections", new
        {
            version = submitted.Version, reason = "Đo lại theo biên bản", whatWasDone = "Họp dân, ra quân làm đường", participants = "Hội Nông dân",
            readings = new[] { new { target = 1, value = 80, measuredOn = EvidenceScenarios.Today } }
        })).Expect(HttpStatusCode.OK).Body.GetProperty("reportId").GetGuid();

        record = await Record(id);
        Assert.Equal(correction, Assert.Single(record.Reports).ReportId);
        Assert.Empty(record.Evidence);
        // The corrected report's reading no longer stands, so the target is judged on the correction alone.
        Assert.Equal(50m, Assert.Single(record.Targets).Percent);
        Assert.False(record.TargetReached);
    }
}
