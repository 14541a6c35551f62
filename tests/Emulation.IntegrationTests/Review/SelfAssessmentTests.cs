using System.Net;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class SelfAssessmentTests(AppFixture app)
{
    const string Officer = "canbo.phuong1";

    static object Scores(string hq = "7,5", string? justification = "Thu nhập hộ tham gia tăng từ 60 lên 85 triệu đồng/năm.") => new object[]
    {
        new { code = "HQ", score = hq, justification, links = new[] { new { kind = "report", title = "Báo cáo quý III/2026" }, new { kind = "evidence", title = "" } } },
        new { code = "TG", score = "8", justification = "120 hộ tham gia." },
        new { code = "NR", score = "6", justification = "Hai phường học tập." },
        new { code = "BV", score = "7", justification = "Có tổ tự quản." },
        new { code = "ST", score = "5", justification = "Cách làm mới ở địa phương." },
        new { code = "CP", score = "9", justification = "Xã hội hóa 300 triệu đồng." },
        new { code = "CT", score = "1", justification = "Chỉ tiêu thu nhập đã đo và đạt." },
    };

    async Task<(Guid Round, Guid Model, Api Secretary)> OpenedRound()
    {
        var (round, _, models) = await app.DraftRound();
        var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        return (round, models[0], secretary);
    }

    [Fact]
    public async Task The_unit_saves_a_draft_with_vietnamese_decimals_submits_it_and_the_board_then_sees_it_with_its_total()
    {
        var (round, model, secretary) = await OpenedRound();
        using var officer = await app.As(Officer);
        var url = $"/api/review/rounds/{round}/self-assessments/{model}";

        var draft = (await officer.Post(url + "/draft", new { scores = new[] { new { code = "HQ", score = "7,5", justification = "Đang làm" } }, version = 0 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(22.5m, draft.Body.GetProperty("total").GetDecimal());
        Assert.False(draft.Body.GetProperty("gatesMet").GetBoolean());
        (await secretary.Get(url)).Expect(HttpStatusCode.NotFound);

        var submitted = (await officer.Post(url + "/submit", new { scores = Scores(), version = 1 })).Expect(HttpStatusCode.OK);
        // 7,5/10×30 + 8/10×20 + 6/10×15 + 7/10×15 + 5/10×10 + 9/10×10 = 22,5 + 16 + 9 + 10,5 + 5 + 9
        Assert.Equal(72m, submitted.Body.GetProperty("total").GetDecimal());
        Assert.True(submitted.Body.GetProperty("gatesMet").GetBoolean());

        var seen = (await secretary.Get(url)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Submitted", seen.GetProperty("state").GetString());
        var hq = seen.GetProperty("scores")[0];
        Assert.Equal(7.5m, hq.GetProperty("score").GetDecimal());
        var link = Assert.Single(hq.GetProperty("links").EnumerateArray());
        Assert.Equal("Báo cáo quý III/2026", link.GetProperty("title").GetString());

        var again = (await officer.Post(url + "/draft", new { scores = Scores(), version = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("đã nộp", again.Detail);
    }

    [Fact]
    public async Task A_score_above_the_maximum_an_unknown_criterion_and_an_incomplete_submission_are_refused_naming_the_field()
    {
        var (round, model, _) = await OpenedRound();
        using var officer = await app.As(Officer);
        var url = $"/api/review/rounds/{round}/self-assessments/{model}";

        var above = (await officer.Post(url + "/draft", new { scores = new[] { new { code = "HQ", score = "10,5" } }, version = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("từ 0 đến 10", above.Errors("scores[0].score").Single());
        var unknown = (await officer.Post(url + "/draft", new { scores = new[] { new { code = "XX", score = "1" } }, version = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.Errors("scores[0].code"));
        var incomplete = (await officer.Post(url + "/submit", new { scores = Scores(justification: null), version = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(incomplete.Errors("scores[0].justification"));
        (await officer.Post(url + "/draft", new { scores = Scores() })).Expect(HttpStatusCode.BadRequest);
        (await officer.Post(url + "/draft", new { scores = Scores(), version = 3 })).Expect(HttpStatusCode.Conflict);
        (await officer.Get(url)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_models_own_unit_self_assesses_and_only_while_the_round_is_in_self_assessment()
    {
        var (round, model, secretary) = await OpenedRound();
        var url = $"/api/review/rounds/{round}/self-assessments/{model}";
        using var other = await app.As("canbo.khanhhoi");
        (await other.Post(url + "/draft", new { scores = Scores(), version = 0 })).Expect(HttpStatusCode.NotFound);
        var board = (await secretary.Post(url + "/draft", new { scores = Scores(), version = 0 })).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("cán bộ của đơn vị", board.Detail);
        using var officer = await app.As(Officer);
        (await officer.Post($"/api/review/rounds/{round}/self-assessments/{Guid.NewGuid()}/draft", new { scores = Scores(), version = 0 }))
            .Expect(HttpStatusCode.NotFound);

        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        var late = (await officer.Post(url + "/submit", new { scores = Scores(), version = 0 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("Chấm điểm", late.Detail);
    }
}
