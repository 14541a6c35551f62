using Emulation.Kernel.Mail;
using Emulation.Monitoring.Reminders;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Monitoring reminders are e-mailed (when switched on) at most once, to the people holding the notice's role
/// at its unit, by the Registry's path: the intent is committed first, a second delivery finds it and sends nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringEmailTests(AppFixture app)
{
    IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Two_deliveries_started_together_send_one_email_to_the_units_officers()
    {
        await using var smtp = new FakeSmtpServer();
        var unit = Guid.NewGuid();
        var id = Keys.ActionOverdue(Guid.NewGuid(), new DateOnly(2026, 10, 15));
        await using (var session = Store.LightweightSession())
        {
            session.Store(new MonitoringPerson { Id = Guid.NewGuid(), FullName = "Lê Thị Thư", Email = "thu@localhost", Active = true, Roles = [MonitoringPerson.Key("officer", unit)] });
            session.Store(new MonitoringPerson { Id = Guid.NewGuid(), FullName = "Người Khác", Email = "khac@localhost", Active = true, Roles = [MonitoringPerson.Key("officer", Guid.NewGuid())] });
            session.Store(new MonitoringNotice { Id = id, Role = "officer", UnitId = unit, ModelId = Guid.NewGuid(), Href = "/theo-doi/viec-sau-kiem-tra",
                Title = "Quá hạn việc sau kiểm tra", Body = "Việc “Bổ sung sổ” hạn ngày 15/10/2026 chưa được đơn vị trả lời.", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var on = Options.Create(new MonitoringReminderOptions { Email = new MailOptions { Enabled = true, Host = "127.0.0.1", Port = smtp.Port } });
        Task Deliver() => EmailMonitoringNoticeHandler.Handle(new EmailMonitoringNotice(id), Store, on, TimeProvider.System, NullLogger<MonitoringNotice>.Instance, default);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = Enumerable.Range(0, 2).Select(_ => Task.Run(async () => { await start.Task; await Deliver(); })).ToList();
        start.SetResult();
        await Task.WhenAll(deliveries);
        await Deliver();

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("thu@localhost", message);
        Assert.DoesNotContain("khac@localhost", message);
        await using var check = Store.QuerySession();
        var intent = await check.LoadAsync<MailIntent>(id);
        Assert.NotNull(intent!.SentAt);
        Assert.Equal(1, intent.Recipients);
    }
}
