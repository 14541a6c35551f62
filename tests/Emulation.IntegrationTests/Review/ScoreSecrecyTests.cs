using System.Net;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.IntegrationTests.Review;

/// <summary>Scores are independent and the board's confidences stay the board's (ADR 0064, 0065): the meeting's page and
/// minutes show no mean before deliberation, nor to a member conflicted with the model or who owes a scorecard on it;
/// gate failures rank last and cannot be recognised; comments to the unit reach the unit with its result, confidential
/// comments only the board's members.</summary>
[Collection(AppCollection.Name)]
public sealed class ScoreSecrecyTests(AppFixture app)
{
    static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    static async Task<string> MinutesText(Api api, Guid round)
    {
        using var response = await api.Client.GetAsync($"/api/review/rounds/{round}/minutes/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<W.TableCell>().Select(c => c.InnerText));
    }

    /// <summary>Every criterion at <paramref name="share"/> of its maximum, and the gate ("CT", weight 0) met or not.</summary>
    static Dictionary<string, object?> Scores(ScoringScenarios.ScoringRound r, decimal share, bool gate)
    {
        var scores = r.Share(share);
        foreach (var c in r.Criteria.EnumerateArray().Where(c => c.TryGetProperty("gateMinimum", out var g) && g.ValueKind == System.Text.Json.JsonValueKind.Number))
            scores[c.GetProperty("code").GetString()!] = gate ? c.GetProperty("maxPoints").GetDecimal() : 0m;
        return scores;
    }

    static object Vote(string outcome, string? level = null) => new { outcome, level, present = 3, @for = 3, against = 0, revision = 0 };

    [Fact]
    public async Task The_meeting_shows_means_in_deliberation_only_and_never_to_a_conflicted_member_or_one_who_owes_a_scorecard()
    {
        var r = await app.RoundInScoring(models: 2, reviewers: 2);
        var conflicted = await app.NewReviewer(alsoOfficerAt: "CM-P1");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, conflicted);
        (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, r.Reviewers[1].Id)).Expect(HttpStatusCode.OK);
        using var a = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        using var b = await app.As(r.Reviewers[1].UserName, ScoringScenarios.Password);
        using var c = await app.As(conflicted.UserName, ScoringScenarios.Password);
        (await a.Score(r.Round, r.Models[0], Scores(r, 1m, true), submit: true)).Expect(HttpStatusCode.OK);
        (await a.Score(r.Round, r.Models[1], Scores(r, 1m, true), submit: true)).Expect(HttpStatusCode.OK);
        (await b.Score(r.Round, r.Models[0], Scores(r, 0.8m, true), submit: true)).Expect(HttpStatusCode.OK);

        // In scoring the page would show scores still being given: refused to a member, the secretary sees no mean.
        var page = $"/danh-gia/{r.Round}/hop-xet";
        (await a.Get(page)).Expect(HttpStatusCode.Conflict);
        (await c.Get(page)).Expect(HttpStatusCode.Conflict);
        var early = (await secretary.Get(page)).Expect(HttpStatusCode.OK).Raw;
        Assert.Equal(0, Count(early, "data-mean"));
        (await secretary.Get($"/api/review/rounds/{r.Round}/minutes/docx")).Expect(HttpStatusCode.Conflict);

