using System.Net;
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
}
