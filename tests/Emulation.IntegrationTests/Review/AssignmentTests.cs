using System.Net;
using Emulation.Review.Assignment;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class AssignmentTests(AppFixture app)
{
    static Guid[] ReviewersOf(Reply assignments, Guid model) => assignments.Body.GetProperty("models").EnumerateArray()
        .Single(m => m.GetProperty("modelId").GetGuid() == model).GetProperty("reviewers").EnumerateArray().Select(r => r.GetGuid()).ToArray();

    [Fact]
    public async Task The_secretary_assigns_by_hand_and_a_conflicted_reviewer_is_refused_with_nothing_stored()
    {
        var r = await app.RoundInScoring(models: 2, reviewers: 1);
        var conflicted = await app.NewReviewer(alsoOfficerAt: "CM-P1");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, conflicted);

        var saved = (await secretary.Assign(r.Round, [r.Models[0]], r.Reviewers[0].Id)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, saved.GetProperty("assigned").GetInt32());
        var refused = (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, conflicted.Id)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("xung đột lợi ích", refused.Detail);
        Assert.Contains("Người Thẩm Định", refused.Detail);

        var after = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK);
        Assert.Equal([r.Reviewers[0].Id], ReviewersOf(after, r.Models[0]));
        Assert.Empty(ReviewersOf(after, r.Models[1]));
        var automatic = after.Body.GetProperty("models").EnumerateArray().First().GetProperty("automaticConflicts").EnumerateArray().Select(x => x.GetGuid());
        Assert.Contains(conflicted.Id, automatic);
    }

    [Fact]
    public async Task Bulk_assignment_puts_every_selected_reviewer_on_every_selected_model_once()
    {
        var r = await app.RoundInScoring(models: 3, reviewers: 2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var first = (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, r.Reviewers[1].Id)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(6, first.GetProperty("assigned").GetInt32());
        var again = (await secretary.Assign(r.Round, r.Models[..1], r.Reviewers[0].Id)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((0, 1), (again.GetProperty("assigned").GetInt32(), again.GetProperty("alreadyThere").GetInt32()));
        var after = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK);
        foreach (var m in r.Models) Assert.Equal(new[] { r.Reviewers[0].Id, r.Reviewers[1].Id }.Order(), ReviewersOf(after, m).Order());
    }

    [Fact]
    public async Task Automatic_assignment_gives_k_per_model_keeps_loads_within_one_and_never_a_conflicted_reviewer()
    {
        var r = await app.RoundInScoring(models: 5, reviewers: 3);
        var conflicted = await app.NewReviewer(alsoOfficerAt: "CM-P1");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, conflicted);

        (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/auto", new { perModel = 0 })).Expect(HttpStatusCode.BadRequest);
        var done = (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/auto", new { perModel = 2 })).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(10, done.GetProperty("assigned").GetInt32());
        Assert.True(done.GetProperty("maxLoad").GetInt32() - done.GetProperty("minLoad").GetInt32() <= 1);

        var after = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK);
        foreach (var m in r.Models)
        {
            var on = ReviewersOf(after, m);
            Assert.Equal(2, on.Distinct().Count());
            Assert.DoesNotContain(conflicted.Id, on);
        }
        var loads = after.Body.GetProperty("reviewers").EnumerateArray().Where(x => x.GetProperty("id").GetGuid() != conflicted.Id)
            .Select(x => x.GetProperty("load").GetInt32()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public async Task Automatic_assignment_is_refused_with_the_reason_when_too_few_reviewers_are_free_of_conflict()
    {
        var r = await app.RoundInScoring(models: 2, reviewers: 1);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        // Everyone on the board but one declares a conflict with the first model: it cannot get two reviewers.
        var board = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK).Body.GetProperty("reviewers")
            .EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).Where(x => x != r.Reviewers[0].Id).ToList();
        foreach (var reviewer in board)
            (await secretary.Post($"/api/review/rounds/{r.Round}/conflicts", new { modelId = r.Models[0], reviewerId = reviewer, reason = "Cùng cơ quan" }))
                .Expect(HttpStatusCode.OK);
        var refused = (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/auto", new { perModel = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("không xung đột lợi ích", refused.Detail);
        Assert.Contains("Mô hình xét 0", refused.Detail);
        var after = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK);
        Assert.Empty(ReviewersOf(after, r.Models[0]));
        Assert.Empty(ReviewersOf(after, r.Models[1]));
    }

    [Fact]
    public async Task The_secretarys_form_with_no_reviewer_chosen_is_refused_and_declares_no_conflict_for_the_secretary()
    {
        var round = await app.InScoring();
        using var secretary = await app.As(DemoRounds.Secretary);
        var model = (await secretary.Get($"/api/review/rounds/{round}/assignments")).Expect(HttpStatusCode.OK).Body
            .GetProperty("models").EnumerateArray().First().GetProperty("modelId").GetGuid();
        var refused = (await secretary.Post($"/api/review/rounds/{round}/conflicts",
            new { modelId = (Guid?)null, reviewerId = (Guid?)null, reason = "Cùng cơ quan", forSomeoneElse = true })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Vui lòng chọn mô hình."], refused.Errors("modelId"));
        Assert.Equal(["Vui lòng chọn người thẩm định."], refused.Errors("reviewerId"));
        (await secretary.Post($"/api/review/rounds/{round}/conflicts", new { modelId = model, reason = "Cùng cơ quan", forSomeoneElse = true }))
            .Expect(HttpStatusCode.BadRequest);
        var board = (await secretary.Get($"/api/review/rounds/{round}/assignments")).Expect(HttpStatusCode.OK).Body;
        Assert.DoesNotContain("Cùng cơ quan", board.GetRawText());
        var unassign = (await secretary.Post($"/api/review/rounds/{round}/assignments/remove", new { modelId = (Guid?)null, reviewerId = (Guid?)null }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Vui lòng chọn mô hình."], unassign.Errors("modelId"));
    }

    [Fact]
    public async Task A_reviewer_declares_a_conflict_is_taken_off_cannot_see_the_model_and_cannot_be_assigned_again()
    {
        var r = await app.RoundInScoring(models: 1, reviewers: 2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id, r.Reviewers[1].Id)).Expect(HttpStatusCode.OK);
        using var reviewer = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        (await reviewer.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.OK);

        (await reviewer.Post($"/api/review/rounds/{r.Round}/conflicts", new { modelId = r.Models[0], reason = "" })).Expect(HttpStatusCode.BadRequest);
        (await reviewer.Post($"/api/review/rounds/{r.Round}/conflicts", new { modelId = r.Models[0], reviewerId = r.Reviewers[1].Id, reason = "Người nhà" }))
            .Expect(HttpStatusCode.Forbidden);
        (await reviewer.Post($"/api/review/rounds/{r.Round}/conflicts", new { modelId = r.Models[0], reason = "Vợ tôi là tổ trưởng mô hình" })).Expect(HttpStatusCode.OK);

        var seen = (await reviewer.Get($"/api/review/rounds/{r.Round}/models/{r.Models[0]}")).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("xung đột lợi ích", seen.Detail);
        (await reviewer.Score(r.Round, r.Models[0], r.Share(0.5m), submit: false)).Expect(HttpStatusCode.Forbidden);
        var again = (await secretary.Assign(r.Round, r.Models, r.Reviewers[0].Id)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("Vợ tôi là tổ trưởng mô hình", again.Detail);
    }

    [Fact]
    public async Task Only_the_secretary_assigns_and_only_the_boards_people_can_be_assigned()
    {
        var r = await app.RoundInScoring(models: 1, reviewers: 1);
        using var member = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        (await member.Assign(r.Round, r.Models, r.Reviewers[0].Id)).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("canbo.phuong1");
        (await officer.Assign(r.Round, r.Models, r.Reviewers[0].Id)).Expect(HttpStatusCode.NotFound);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var stranger = (await secretary.Assign(r.Round, r.Models, Guid.NewGuid())).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không phải thành viên", stranger.Errors("reviewerIds").Single());
        (await secretary.Assign(r.Round, [Guid.NewGuid()], r.Reviewers[0].Id)).Expect(HttpStatusCode.BadRequest);
        (await secretary.PostRaw($"/api/review/rounds/{r.Round}/assignments", "{\"modelIds\": 5}")).Expect(HttpStatusCode.BadRequest);
        // Found by tests/stranger/api.py: the limit read "10,000" (ten, to a Vietnamese reader).
        var tooMany = (await secretary.Assign(r.Round, [.. Enumerable.Range(0, 10_001).Select(_ => Guid.NewGuid())], r.Reviewers[0].Id))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains(tooMany.Errors("modelIds"), e => e.Contains("tối đa 10.000 cặp"));
    }

    [Fact]
    public async Task An_expert_is_granted_at_a_board_keeps_their_fields_and_is_auto_assigned_by_field()
    {
        using var admin = await app.As("quantri");
        var person = await admin.CreatePerson(DirectoryScenarios.Unique("chuyengia"), "Chuyên Gia Kinh Tế", ScoringScenarios.Password);
        var wrong = (await admin.Post($"/api/directory/people/{person}/roles", new { role = "expert", unitId = await admin.UnitId("CM-P1"), version = 2 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Ban", wrong.Errors("role").Single());
        (await admin.Post($"/api/directory/people/{person}/roles", new { role = "expert", unitId = await admin.UnitId(ScoringScenarios.Board), version = 2 }))
            .Expect(HttpStatusCode.OK);
        var page = await admin.Client.GetStringAsync($"/quan-tri/nguoi-dung/{person}");
        Assert.Contains("Chuyên gia thẩm định", page);

        var r = await app.RoundInScoring(models: 1, reviewers: 0);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(r.Round, new ScoringScenarios.Reviewer(person, ""));
        (await secretary.Put($"/api/review/reviewers/{person}/fields", new { fields = new[] { "kinh-te" } })).Expect(HttpStatusCode.OK);
        using var officer = await app.As("canbo.phuong1");
        (await officer.Put($"/api/review/reviewers/{person}/fields", new { fields = new[] { "van-hoa" } })).Expect(HttpStatusCode.Forbidden);

        var listed = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK).Body.GetProperty("reviewers")
            .EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == person);
        Assert.True(listed.GetProperty("expert").GetBoolean());
        Assert.Equal(["kinh-te"], listed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        // The model's field is kinh-te and only this reviewer knows it: one reviewer per model goes to the expert.
        (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/auto", new { perModel = 1 })).Expect(HttpStatusCode.OK);
        var after = (await secretary.Get($"/api/review/rounds/{r.Round}/assignments")).Expect(HttpStatusCode.OK);
        Assert.Equal([person], ReviewersOf(after, r.Models[0]));
    }

    /// <summary>The ranking's rows (ADR 0045) take a run of assignments in one statement (ADR 0071): after assignments that
    /// overlap, a removal between them and several models in one commit, each row names the reviewers its model's review
    /// names, in the same order.</summary>
    [Fact]
    public async Task The_rankings_rows_name_each_models_reviewers_as_its_review_does_after_runs_of_assignments_in_one_commit()
    {
        var r = await app.RoundInScoring(models: 3, reviewers: 3);
        var (a, b, c) = (r.Reviewers[0].Id, r.Reviewers[1].Id, r.Reviewers[2].Id);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Post($"/api/review/rounds/{r.Round}/assignments/auto", new { perModel = 1 })).Expect(HttpStatusCode.OK);

        var store = app.Services.GetRequiredService<IDocumentStore>();
        var by = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await using (var session = store.LightweightSession())
        {
            var reviews = await session.Query<ModelReview>().Where(x => x.RoundId == r.Round).ToListAsync();
            Assert.Equal(r.Models.Order(), reviews.Select(x => x.ModelId).Intersect(r.Models).Order());
            AssignmentRules.Append(session, [
                (r.Models[0], new ReviewersAssigned(r.Round, r.Models[0], [a, b], AssignedHow.Bulk, by, at)),
                (r.Models[1], new ReviewersAssigned(r.Round, r.Models[1], [c], AssignedHow.Bulk, by, at)),
                (r.Models[0], new ReviewersAssigned(r.Round, r.Models[0], [b, c], AssignedHow.Bulk, by, at)),
                (r.Models[1], new ReviewerUnassigned(r.Round, r.Models[1], c, by, at)),
                (r.Models[1], new ReviewersAssigned(r.Round, r.Models[1], [b, a], AssignedHow.Bulk, by, at)),
                (r.Models[2], new ReviewersAssigned(r.Round, r.Models[2], [a, b, c], AssignedHow.Manual, by, at)),
            ], r.Round, [.. reviews]);
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var stored = (await query.Query<ModelReview>().Where(x => x.RoundId == r.Round).ToListAsync()).ToDictionary(x => x.ModelId, x => x.Reviewers);
        Assert.All(stored.Values, v => Assert.Equal(v.Distinct(), v));
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select model_id, reviewers from {Emulation.Review.Ranking.RankingEntryProjection.Table} where round_id = @round", connection);
        command.Parameters.AddWithValue("round", r.Round);
        var rows = new Dictionary<Guid, Guid[]>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows[reader.GetGuid(0)] = reader.GetFieldValue<Guid[]>(1);
        Assert.Equal(stored.Count, rows.Count);
        foreach (var m in r.Models) Assert.Equal(stored[m], rows[m]);
        Assert.All(new[] { a, b, c }, x => Assert.Contains(x, rows[r.Models[2]]));
        Assert.DoesNotContain(c, rows[r.Models[1]]);
    }
}