        (await secretary.Move(r.Round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, Count((await secretary.Get(page)).Expect(HttpStatusCode.OK).Raw, "data-mean"));
        Assert.Equal(2, Count((await a.Get(page)).Expect(HttpStatusCode.OK).Raw, "data-mean"));
        var owing = (await b.Get(page)).Expect(HttpStatusCode.OK).Raw;
        Assert.Equal(1, Count(owing, "data-mean"));
        Assert.Equal(1, Count(owing, "data-hidden=\"owed\""));
        var conflictedPage = (await c.Get(page)).Expect(HttpStatusCode.OK).Raw;
        Assert.Equal(0, Count(conflictedPage, "data-mean"));
        Assert.Equal(2, Count(conflictedPage, "data-hidden=\"conflict\""));

        // The minutes: the same document, less the means the caller may not read.
        (await secretary.Put($"/api/review/rounds/{r.Round}/meeting", MeetingTests.Meeting(0))).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{r.Round}/decisions/{r.Models[0]}", Vote("recognised"))).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{r.Round}/decisions/{r.Models[1]}", Vote("recognised"))).Expect(HttpStatusCode.OK);
        var full = await MinutesText(secretary, r.Round);
        Assert.Contains("90,00", full);
        Assert.Contains("100,00", full);
        var ofB = await MinutesText(b, r.Round);
        Assert.Contains("90,00", ofB);
        Assert.DoesNotContain("100,00", ofB);
        var ofC = await MinutesText(c, r.Round);
        Assert.DoesNotContain("90,00", ofC);
        Assert.DoesNotContain("100,00", ofC);
        // The conflicted member still cannot open the model's scores or discussion.
        (await c.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_model_that_failed_the_gates_ranks_below_the_rest_and_cannot_be_recognised()
    {
        var r = await app.RoundInScoring(models: 2, reviewers: 2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, r.Reviewers[1].Id)).Expect(HttpStatusCode.OK);
        using var a = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        using var b = await app.As(r.Reviewers[1].UserName, ScoringScenarios.Password);
        // Model 0 scores full marks without a target reached; model 1 less, with one.
        (await a.Score(r.Round, r.Models[0], Scores(r, 1m, false), submit: true)).Expect(HttpStatusCode.OK);
        (await b.Score(r.Round, r.Models[0], Scores(r, 1m, false), submit: true)).Expect(HttpStatusCode.OK);
        (await a.Score(r.Round, r.Models[1], Scores(r, 0.6m, true), submit: true)).Expect(HttpStatusCode.OK);
        (await b.Score(r.Round, r.Models[1], Scores(r, 0.6m, true), submit: true)).Expect(HttpStatusCode.OK);

        var rows = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")
            .EnumerateArray().ToDictionary(x => x.GetProperty("modelId").GetGuid());
        Assert.Equal(1, rows[r.Models[1]].GetProperty("rank").GetInt32());
        Assert.True(rows[r.Models[1]].GetProperty("gatesMet").GetBoolean());
        Assert.Equal(2, rows[r.Models[0]].GetProperty("rank").GetInt32());
        Assert.False(rows[r.Models[0]].GetProperty("gatesMet").GetBoolean());
        Assert.Equal(100m, rows[r.Models[0]].GetProperty("scores").GetProperty("mean").GetDecimal());
        Assert.Contains("data-gates=\"failed\"", (await secretary.Get($"/tham-dinh/{r.Round}/xep-hang")).Expect(HttpStatusCode.OK).Raw);

        (await secretary.Move(r.Round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, Count((await secretary.Get($"/danh-gia/{r.Round}/hop-xet")).Expect(HttpStatusCode.OK).Raw, "data-gates=\"failed\""));
        var url = $"/api/review/rounds/{r.Round}/decisions/{r.Models[0]}";
        foreach (var refused in new[] { Vote("recognised"), Vote("outstanding"), Vote("proposed", "bang-khen-tinh") })
        {
            var reply = (await secretary.Post(url, refused)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("điều kiện bắt buộc", Assert.Single(reply.Errors("outcome")));
        }
        // Nothing stored: the first decision on the model is still revision 0.
        var saved = (await secretary.Post(url, new { outcome = "not-recognised", present = 3, @for = 0, against = 3, revision = 0 })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, saved.Body.GetProperty("revision").GetInt32());
        (await secretary.Post($"/api/review/rounds/{r.Round}/decisions/{r.Models[1]}", Vote("proposed", "bang-khen-tinh"))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_unit_reads_the_comments_to_it_once_published_and_only_board_members_read_the_confidential_ones()
    {
        var r = await app.RoundInScoring(models: 1, reviewers: 2);
        var expert = await app.NewReviewer(role: "expert");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, expert);
        (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, expert.Id)).Expect(HttpStatusCode.OK);
        using var member = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        using var other = await app.As(r.Reviewers[1].UserName, ScoringScenarios.Password);
        using var invited = await app.As(expert.UserName, ScoringScenarios.Password);
        const string toUnit = "Nên tổng kết cách làm để nhân rộng ra các khóm lân cận.";
        const string toBoard = "Số liệu quý III chưa khớp biên bản kiểm tra: đề nghị Ban xác minh trước khi họp.";
        (await member.Score(r.Round, r.Models[0], Scores(r, 0.9m, true), submit: true, toUnit: toUnit, toBoard: toBoard)).Expect(HttpStatusCode.OK);
        (await invited.Score(r.Round, r.Models[0], Scores(r, 0.8m, true), submit: true)).Expect(HttpStatusCode.OK);

        var ofExpert = (await invited.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK);
        Assert.Equal(toUnit, ofExpert.Body.GetProperty("others")[0].GetProperty("toUnit").GetString());
        Assert.DoesNotContain(toBoard, ofExpert.Raw);
        var expertPage = WebUtility.HtmlDecode((await invited.Get($"/tham-dinh/{r.Round}/mo-hinh/{r.Models[0]}")).Expect(HttpStatusCode.OK).Raw);
        Assert.Contains(toUnit, expertPage);
        Assert.DoesNotContain("xác minh", expertPage);
        // A member of the board who does not score this model reads them; so does the secretary.
        Assert.Contains(toBoard, (await other.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Raw);
        Assert.Contains(toBoard, (await secretary.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Raw);

        (await secretary.Move(r.Round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        (await secretary.Post($"/api/review/rounds/{r.Round}/decisions/{r.Models[0]}", Vote("recognised"))).Expect(HttpStatusCode.OK);
        using var unit = await app.As("canbo.phuong1");
        Assert.Empty((await unit.Get($"/api/review/rounds/{r.Round}/decisions")).Expect(HttpStatusCode.OK).Body.GetProperty("models").EnumerateArray());
        (await secretary.Move(r.Round, "closed", 4)).Expect(HttpStatusCode.OK);
        var result = (await unit.Get($"/api/review/rounds/{r.Round}/decisions")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(result.Body.GetProperty("models").EnumerateArray());
        Assert.Equal([toUnit], row.GetProperty("comments").EnumerateArray().Select(x => x.GetString()));
        Assert.DoesNotContain(toBoard, result.Raw);
        var roundPage = WebUtility.HtmlDecode((await unit.Get($"/danh-gia/{r.Round}")).Expect(HttpStatusCode.OK).Raw);
        Assert.Contains("Nhận xét của người thẩm định (1)", roundPage);
        Assert.Contains(toUnit, roundPage);
        Assert.DoesNotContain("xác minh", roundPage);
    }
}
