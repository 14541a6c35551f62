using System.Net;
using Emulation.Kernel.Mail;
using Emulation.Host.Platform;
using Emulation.Registry.Reminders;
using Emulation.Registry.Units;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.IntegrationTests.Registry;

[Collection(AppCollection.Name)]
public sealed class ReminderTests(AppFixture app)
{
    async Task RunReminders(int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SendRegistryReminders());
        }
    }

    /// <summary>Two nodes running the job at the same moment (<see cref="ReminderRace"/>), with e-mail on; returns the
    /// e-mail messages of the runs that committed.</summary>
    async Task<List<EmailReminder>> RaceTwoRuns()
    {
        var configured = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        var email = Options.Create(new ReminderOptions
        {
            DraftDaysBeforeClose = configured.DraftDaysBeforeClose, PendingDays = configured.PendingDays, Email = new MailOptions { Enabled = true }
        });
        var units = app.Services.GetRequiredService<UnitDirectory>();
        var sent = await ReminderRace.TwoRunsAsync(app.Services.GetRequiredService<IDocumentStore>(),
            s => SendRegistryRemindersHandler.Handle(new SendRegistryReminders(), s, units, email, TimeProvider.System));
        return sent.SelectMany(m => m.OfType<EmailReminder>()).ToList();
    }

    [Fact]
    public async Task A_draft_near_the_deadline_reminds_its_unit_once()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod(closes: DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(3));
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, "Bản nháp sắp hết hạn", level: "huyen"));
        await officer.WaitForList($"period={period}", p => p.Items().Any());

        var emails = await RaceTwoRuns();
        await RunReminders(2);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<TriggerJob>().Fire("registry-reminders");

        var inbox = (await officer.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body;
        var mine = inbox.EnumerateArray().Where(i => i.GetProperty("modelId").GetGuid() == id).ToList();
        var reminder = Assert.Single(mine);
        Assert.Single(emails, e => e.ReminderId == reminder.GetProperty("id").GetString());
        Assert.Contains("Sắp hết hạn đăng ký", reminder.GetProperty("title").GetString());
        Assert.False(reminder.GetProperty("read").GetBoolean());

        using var other = await app.As("canbo.phuong1");
        var othersInbox = (await other.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body;
        Assert.DoesNotContain(othersInbox.EnumerateArray(), i => i.GetProperty("modelId").GetGuid() == id);

        (await officer.Post("/api/registry/inbox/read", new { id = reminder.GetProperty("id").GetString() })).Expect(HttpStatusCode.OK);
        var after = (await officer.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body;
        Assert.True(after.EnumerateArray().Single(i => i.GetProperty("modelId").GetGuid() == id).GetProperty("read").GetBoolean());
        (await other.Post("/api/registry/inbox/read", new { id = reminder.GetProperty("id").GetString() })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_model_waiting_for_the_board_reminds_the_secretary_once()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phunu");
        using var secretary = await app.As("thuky.bdvtinh");
        using var member = await app.As("uyvien.bdvtinh");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, "Chờ Ban quyết định", level: "tinh"));
        await officer.Submit(id, 1);
        await officer.WaitForList($"period={period}&status=Submitted", p => p.Items().Any());

        var emails = await RaceTwoRuns();
        await RunReminders(2);

        var inbox = (await secretary.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body;
        var reminder = Assert.Single(inbox.EnumerateArray(),
            i => i.GetProperty("modelId").GetGuid() == id && i.GetProperty("id").GetString()!.StartsWith("pending:"));
        Assert.Single(emails, e => e.ReminderId == reminder.GetProperty("id").GetString());
        // The status a board can give is "Không chấp nhận"; the reminder uses the same words.
        Assert.EndsWith("trả lại hoặc không chấp nhận.", reminder.GetProperty("body").GetString());
        var membersInbox = (await member.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body;
        Assert.DoesNotContain(membersInbox.EnumerateArray(), i => i.GetProperty("modelId").GetGuid() == id);
    }
}
