using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Emulation.Review.Rounds;
using Emulation.Review.SelfAssessment;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class ReviewDemoDataTests(AppFixture app)
{
    [Fact]
    public async Task The_provincial_board_has_a_so_ket_round_in_self_assessment_with_the_units_self_assessments()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        Round? round = null;
        for (var i = 0; i < 300 && round is null; i++)
        {
            await using var session = store.QuerySession();
            round = await session.Query<Round>().Where(r => r.Name.StartsWith("Sơ kết 3 năm")).FirstOrDefaultAsync();
            if (round is null) await Task.Delay(200);
        }
        Assert.NotNull(round);
        Assert.Equal(RoundState.SelfAssessment, round.State);
        Assert.Equal(RoundKind.Midterm, round.Kind);
        Assert.True(round.Models.Count >= 6, $"{round.Models.Count} models in the demo round");
        Assert.Contains(round.Models, m => m.Name == "Ánh sáng an ninh");
        Assert.Equal(7, round.Criteria.Count);

        await using (var session = store.QuerySession())
        {
            var assessments = await SelfAssessmentQueries.OfRoundAsync(session, round.Id, default);
            Assert.Equal(round.Models.Count - 2, assessments.Values.Count(a => a.Submitted));
            Assert.Single(assessments.Values, a => !a.Submitted);
            Assert.Contains(assessments.Values, a => a.Submitted && !a.GatesMet);
        }

        using var board = await app.As("uyvien.bdvtinh");
        var list = (await board.Get("/api/review/rounds")).Expect(HttpStatusCode.OK).Body;
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == round.Id && r.GetProperty("state").GetString() == "self-assessment");
        using var women = await app.As("canbo.phunu");
        (await women.Get($"/api/review/rounds/{round.Id}")).Expect(HttpStatusCode.OK);
        using var ward = await app.As("canbo.phuong1");
        (await ward.Get($"/api/review/rounds/{round.Id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tong_ket_round_is_in_scoring_with_three_reviewers_a_disagreement_and_one_model_left_for_the_member()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        Round? round = null;
        for (var i = 0; i < 300 && round is null; i++)
        {
            await using var session = store.QuerySession();
            round = await session.Query<Round>().Where(r => r.Name == Emulation.Review.Seed.ScoringDemoSeed.RoundName).FirstOrDefaultAsync();
            if (round is null) await Task.Delay(200);
        }
        Assert.NotNull(round);
        Assert.Equal(RoundState.Scoring, round.State);
        Assert.True(round.Models.Count >= 2, $"{round.Models.Count} models in the tổng kết round");

        using var member = await app.As("uyvien.bdvtinh");
        var mine = (await member.Get("/api/review/assignments/mine")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Where(a => a.GetProperty("roundId").GetGuid() == round.Id).ToList();
        Assert.Equal(round.Models.Count, mine.Count);
        Assert.Single(mine, a => a.GetProperty("card").GetString() == "None");

        // The units' self-assessments link each model's latest progress report; the assigned expert sees the link beside
        // the justification and opens the model's monitoring record behind it.
        using (var invited = await app.As("chuyengia.kinhte"))
            foreach (var m in round.Models)
            {
                var (status, page) = await Html(invited, $"/tham-dinh/{round.Id}/mo-hinh/{m.ModelId}");
                Assert.Equal(HttpStatusCode.OK, status);
                var link = page.QuerySelectorAll("main td a").FirstOrDefault(a => a.TextContent.StartsWith("Báo cáo tiến độ "));
                Assert.True(link is not null, $"{m.Name}: no report linked from the self-assessment");
                Assert.Equal($"/theo-doi/{m.ModelId}", link.GetAttribute("href"));
                var (opened, record) = await Html(invited, link.GetAttribute("href")!);
                Assert.Equal(HttpStatusCode.OK, opened);
                Assert.Equal("Theo dõi: " + m.Name, record.QuerySelector("main h1")!.TextContent);
            }

        using var expert = await app.As("chuyengia.xahoi");
        Assert.Equal(round.Models.Count, (await expert.Get("/api/review/assignments/mine")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Count(a => a.GetProperty("roundId").GetGuid() == round.Id && a.GetProperty("card").GetString() == "Submitted"));

        using var secretary = await app.As("thuky.bdvtinh");
        var progress = (await secretary.Get($"/api/review/rounds/{round.Id}/progress")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(round.Models.Count * 3, progress.GetProperty("assigned").GetInt32());
        Assert.Equal(round.Models.Count * 3 - 1, progress.GetProperty("submitted").GetInt32());
        var ranking = (await secretary.Get($"/api/review/rounds/{round.Id}/ranking")).Expect(HttpStatusCode.OK).Body;
        Assert.Contains("\"disagreement\":true", ranking.GetRawText().Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ranking.GetRawText().Replace(" ", ""), "\"gatesMet\":false", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task The_closed_so_ket_round_was_self_assessed_scored_by_three_reviewers_with_a_disagreement_and_its_minutes_are_ready_to_print()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        Round? round = null;
        for (var i = 0; i < 300 && round is null; i++)
        {
            await using var session = store.QuerySession();
            round = await session.Query<Round>().Where(r => r.Name == Emulation.Review.Seed.ReviewAwardsDemoSeed.RoundName).FirstOrDefaultAsync();
            if (round is null) await Task.Delay(200);
        }
        Assert.NotNull(round);
        Assert.Equal(RoundState.Closed, round.State);
        await using (var session = store.QuerySession())
        {
            var assessments = await SelfAssessmentQueries.OfRoundAsync(session, round.Id, default);
            Assert.Equal(round.Models.Count, assessments.Values.Count(a => a.Submitted));
        }
        using var secretary = await app.As("thuky.bdvtinh");
        var progress = (await secretary.Get($"/api/review/rounds/{round.Id}/progress")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(round.Models.Count * 3, progress.GetProperty("assigned").GetInt32());
        Assert.Equal(round.Models.Count * 3, progress.GetProperty("submitted").GetInt32());
        var ranking = (await secretary.Get($"/api/review/rounds/{round.Id}/ranking")).Expect(HttpStatusCode.OK).Body.GetRawText().Replace(" ", "");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ranking, "\"disagreement\":true", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        // The board's head reads the closed round as the board does: its pages and its minutes (ADR 0069).
        using var head = await app.As("truongban.bdvtinh");
        foreach (var api in new[] { secretary, head })
            foreach (var (path, type) in new[] { ("minutes/pdf", "application/pdf"), ("proposals/docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document") })
            {
                using var reply = await api.Client.GetAsync($"/api/review/rounds/{round.Id}/{path}");
                Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
                Assert.Equal(type, reply.Content.Headers.ContentType?.MediaType);
            }
        foreach (var path in new[] { $"/danh-gia/{round.Id}", $"/danh-gia/{round.Id}/pheu", $"/danh-gia/{round.Id}/hop-xet", $"/tham-dinh/{round.Id}/tien-do", $"/tham-dinh/{round.Id}/xep-hang" })
            Assert.Equal(HttpStatusCode.OK, (await Html(head, path)).Status);
        // Without a "Thẩm định" menu entry, the round's own page leads the head to its progress and ranking.
        Assert.Contains((await Html(head, $"/danh-gia/{round.Id}")).Page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/tham-dinh/{round.Id}/xep-hang");
    }

    static async Task<(HttpStatusCode Status, IDocument Page)> Html(Api api, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
