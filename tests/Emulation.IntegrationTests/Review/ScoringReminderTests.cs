using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Review;

/// <summary>The review reminder job run on chosen days around a round's scoring deadline: each reviewer's own
/// daily digest, then the secretary, then the board's head, each stored once however often the job runs and when two
/// runs race.</summary>
[Collection(AppCollection.Name)]
public sealed class ScoringReminderTests(AppFixture app)
{
    Task RunAt(DateOnly day) => app.RunReviewReminders(day);

    static async Task<List<JsonElement>> Inbox(Api api, string kind, Guid subject) =>
        (await api.Get("/api/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Where(n => n.GetProperty("id").GetString() is { } id && id.StartsWith($"danh-gia:{kind}:") && id.Contains(subject.ToString("N"))).ToList();

    [Fact]
    public async Task Reviewers_get_their_own_digest_then_the_secretary_and_then_the_boards_head_are_told_of_missing_scores_once_under_a_race()
    {
        var r = await app.RoundInScoring(models: 2, reviewers: 2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Assign(r.Round, r.Models, [.. r.Reviewers.Select(x => x.Id)])).Expect(HttpStatusCode.OK);
        using var first = await app.As(r.Reviewers[0].UserName, ScoringScenarios.Password);
        using var second = await app.As(r.Reviewers[1].UserName, ScoringScenarios.Password);
        (await first.Score(r.Round, r.Models[0], r.Share(0.8m), submit: true)).Expect(HttpStatusCode.OK);
        var due = ReviewScenarios.ScoringDue;
        var head = await NewHead();
        using var chair = await app.As(head.UserName, ScoringScenarios.Password);

        await RunAt(due.AddDays(-8));
        Assert.Empty(await Inbox(first, "cham-diem", r.Reviewers[0].Id));

        await app.RaceReviewReminders(due.AddDays(-5));
        await RunAt(due.AddDays(-5));
        var mine = Assert.Single(await Inbox(first, "cham-diem", r.Reviewers[0].Id));
        Assert.Equal("Còn 1 mô hình chưa chấm điểm", mine.GetProperty("title").GetString());
        Assert.Contains($"hạn {due:dd/MM/yyyy} (còn 5 ngày)", mine.GetProperty("body").GetString());
        Assert.Equal("Còn 2 mô hình chưa chấm điểm", Assert.Single(await Inbox(second, "cham-diem", r.Reviewers[1].Id)).GetProperty("title").GetString());
        Assert.Empty(await Inbox(second, "cham-diem", r.Reviewers[0].Id));
        Assert.Empty(await Inbox(secretary, "cham-diem", r.Reviewers[0].Id));
        Assert.Empty(await Inbox(secretary, "thieu-diem", r.Round));

        await app.RaceReviewReminders(due.AddDays(1));
        await RunAt(due.AddDays(1));
        var missing = Assert.Single(await Inbox(secretary, "thieu-diem", r.Round));
        Assert.Contains("còn 3 phiếu chấm chưa nộp", missing.GetProperty("body").GetString());
        Assert.Equal($"/tham-dinh/{r.Round}/tien-do", missing.GetProperty("href").GetString());
        Assert.Empty(await Inbox(chair, "thieu-diem-bao-lanh-dao", r.Round));

        await app.RaceReviewReminders(due.AddDays(3));
        await RunAt(due.AddDays(4));
        var escalated = Assert.Single(await Inbox(chair, "thieu-diem-bao-lanh-dao", r.Round));
        // The head follows the notice to the round's progress: a reader of the board's rounds, not a 404 (ADR 0069).
        using (var page = new HttpRequestMessage(HttpMethod.Get, escalated.GetProperty("href").GetString()))
        {
            page.Headers.Accept.ParseAdd("text/html");
            using var opened = await chair.Client.SendAsync(page);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains("Tiến độ chấm điểm", await opened.Content.ReadAsStringAsync());
        }
        (await chair.Get($"/api/review/rounds/{r.Round}/progress")).Expect(HttpStatusCode.OK);
        Assert.Empty(await Inbox(second, "thieu-diem-bao-lanh-dao", r.Round));
        Assert.Single(await Inbox(secretary, "thieu-diem", r.Round));
        using var elsewhere = await app.As("thuky.bdvtinh");
        Assert.Empty(await Inbox(elsewhere, "thieu-diem", r.Round));
        Assert.Empty(await Inbox(elsewhere, "thieu-diem-bao-lanh-dao", r.Round));
    }

    /// <summary>The board's head: an approver at the round's board (as the Trưởng Ban of the provincial board in the
    /// demo), once Review's copy of people holds the role.</summary>
    async Task<ScoringScenarios.Reviewer> NewHead()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("truongban");
        var id = await admin.CreatePerson(userName, "Trưởng Ban " + userName[^4..], ScoringScenarios.Password, ("approver", await admin.UnitId(ScoringScenarios.Board)));
        var store = app.Services.GetRequiredService<IDocumentStore>();
        for (var i = 0; i < 200; i++)
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<Emulation.Review.Units.ReviewPerson>(id) is { } p && p.Roles.Any(r => r.StartsWith("approver@"))) break;
            await Task.Delay(50);
        }
        return new ScoringScenarios.Reviewer(id, userName);
    }
}
