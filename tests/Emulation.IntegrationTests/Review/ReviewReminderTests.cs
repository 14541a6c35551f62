using System.Net;
using System.Text.Json;
using Emulation.Review.Reminders;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Review;

/// <summary>The review reminder job run on chosen days (a fixed clock): self-assessment due soon, then overdue, each in
/// stored for the unit's officers once however often the job runs (the officer of another unit sees none in the inbox);
/// a submitted self-assessment is not reminded.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewReminderTests(AppFixture app)
{
    Task RunAt(DateOnly day) => app.RunReviewReminders(day);

    static async Task<List<JsonElement>> Inbox(Api api, Guid round) =>
        (await api.Get("/api/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Where(n => n.GetProperty("id").GetString()!.StartsWith("danh-gia:") && n.GetProperty("id").GetString()!.Contains(round.ToString("N"))).ToList();

    /// <summary>The round's notices addressed to the officers of <paramref name="unit"/>, as stored. The inbox shows a
    /// person's latest 200 notices, and these carry the fixed clock's days before today, so on the demo officer, who
    /// collects every other test's notices of today, they can fall below that line.</summary>
    async Task<List<ReviewNotice>> ToOfficers(Guid unit, Guid round)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var key = round.ToString("N");
        return (await session.Query<ReviewNotice>().Where(n => n.UnitId == unit && n.Role == "officer").ToListAsync())
            .Where(n => n.Id.Contains(key)).ToList();
    }

    [Fact]
    public async Task The_unit_is_reminded_once_before_its_self_assessment_is_due_and_once_when_overdue_and_not_after_submitting()
    {
        var (round, _, models) = await app.DraftRound(2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        using var officer = await app.As("canbo.phuong1");
        var ward = await officer.UnitId("CM-P1");
        var due = ReviewScenarios.SelfAssessmentDue;
        await RunAt(due.AddDays(-9));
        Assert.Empty(await ToOfficers(ward, round));
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);

        await RunAt(due.AddDays(-9));
        Assert.Empty(await ToOfficers(ward, round));
        await RunAt(due.AddDays(-5));
        await RunAt(due.AddDays(-4));
        var soon = await ToOfficers(ward, round);
        Assert.Equal(2, soon.Count);
        Assert.All(soon, n => Assert.Contains("Sắp đến hạn tự đánh giá", n.Title));
        Assert.All(soon, n => Assert.Contains($"{due:dd/MM/yyyy} (còn 5 ngày)", n.Body));
        using var other = await app.As("canbo.khanhhoi");
        Assert.Empty(await Inbox(other, round));

        var scores = Emulation.Review.Rubrics.RubricPresets.Provincial.Select(c => new { code = c.Code, score = "1", justification = "Có" }).ToArray();
        (await officer.Post($"/api/review/rounds/{round}/self-assessments/{models[0]}/submit", new { scores, version = 0 })).Expect(HttpStatusCode.OK);
        await RunAt(due.AddDays(1));
        await RunAt(due.AddDays(2));
        var overdue = (await ToOfficers(ward, round)).Where(n => n.Id.Contains("qua-han")).ToList();
        var single = Assert.Single(overdue);
        Assert.Contains(models[1].ToString("N"), single.Id);
        Assert.Equal($"/danh-gia/{round}/tu-danh-gia/{models[1]}", single.Href);
    }
}
