using System.Net;
using Emulation.IntegrationTests.Monitoring;
using Emulation.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Review;

/// <summary>A self-assessment links the model's own monitoring reports and evidence, by id (ADR 0066), and those who score
/// the model read it: an assigned expert too, a conflicted member never.</summary>
[Collection(AppCollection.Name)]
public sealed class SelfAssessmentLinkTests(AppFixture app)
{
    static object[] Scores(object[] links) =>
    [
        new { code = "HQ", score = "8", justification = "Thu nhập hộ tham gia tăng.", links },
        new { code = "TG", score = "8", justification = "120 hộ tham gia." },
        new { code = "NR", score = "6", justification = "Hai phường học tập." },
        new { code = "BV", score = "7", justification = "Có tổ tự quản." },
        new { code = "ST", score = "5", justification = "Cách làm mới." },
        new { code = "CP", score = "9", justification = "Xã hội hóa 300 triệu đồng." },
        new { code = "CT", score = "1", justification = "Chỉ tiêu đã đo và đạt." },
    ];

    [Fact]
    public async Task Links_name_the_models_own_reports_and_files_and_an_assigned_expert_reads_the_submitted_self_assessment()
    {
        var (round, _, models) = await app.DraftRound(2);
        var model = models[0];
        using var officer = await app.As("canbo.phuong1");
        var (reportId, version) = await officer.DraftReport(model);
        var fileId = (await officer.Upload(model, reportId, "Ảnh họp dân khóm 3.jpg", EvidenceTests.Jpeg(64, 48))).Expect(HttpStatusCode.Created)
            .Body.GetProperty("fileId").GetGuid();
        await officer.SubmitReport(model, version + 1, value: 100);
        // The other model's report: a real id, but not this model's.
        var (otherReport, otherVersion) = await officer.DraftReport(models[1]);
        await officer.SubmitReport(models[1], otherVersion, value: 100);
        Assert.True(await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Monitoring, TimeSpan.FromSeconds(30)));

        var expert = await app.NewReviewer(role: "expert");
        var stranger = await app.NewReviewer(role: "expert");
        var member = await app.NewReviewer();
        // Declared: an officer of the model's own unit reads its self-assessment as the unit does.
        var conflicted = await app.NewReviewer();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(round, expert, stranger, member, conflicted);
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);

        var url = $"/api/review/rounds/{round}/self-assessments/{model}";
        foreach (var unknown in new[] { Guid.NewGuid(), otherReport })
        {
            var refused = (await officer.Post(url + "/draft", new { scores = Scores([new { id = unknown }]), version = 0 })).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("không có trong hồ sơ theo dõi", Assert.Single(refused.Errors("scores[0].links[0].id")));
        }
        // Nothing stored: the first save still names version 0.
        var links = new object[] { new { id = reportId, kind = "evidence", title = "tên khác" }, new { id = fileId }, new { kind = "evidence", title = "Biên bản họp dân lưu tại khóm" } };
        (await officer.Post(url + "/submit", new { scores = Scores(links), version = 0 })).Expect(HttpStatusCode.OK);
        var stored = (await officer.Get(url)).Expect(HttpStatusCode.OK).Body.GetProperty("scores")[0].GetProperty("links").EnumerateArray()
            .Select(l => (l.GetProperty("kind").GetString(), l.TryGetProperty("id", out var i) && i.ValueKind != System.Text.Json.JsonValueKind.Null ? i.GetGuid() : (Guid?)null,
                l.GetProperty("title").GetString())).ToList();
        Assert.Equal(("report", (Guid?)reportId), (stored[0].Item1, stored[0].Item2));
        Assert.StartsWith("Báo cáo tiến độ", stored[0].Item3);
        Assert.Equal(("evidence", (Guid?)fileId, "Ảnh họp dân khóm 3.jpg"), stored[1]);
        Assert.Equal(("evidence", (Guid?)null, "Biên bản họp dân lưu tại khóm"), stored[2]);

        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await secretary.Assign(round, [model], expert.Id, member.Id)).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{round}/conflicts", new { modelId = model, reviewerId = conflicted.Id, reason = "Người nhà tổ trưởng mô hình" }))
            .Expect(HttpStatusCode.OK);
        using (var e = await app.As(expert.UserName, ScoringScenarios.Password))
        {
            Assert.Equal("Submitted", (await e.Get(url)).Expect(HttpStatusCode.OK).Body.GetProperty("state").GetString());
            var page = WebUtility.HtmlDecode((await e.Get($"/tham-dinh/{round}/mo-hinh/{model}")).Expect(HttpStatusCode.OK).Raw);
            Assert.Contains($"href=\"/api/monitoring/evidence/{fileId}\"", page);
            Assert.Contains("Ảnh họp dân khóm 3.jpg", page);
            Assert.Contains("Biên bản họp dân lưu tại khóm", page);
            (await e.Get($"/danh-gia/{round}/tu-danh-gia/{model}")).Expect(HttpStatusCode.OK);
        }
        using (var s = await app.As(stranger.UserName, ScoringScenarios.Password))
            (await s.Get(url)).Expect(HttpStatusCode.NotFound);
        using (var c = await app.As(conflicted.UserName, ScoringScenarios.Password))
        {
            (await c.Get(url)).Expect(HttpStatusCode.Forbidden);
            (await c.Get($"/danh-gia/{round}/tu-danh-gia/{model}")).Expect(HttpStatusCode.Forbidden);
        }
        using (var m = await app.As(member.UserName, ScoringScenarios.Password))
            (await m.Get(url)).Expect(HttpStatusCode.OK);
    }
}
