using System.Net;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class ScoringTests(AppFixture app)
{
    static async Task<(ScoringScenarios.ScoringRound, Api[])> Assigned(AppFixture app, int reviewers, int models = 1)
    {
        var r = await app.RoundInScoring(models: models, reviewers: reviewers);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Assign(r.Round, r.Models, [.. r.Reviewers.Select(x => x.Id)])).Expect(HttpStatusCode.OK);
        var apis = new List<Api>();
        foreach (var x in r.Reviewers) apis.Add(await app.As(x.UserName, ScoringScenarios.Password));
        return (r, [.. apis]);
    }

    [Fact]
    public async Task A_reviewer_drafts_then_submits_with_Vietnamese_decimals_and_the_total_is_weighted_out_of_100()
    {
        var (r, reviewers) = await Assigned(app, 1);
        var scores = r.Share(0.5m);
        var first = r.Criteria.EnumerateArray().First();
        scores[first.GetProperty("code").GetString()!] = "7,5";
        var draft = (await reviewers[0].Score(r.Round, r.Models[0], scores, submit: false, toUnit: "Cần nhân rộng", toBoard: "Đề nghị xem lại số liệu"))
            .Expect(HttpStatusCode.OK).Body;
        Assert.False(draft.GetProperty("submitted").GetBoolean());
        var submitted = (await reviewers[0].Score(r.Round, r.Models[0], scores, submit: true, version: 1)).Expect(HttpStatusCode.OK).Body;
        Assert.True(submitted.GetProperty("submitted").GetBoolean());
        Assert.Equal(2, submitted.GetProperty("version").GetInt64());

        var view = (await reviewers[0].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        var mine = view.GetProperty("mine");
        Assert.Equal(7.5m, mine.GetProperty("scores").GetProperty(first.GetProperty("code").GetString()!).GetDecimal());
        Assert.True(mine.GetProperty("total").GetDecimal() > 50m);
        Assert.False(view.GetProperty("othersHidden").GetBoolean());
        // Revised before the deadline: the stale version is refused, the current one accepted.
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(1m), submit: true, version: 1)).Expect(HttpStatusCode.Conflict);
        var revised = (await reviewers[0].Score(r.Round, r.Models[0], r.Share(1m), submit: true, version: 2)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(100m, revised.GetProperty("total").GetDecimal());
        // Once submitted, a draft would hide a submitted score from the board: refused.
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(1m), submit: false, version: 3)).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_the_scoring_deadline_a_submitted_score_can_no_longer_be_revised_and_stays_as_it_was()
    {
        var (r, reviewers) = await Assigned(app, 1);
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.5m), submit: true)).Expect(HttpStatusCode.OK);
        var days = ReviewScenarios.ScoringDue.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).DayNumber;
        // A token signed before the clock moved has expired by then: the reviewer signs in again, as on that day.
        Task<Api> SignedIn() => app.Fresh(r.Reviewers[0].UserName, ScoringScenarios.Password);
        try
        {
            // The last day of scoring still takes a revision; the day after does not.
            app.Clock.MoveTo(TimeSpan.FromDays(days));
            using (var onTheDay = await SignedIn())
                (await onTheDay.Score(r.Round, r.Models[0], r.Share(0.6m), submit: true, version: 1)).Expect(HttpStatusCode.OK);
            app.Clock.MoveTo(TimeSpan.FromDays(days + 1));
            using var after = await SignedIn();
            var late = (await after.Score(r.Round, r.Models[0], r.Share(1m), submit: true, version: 2)).Expect(HttpStatusCode.Conflict);
            Assert.Contains($"Đã quá hạn chấm điểm ({ReviewScenarios.ScoringDue:dd/MM/yyyy})", late.Detail);
            var mine = (await after.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body.GetProperty("mine");
            Assert.Equal(2, mine.GetProperty("version").GetInt64());
            Assert.True(mine.GetProperty("total").GetDecimal() < 100m);
        }
        finally
        {
            app.Clock.MoveTo(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_score_above_the_maximum_or_an_incomplete_submission_is_refused_and_nothing_is_stored()
    {
        var (r, reviewers) = await Assigned(app, 1);
        var scores = r.Share(0.5m);
        var first = r.Criteria.EnumerateArray().First();
        var code = first.GetProperty("code").GetString()!;
        scores[code] = first.GetProperty("maxPoints").GetDecimal() + 1;
        var refused = (await reviewers[0].Score(r.Round, r.Models[0], scores, submit: false)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("phải từ 0 đến", refused.Errors($"scores.{code}").Single());
        scores[code] = "bảy";
        (await reviewers[0].Score(r.Round, r.Models[0], scores, submit: false)).Expect(HttpStatusCode.BadRequest);
        scores[code] = null;
        var incomplete = (await reviewers[0].Score(r.Round, r.Models[0], scores, submit: true)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("trước khi gửi", incomplete.Errors($"scores.{code}").Single());
        var view = (await reviewers[0].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("mine").ValueKind);
    }

    [Fact]
    public async Task A_reviewer_sees_the_others_scores_only_after_submitting_their_own()
    {
        var (r, reviewers) = await Assigned(app, 2);
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.9m), submit: true, toBoard: "Rất tốt")).Expect(HttpStatusCode.OK);

        var before = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK);
        Assert.True(before.Body.GetProperty("othersHidden").GetBoolean());
        Assert.Equal(0, before.Body.GetProperty("others").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.Body.GetProperty("aggregate").ValueKind);
        Assert.DoesNotContain("Rất tốt", before.Raw);
        // A draft of one's own does not open them either.
        (await reviewers[1].Score(r.Round, r.Models[0], r.Share(0.7m), submit: false)).Expect(HttpStatusCode.OK);
        Assert.True((await reviewers[1].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Body.GetProperty("othersHidden").GetBoolean());

        (await reviewers[1].Score(r.Round, r.Models[0], r.Share(0.7m), submit: true, version: 1)).Expect(HttpStatusCode.OK);
        var after = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Rất tốt", after.GetProperty("others")[0].GetProperty("toBoard").GetString());
        Assert.Equal(2, after.GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Equal(20m, after.GetProperty("aggregate").GetProperty("spread").GetDecimal());
    }

    [Fact]
    public async Task Scores_are_refused_once_the_round_leaves_scoring()
    {
        var (r, reviewers) = await Assigned(app, 1);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Move(r.Round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        var refused = (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.5m), submit: true)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("chỉ chấm hoặc sửa điểm trong bước chấm điểm", refused.Detail);
        (await secretary.Move(r.Round, "closed", 4)).Expect(HttpStatusCode.OK);
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.5m), submit: false)).Expect(HttpStatusCode.Conflict);
        var view = (await reviewers[0].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("mine").ValueKind);
    }

    [Fact]
    public async Task A_reviewer_not_assigned_cannot_score()
    {
        var (r, _) = await Assigned(app, 1);
        var other = await app.NewReviewer();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, other);
        using var api = await app.As(other.UserName, ScoringScenarios.Password);
        (await api.Score(r.Round, r.Models[0], r.Share(0.5m), submit: true)).Expect(HttpStatusCode.Forbidden);
        (await api.Score(r.Round, Guid.NewGuid(), r.Share(0.5m), submit: true)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Three_reviewers_submitting_on_one_model_at_the_same_moment_all_succeed()
    {
        var (r, reviewers) = await Assigned(app, 3);
        // Drafts first, so every request below takes the same code path at the same time.
        foreach (var api in reviewers) (await api.Score(r.Round, r.Models[0], r.Share(0.5m), submit: false)).Expect(HttpStatusCode.OK);
        using var start = new SemaphoreSlim(0);
        var shares = new[] { 0.6m, 0.7m, 0.8m };
        var racing = reviewers.Select((api, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await api.Score(r.Round, r.Models[0], r.Share(shares[i]), submit: true, version: 1);
        })).ToList();
        start.Release(3);
        foreach (var reply in await Task.WhenAll(racing)) reply.Expect(HttpStatusCode.OK);

        using var secretary = await app.As(ReviewScenarios.Secretary);
        var view = (await secretary.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        var aggregate = view.GetProperty("aggregate");
        Assert.Equal(3, aggregate.GetProperty("count").GetInt32());
        Assert.Equal(70m, aggregate.GetProperty("median").GetDecimal());
        Assert.Equal((60m, 80m), (aggregate.GetProperty("min").GetDecimal(), aggregate.GetProperty("max").GetDecimal()));
        // The ranking's row for the model took all three racing totals, none lost to another's write.
        var ranked = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")[0].GetProperty("scores");
        Assert.Equal((3, 70m, 60m, 80m), (ranked.GetProperty("count").GetInt32(), ranked.GetProperty("median").GetDecimal(),
            ranked.GetProperty("min").GetDecimal(), ranked.GetProperty("max").GetDecimal()));
        foreach (var api in reviewers) api.Dispose();
    }

    [Fact]
    public async Task Disagreement_opens_a_discussion_that_a_conflicted_board_member_never_sees()
    {
        var (r, reviewers) = await Assigned(app, 2);
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.9m), submit: true)).Expect(HttpStatusCode.OK);
        var early = (await reviewers[0].Post($"/api/review/rounds/{r.Round}/models/{r.Models[0]}/discussion", new { text = "Sao lại thấp thế?" }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Contains("chênh lệch", early.Detail);
        (await reviewers[1].Score(r.Round, r.Models[0], r.Share(0.4m), submit: true)).Expect(HttpStatusCode.OK);

        var view = (await reviewers[0].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        Assert.True(view.GetProperty("aggregate").GetProperty("disagreement").GetBoolean());
        Assert.True(view.GetProperty("discussionOpen").GetBoolean());
        (await reviewers[0].Post($"/api/review/rounds/{r.Round}/models/{r.Models[0]}/discussion", new { text = "Số liệu năm 2025 đã kiểm chứng." }))
            .Expect(HttpStatusCode.OK);
        var seen = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Số liệu năm 2025 đã kiểm chứng.", seen.GetProperty("discussion")[0].GetProperty("text").GetString());

        var conflicted = await app.NewReviewer(alsoOfficerAt: "CM-P1");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, conflicted);
        using var api = await app.As(conflicted.UserName, ScoringScenarios.Password);
        var hidden = (await api.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("kiểm chứng", hidden.Raw);
        var ranking = (await api.Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK);
        Assert.True(ranking.Body.GetProperty("rows")[0].GetProperty("hidden").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ranking.Body.GetProperty("rows")[0].GetProperty("scores").ValueKind);
    }

    [Fact]
    public async Task The_ranking_shows_a_reviewer_the_others_scores_only_after_submitting_their_own_and_stays_current_with_each_answer()
    {
        var (r, reviewers) = await Assigned(app, 2);
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.9m), submit: true)).Expect(HttpStatusCode.OK);
        (await reviewers[1].Score(r.Round, r.Models[0], r.Share(0.7m), submit: false)).Expect(HttpStatusCode.OK);

        var before = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK);
        var row = before.Body.GetProperty("rows")[0];
        Assert.True(row.GetProperty("pending").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("scores").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("rank").ValueKind);
        Assert.DoesNotContain("\"mean\"", before.Raw);
        // The one who submitted sees the aggregate of what was submitted, the secretary too.
        var first = (await reviewers[0].Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")[0];
        Assert.Equal((1, 90m), (first.GetProperty("scores").GetProperty("count").GetInt32(), first.GetProperty("scores").GetProperty("mean").GetDecimal()));

        // The ranking is read right after each answer: the submission is counted in the transaction that stored it.
        (await reviewers[1].Score(r.Round, r.Models[0], r.Share(0.7m), submit: true, version: 1)).Expect(HttpStatusCode.OK);
        var after = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")[0];
        Assert.False(after.GetProperty("pending").GetBoolean());
        Assert.Equal((2, 80m, 20m), (after.GetProperty("scores").GetProperty("count").GetInt32(), after.GetProperty("scores").GetProperty("mean").GetDecimal(),
            after.GetProperty("scores").GetProperty("spread").GetDecimal()));
        (await reviewers[0].Score(r.Round, r.Models[0], r.Share(0.5m), submit: true, version: 1)).Expect(HttpStatusCode.OK);
        var revised = (await reviewers[1].Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")[0];
        Assert.Equal((2, 60m), (revised.GetProperty("scores").GetProperty("count").GetInt32(), revised.GetProperty("scores").GetProperty("mean").GetDecimal()));

        // A reviewer taken off the model stops counting; the page asked for beyond the end is refused by name.
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/remove", new { modelId = r.Models[0], reviewerId = r.Reviewers[0].Id })).Expect(HttpStatusCode.OK);
        var left = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.OK).Body.GetProperty("rows")[0];
        Assert.Equal((1, 70m, 1), (left.GetProperty("scores").GetProperty("count").GetInt32(), left.GetProperty("scores").GetProperty("mean").GetDecimal(),
            left.GetProperty("assigned").GetInt32()));
        var refused = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking?page=0&size=20000")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("từ 1", refused.Errors("page").Single());
        Assert.Contains("10.000", refused.Errors("size").Single());
    }

    [Fact]
    public async Task The_ranking_pages_its_rows_and_ranks_over_the_whole_level_and_field()
    {
        var (r, reviewers) = await Assigned(app, 1, models: 3);
        using var reviewer = reviewers[0];
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var shares = new[] { 0.5m, 0.9m, 0.7m };
        for (var i = 0; i < 3; i++) (await reviewer.Score(r.Round, r.Models[i], r.Share(shares[i]), submit: true)).Expect(HttpStatusCode.OK);

        var second = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking?level=co-so&field=kinh-te&page=2&size=1")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((3, 2, 1), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("size").GetInt32()));
        var row = second.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal((r.Models[2], 2), (row.GetProperty("modelId").GetGuid(), row.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task The_secretary_sees_who_has_scored_what_and_the_ranking_shows_ties_as_ties()
    {
        var (r, reviewers) = await Assigned(app, 1, models: 3);
        using var reviewer = reviewers[0];
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await reviewer.Score(r.Round, r.Models[0], r.Share(0.8m), submit: true)).Expect(HttpStatusCode.OK);
        (await reviewer.Score(r.Round, r.Models[1], r.Share(0.8m), submit: true)).Expect(HttpStatusCode.OK);
        (await reviewer.Score(r.Round, r.Models[2], r.Share(0.5m), submit: false)).Expect(HttpStatusCode.OK);

        var progress = (await secretary.Get($"/api/review/rounds/{r.Round}/progress")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((3, 2), (progress.GetProperty("assigned").GetInt32(), progress.GetProperty("submitted").GetInt32()));
        var states = progress.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("modelId").GetGuid(), m => m.GetProperty("cells")[0].GetProperty("state").GetString());
        Assert.Equal(("Submitted", "Draft"), (states[r.Models[0]], states[r.Models[2]]));
        Assert.DoesNotContain("total", progress.GetRawText());

        var rows = (await secretary.Get($"/api/review/rounds/{r.Round}/ranking?level=co-so&field=kinh-te")).Expect(HttpStatusCode.OK).Body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([1, 1, null], rows.Select(x => x.GetProperty("rank").ValueKind == System.Text.Json.JsonValueKind.Null ? (int?)null : x.GetProperty("rank").GetInt32()));
        Assert.True(rows[0].GetProperty("tied").GetBoolean());
        Assert.Equal(r.Models[2], rows[2].GetProperty("modelId").GetGuid());

        var mine = (await reviewer.Get("/api/review/assignments/mine")).Expect(HttpStatusCode.OK).Body.EnumerateArray().Where(a => a.GetProperty("roundId").GetGuid() == r.Round).ToList();
        Assert.Equal(3, mine.Count);
        using var officer = await app.As("canbo.phuong1");
        (await officer.Get($"/api/review/rounds/{r.Round}/progress")).Expect(HttpStatusCode.NotFound);
        (await officer.Get($"/api/review/rounds/{r.Round}/ranking")).Expect(HttpStatusCode.NotFound);
    }
}
