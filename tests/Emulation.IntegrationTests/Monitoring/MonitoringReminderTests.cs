using System.Net;
using System.Text.Json;
using Emulation.Monitoring.Reminders;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The reminder job run on days ahead of today (a fixed clock): a report due, overdue and escalated, an action
/// due and overdue, each in the right inbox once, even when two runs race.</summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringReminderTests(AppFixture app)
{
    static DateOnly Today => InspectionScenarios.Today;

    async Task RunAt(DateOnly day)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await Run(session, day);
        await session.SaveChangesAsync();
    }

    Task<Wolverine.OutgoingMessages> Run(IDocumentSession session, DateOnly day) =>
        SendMonitoringRemindersHandler.Handle(new SendMonitoringReminders(), session,
            app.Services.GetRequiredService<IOptions<MonitoringReminderOptions>>(), new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7))));

    static async Task<List<JsonElement>> Inbox(Api api, string prefix, Guid subject) =>
        (await api.Get("/api/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Where(n => n.GetProperty("id").GetString()!.StartsWith(prefix) && n.GetProperty("id").GetString()!.Contains(subject.ToString("N"))).ToList();

    Task RaceTwoRunsAt(DateOnly day) => ReminderRace.TwoRunsAsync(app.Services.GetRequiredService<IDocumentStore>(), s => Run(s, day));

    [Fact]
    public async Task An_action_reminds_its_unit_before_and_after_its_due_date_once_even_when_two_runs_race()
    {
        using var board = await app.As("thuky.phuong1");
        using var officer = await app.As("canbo.phuong1");
        using var other = await app.As("canbo.khanhhoi");
        var model = await app.AcceptedModel("Đổi rác thải nhựa lấy quà");
        var id = await board.Schedule(model);
        (await board.Post($"/api/monitoring/inspections/{id}/record",
            InspectionScenarios.Visit(Today, [model], (model, "Lập sổ theo dõi lượng rác đổi quà", Today.AddDays(3))))).Expect(HttpStatusCode.OK);
        var action = (await board.Inspection(id)).ActionId();

        await RaceTwoRunsAt(Today);
        await RunAt(Today.AddDays(1));
        var due = Assert.Single(await Inbox(officer, "theo-doi:viec-sap-han:", action));
        Assert.Equal("Theo dõi mô hình", due.GetProperty("source").GetString());
        Assert.Empty(await Inbox(other, "theo-doi:", action));
        Assert.Empty(await Inbox(officer, "theo-doi:viec-qua-han:", action));

        await RunAt(Today.AddDays(5));
        await RunAt(Today.AddDays(6));
        Assert.Single(await Inbox(officer, "theo-doi:viec-qua-han:", action));
        (await officer.Post("/api/inbox/read", new { id = due.GetProperty("id").GetString() })).Expect(HttpStatusCode.OK);
        Assert.True(Assert.Single(await Inbox(officer, "theo-doi:viec-sap-han:", action)).GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task A_missing_report_reminds_the_unit_then_escalates_to_the_board_secretary()
    {
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        var model = await app.AcceptedModel("Tết Quân - Dân");
        var due = (await app.Summary(model, s => s.NextDueOn is not null)).NextDueOn!.Value;
        var escalate = app.Services.GetRequiredService<IOptions<MonitoringReminderOptions>>().Value.EscalateAfterDays;

        await RunAt(due.AddDays(-3));
        Assert.Single(await Inbox(officer, "theo-doi:bao-cao-sap-han:", model));
        await RunAt(due.AddDays(1));
        Assert.Single(await Inbox(officer, "theo-doi:bao-cao-qua-han:", model));
        Assert.Empty(await Inbox(secretary, "theo-doi:bao-cao-bao-ban:", model));
        await RaceTwoRunsAt(due.AddDays(escalate));
        await RunAt(due.AddDays(escalate + 1));
        var escalated = Assert.Single(await Inbox(secretary, "theo-doi:bao-cao-bao-ban:", model));
        Assert.Contains($"quá hạn {escalate} ngày", escalated.GetProperty("body").GetString());
        Assert.Empty(await Inbox(officer, "theo-doi:bao-cao-bao-ban:", model));
    }
}
