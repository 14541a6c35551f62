using System.Net;

namespace Emulation.IntegrationTests.Review;

/// <summary>The board's decision at the meeting (ADR 0024): only in deliberation, only the secretary, the vote checked
/// against the round's majority rule, quotas held when two decisions race, stale decisions refused, and the funnel.</summary>
[Collection(AppCollection.Name)]
public sealed class DecisionTests(AppFixture app)
{
    static object Proposed(string level, int revision = 0, int present = 7, int votesFor = 6, int against = 1) =>
        new { outcome = "proposed", level, present, @for = votesFor, against, note = "Hiệu quả rõ, được nhân dân đồng tình", revision };

    async Task<(Guid Round, Guid[] Models, Api Secretary)> Deliberating(int models)
    {
        var (round, _, ids) = await app.DraftRound(models);
        var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        return (round, ids, secretary);
    }

    [Fact]
    public async Task The_secretary_decides_in_deliberation_only_with_a_vote_that_carries_and_the_funnel_counts_it()
    {
        var (round, models, secretary) = await Deliberating(3);
        using var _ = secretary;
        var url = $"/api/review/rounds/{round}/decisions/{models[0]}";
        var early = (await secretary.Post(url, Proposed("bang-khen-tinh"))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("họp xét", early.Detail);
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);

        // Refusals store nothing, not even the start of the decisions: the first valid change still names version 0.
        (await secretary.Put($"/api/review/rounds/{round}/decision-rules", new { rule = "x", members = 0, version = 0 })).Expect(HttpStatusCode.BadRequest);
        (await secretary.Put($"/api/review/rounds/{round}/decision-rules", new { rule = "qua-ban-co-mat", members = 9, version = 7 })).Expect(HttpStatusCode.Conflict);
        (await secretary.Put($"/api/review/rounds/{round}/decision-rules",
            new { rule = "qua-ban-co-mat", members = 9, quotas = new Dictionary<string, int> { ["bang-khen-tinh"] = 1 }, version = 0 })).Expect(HttpStatusCode.OK);

        using (var officer = await app.As("canbo.phuong1"))
            (await officer.Post(url, Proposed("bang-khen-tinh"))).Expect(HttpStatusCode.Forbidden);
        var notCarried = (await secretary.Post(url, Proposed("bang-khen-tinh", present: 7, votesFor: 3, against: 4))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("chưa đạt", Assert.Single(notCarried.Errors("for")));
        var noQuorum = (await secretary.Post(url, Proposed("bang-khen-tinh", present: 4, votesFor: 4, against: 0))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("quá bán", Assert.Single(noQuorum.Errors("present")));
        var noLevel = (await secretary.Post(url, new { outcome = "proposed", present = 7, @for = 6, against = 1, revision = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noLevel.Errors("level"));

        var first = (await secretary.Post(url, Proposed("bang-khen-tinh"))).Expect(HttpStatusCode.OK);
        Assert.Equal(1, first.Body.GetProperty("revision").GetInt32());
        var stale = (await secretary.Post(url, Proposed("bang-khen-tinh", revision: 0))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("vừa được người khác ghi", stale.Detail);
        var full = (await secretary.Post($"/api/review/rounds/{round}/decisions/{models[1]}", Proposed("bang-khen-tinh"))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("Đã đủ chỉ tiêu", full.Detail);
        (await secretary.Post($"/api/review/rounds/{round}/decisions/{models[1]}",
            new { outcome = "outstanding", present = 7, @for = 5, against = 2, revision = 0 })).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{round}/decisions/{models[2]}",
            new { outcome = "not-recognised", present = 7, @for = 2, against = 5, revision = 0 })).Expect(HttpStatusCode.OK);
        var lowered = (await secretary.Put($"/api/review/rounds/{round}/decision-rules",
            new { rule = "qua-ban-co-mat", members = 9, quotas = new Dictionary<string, int> { ["bang-khen-tinh"] = 0 }, version = 5 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(lowered.Errors("quotas.bang-khen-tinh"));

        var view = (await secretary.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body;
        var rows = view.GetProperty("models").EnumerateArray().ToDictionary(r => r.GetProperty("modelId").GetGuid());
        Assert.Equal("Đề nghị Bằng khen của Chủ tịch UBND tỉnh", rows[models[0]].GetProperty("outcomeLabel").GetString());
        Assert.Equal(6, rows[models[0]].GetProperty("vote").GetProperty("for").GetInt32());
        Assert.Equal("Tiêu biểu", rows[models[1]].GetProperty("outcomeLabel").GetString());
        var quota = view.GetProperty("quotas").EnumerateArray().Single(q => q.GetProperty("level").GetString() == "bang-khen-tinh");
        Assert.Equal(1, quota.GetProperty("proposed").GetInt32());

        // Registered counts what the units sent to the board in the round's period, accepted or not; a draft is not sent.
        var period = (await app.ReviewCopy(models[0]))!.PeriodId;
        using (var registering = await app.As("canbo.phuong1"))
        {
            var (sent, _) = await registering.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Gửi Ban, chưa công nhận ")));
            await registering.Submit(sent, 1);
            await registering.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Còn là bản nháp ")));
        }
        await app.WaitForRegistryFeed();
        var funnel = (await secretary.Get($"/api/review/rounds/{round}/funnel")).Expect(HttpStatusCode.OK).Body;
        var stages = funnel.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(4, stages["registered"]);
        Assert.Equal(4, funnel.GetProperty("byLevel").EnumerateArray().Sum(g => g.GetProperty("stages")[0].GetProperty("count").GetInt32()));
        // Every stage has its source now: none is left out, and no unit self-assessed or reviewer scored in this round.
        Assert.Empty(funnel.GetProperty("missing").EnumerateArray());
        Assert.Equal(0, stages["self-assessed"]);
        Assert.Equal(0, stages["scored"]);
        Assert.Equal(2, stages["recognised"]);
        Assert.Equal(2, stages["outstanding"]);
        Assert.Equal(1, stages["proposed"]);

        // The unit sees its results only once they are published.
        using var unit = await app.As("canbo.phuong1");
        Assert.Empty((await unit.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").EnumerateArray());
        (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, (await unit.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").GetArrayLength());
        (await secretary.Post(url, Proposed("bang-khen-tinh", revision: 1))).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_proposals_racing_for_the_last_place_of_a_quota_never_both_pass()
    {
        var (round, models, secretary) = await Deliberating(2);
        using var _ = secretary;
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        (await secretary.Put($"/api/review/rounds/{round}/decision-rules",
            new { rule = "hai-phan-ba-co-mat", members = 9, quotas = new Dictionary<string, int> { ["giay-khen-ban-dan-van-tinh"] = 1 }, version = 0 })).Expect(HttpStatusCode.OK);
        using var second = await app.As(ReviewScenarios.Secretary);
        var replies = await Task.WhenAll(
            secretary.Post($"/api/review/rounds/{round}/decisions/{models[0]}", Proposed("giay-khen-ban-dan-van-tinh")),
            second.Post($"/api/review/rounds/{round}/decisions/{models[1]}", Proposed("giay-khen-ban-dan-van-tinh")));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], replies.Select(r => r.Status).OrderBy(s => s));
        var view = (await secretary.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, view.GetProperty("quotas").EnumerateArray().Single(q => q.GetProperty("level").GetString() == "giay-khen-ban-dan-van-tinh")
            .GetProperty("proposed").GetInt32());
    }
}
