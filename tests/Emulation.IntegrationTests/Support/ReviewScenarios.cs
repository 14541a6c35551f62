using System.Net;
using Emulation.Review.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds review state through the API: models accepted in one period, a rubric, a round over them.</summary>
public static class ReviewScenarios
{
    public const string Secretary = "thuky.phuong1";

    /// <summary>Accepted models of Phường 1 in one fresh period, copied into Review.</summary>
    public static async Task<(Guid CampaignId, Guid PeriodId, Guid[] Models)> AcceptedInOnePeriod(this AppFixture app, int count, string name = "Mô hình xét ")
    {
        using var admin = await app.As("quantri");
        var period = await admin.OpenPeriod();
        var models = new List<Guid>();
        for (var i = 0; i < count; i++)
            models.Add(await app.AcceptedModel(name + i, new() { ["periodId"] = period }));
        var copy = await app.ReviewCopy(models[0]);
        return (copy!.CampaignId!.Value, period, models.ToArray());
    }

    public static async Task<ReviewedModel?> ReviewCopy(this AppFixture app, Guid modelId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<ReviewedModel>(modelId);
    }

    public static async Task<Guid> PresetRubric(this Api secretary, string? name = null) =>
        (await secretary.Post("/api/review/rubrics", new { name = name ?? DirectoryScenarios.Unique("Bộ tiêu chí "), preset = "tinh" }))
        .Expect(HttpStatusCode.Created).Id;

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>A test round's dates, from today: scoring under the real clock must still be open (fixed dates stopped
    /// every scoring test the day after they passed). Tests that move the clock run it relative to these.</summary>
    public static DateOnly SelfAssessmentDue => Today.AddDays(3);
    public static DateOnly ScoringDue => Today.AddDays(13);
    public static DateOnly MeetingOn => Today.AddDays(21);

    public static object RoundBody(Guid campaign, Guid period, Guid rubric, string kind = "midterm") => new
    {
        name = DirectoryScenarios.Unique("Sơ kết thử "), kind, campaignId = campaign, periodId = period, levels = new[] { "co-so" },
        rubricId = rubric, selfAssessmentDue = SelfAssessmentDue, scoringDue = ScoringDue, meetingOn = MeetingOn
    };

    /// <summary>A round in draft over a fresh period with <paramref name="models"/> accepted models of Phường 1.</summary>
    public static async Task<(Guid Round, Guid Rubric, Guid[] Models)> DraftRound(this AppFixture app, int models = 1)
    {
        var (campaign, period, ids) = await app.AcceptedInOnePeriod(models);
        using var secretary = await app.As(Secretary);
        var rubric = await secretary.PresetRubric();
        var round = (await secretary.Post("/api/review/rounds", RoundBody(campaign, period, rubric))).Expect(HttpStatusCode.Created).Id;
        return (round, rubric, ids);
    }

    /// <summary>The review reminder job, run as if at 9:00 on <paramref name="day"/> in Vietnam (a fixed clock).</summary>
    public static async Task RunReviewReminders(this AppFixture app, DateOnly day)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await DecideReviewReminders(app, session, day);
        await session.SaveChangesAsync();
    }

    /// <summary>Two runs of the review reminder job on <paramref name="day"/> racing as two nodes would (<see cref="ReminderRace"/>).</summary>
    public static Task RaceReviewReminders(this AppFixture app, DateOnly day) =>
        ReminderRace.TwoRunsAsync(app.Services.GetRequiredService<IDocumentStore>(), s => DecideReviewReminders(app, s, day));

    static Task<Wolverine.OutgoingMessages> DecideReviewReminders(AppFixture app, IDocumentSession session, DateOnly day) =>
        Emulation.Review.Reminders.SendReviewRemindersHandler.Handle(new Emulation.Review.Reminders.SendReviewReminders(), session,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Emulation.Review.Reminders.ReviewReminderOptions>>(),
            new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7))));

    public static Task<Reply> Move(this Api secretary, Guid round, string to, long version) =>
        secretary.Post($"/api/review/rounds/{round}/move", new { to, version });
}
