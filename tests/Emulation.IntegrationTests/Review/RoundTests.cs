using System.Net;
using Emulation.Review.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Marten;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class RoundTests(AppFixture app)
{
    [Fact]
    public async Task Review_keeps_its_own_copy_of_an_accepted_model_from_the_registry_feed()
    {
        var id = await app.AcceptedModel("Mô hình được sao chép");
        var copy = await app.ReviewCopy(id);
        Assert.NotNull(copy);
        Assert.Equal("accepted", copy.Status);
        Assert.Matches(@"^CM-2026-\d{4}$", copy.Code);
        Assert.Equal("co-so", copy.LevelCode);
        Assert.Equal("kinh-te", copy.FieldCode);
        Assert.NotNull(copy.CampaignId);
        Assert.NotNull(copy.ProvinceId);
    }

    [Fact]
    public async Task A_round_moves_step_by_step_and_opening_freezes_the_rubric_version_and_the_covered_models()
    {
        var (round, rubric, models) = await app.DraftRound(2);
        using var secretary = await app.As(ReviewScenarios.Secretary);

        var draft = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal(0, draft.GetProperty("models").GetArrayLength());

        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        var opened = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("SelfAssessment", opened.GetProperty("state").GetString());
        Assert.Equal(1, opened.GetProperty("rubricVersion").GetInt32());
        Assert.Equal(7, opened.GetProperty("criteria").GetArrayLength());
        Assert.Equal(models.Order(), opened.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("modelId").GetGuid()).Order());

        // A model accepted in the same period after opening is not added: the list was frozen.
        await app.AcceptedModel("Mô hình công nhận sau", new() { ["periodId"] = (await app.ReviewCopy(models[0]))!.PeriodId });
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var sheet = await RoundSheets.LoadAsync(session, round);
            Assert.Equal(2, sheet!.Models.Count);
            Assert.Equal(RoundState.SelfAssessment, sheet.State);
            Assert.Equal(rubric, sheet.RubricId);
        }

        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        var closed = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(5, closed.GetProperty("steps").GetArrayLength());
        var refused = (await secretary.Move(round, "closed", 5)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("đã công bố kết quả", refused.Detail);
    }

    [Fact]
    public async Task A_move_that_skips_a_step_goes_back_or_is_stale_is_refused_and_nothing_is_stored()
    {
        var (round, _, _) = await app.DraftRound();
        using var secretary = await app.As(ReviewScenarios.Secretary);

        var skip = (await secretary.Move(round, "scoring", 1)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("Không bỏ qua bước", skip.Detail);
        (await secretary.Move(round, "draft", 1)).Expect(HttpStatusCode.Conflict);
        var unknown = (await secretary.Move(round, "xong", 1)).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.Errors("to"));
        (await secretary.Post($"/api/review/rounds/{round}/move", new { to = "self-assessment" })).Expect(HttpStatusCode.BadRequest);
        var stale = (await secretary.Move(round, "self-assessment", 7)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("đã được người khác thay đổi", stale.Detail);

        var body = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal("Draft", body.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Another_board_does_not_see_the_round_an_administrator_sees_it_but_cannot_move_it_and_an_officer_cannot_create_one()
    {
        var (round, _, _) = await app.DraftRound();
        using var province = await app.As("thuky.bdvtinh");
        (await province.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.NotFound);
        (await province.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await province.Get("/api/review/rounds")).Expect(HttpStatusCode.OK).Body.EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == round);

        using var admin = await app.As("quantri");
        (await admin.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK);
        (await admin.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.Forbidden);

        using var officer = await app.As("canbo.phuong1");
        // In draft the round covers nothing yet: the unit does not see it.
        (await officer.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.NotFound);
        var create = (await officer.Post("/api/review/rounds", new { name = "Không được" })).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("thư ký Ban", create.Detail);
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused_naming_the_field_and_an_extension_is_recorded_with_its_reason()
    {
        var (campaign, period, _) = await app.AcceptedInOnePeriod(1);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var rubric = await secretary.PresetRubric();
        var bad = (await secretary.Post("/api/review/rounds", new
        {
            name = "Đợt sai ngày", kind = "midterm", campaignId = campaign, periodId = period, rubricId = rubric,
            selfAssessmentDue = "20/12/2026", scoringDue = "10/12/2026", meetingOn = "28/12/2026"
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Hạn chấm điểm", bad.Errors("scoringDue").Single());
        var wrongKind = (await secretary.Post("/api/review/rounds", new { name = "Đợt", kind = "weekly", campaignId = campaign, periodId = period, rubricId = rubric,
            selfAssessmentDue = "10/12/2026", scoringDue = "20/12/2026", meetingOn = "28/12/2026" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrongKind.Errors("kind"));

        var round = (await secretary.Post("/api/review/rounds", ReviewScenarios.RoundBody(campaign, period, rubric))).Expect(HttpStatusCode.Created).Id;
        var due = ReviewScenarios.SelfAssessmentDue;
        var earlier = (await secretary.Post($"/api/review/rounds/{round}/dates", new { selfAssessmentDue = $"{due.AddDays(-9):dd/MM/yyyy}", reason = "Sớm hơn", version = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(earlier.Errors("selfAssessmentDue"));
        var later = $"{due.AddDays(5):dd/MM/yyyy}";
        var noReason = (await secretary.Post($"/api/review/rounds/{round}/dates", new { selfAssessmentDue = later, version = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.Errors("reason"));
        var outOfOrder = (await secretary.Post($"/api/review/rounds/{round}/dates", new { selfAssessmentDue = $"{ReviewScenarios.ScoringDue.AddDays(2):dd/MM/yyyy}", reason = "Lùi", version = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(outOfOrder.Errors("scoringDue"));

        (await secretary.Post($"/api/review/rounds/{round}/dates", new { selfAssessmentDue = later, reason = "Mưa bão, các xã xin lùi hạn", version = 1 }))
            .Expect(HttpStatusCode.OK);
        var body = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal($"{due.AddDays(5):yyyy-MM-dd}", body.GetProperty("dates").GetProperty("selfAssessmentDue").GetString());
        var extension = Assert.Single(body.GetProperty("extensions").EnumerateArray());
        Assert.Equal("Mưa bão, các xã xin lùi hạn", extension.GetProperty("reason").GetString());
        Assert.Equal($"{due:yyyy-MM-dd}", extension.GetProperty("from").GetProperty("selfAssessmentDue").GetString());
    }
}
