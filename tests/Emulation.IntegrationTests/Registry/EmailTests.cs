using System.Net;
using System.Net.Sockets;
using Emulation.Kernel.Mail;
using Emulation.Registry.Reminders;
using Emulation.Registry.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Emulation.IntegrationTests.Registry;

/// <summary>E-mail is off by default; switched on, a stored reminder goes out at most once to the people holding its role:
/// the intent is committed before sending, and a delivery that finds it recorded sends nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class EmailTests(AppFixture app)
{
    IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();

    async Task<string> StoredReminder(string email)
    {
        var unit = Guid.NewGuid();
        var reminderId = "test:" + Guid.NewGuid().ToString("N");
        await using var session = Store.LightweightSession();
        session.Store(new Recipient { Id = Guid.NewGuid(), FullName = "Lê Thị Thư", Email = email, Active = true, Roles = [Recipient.Key("officer", unit)] });
        session.Store(new Recipient { Id = Guid.NewGuid(), FullName = "Người Khác", Email = "khac@localhost", Active = true, Roles = [Recipient.Key("officer", Guid.NewGuid())] });
        session.Store(new Reminder { Id = reminderId, Role = "officer", UnitId = unit, ModelId = Guid.NewGuid(), Title = "Sắp hết hạn đăng ký", Body = "Nội dung", CreatedAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync();
        return reminderId;
    }

    static IOptions<ReminderOptions> On(int port) => Options.Create(new ReminderOptions { Email = new MailOptions { Enabled = true, Host = "127.0.0.1", Port = port } });

    Task Deliver(string reminderId, IOptions<ReminderOptions> options) =>
        EmailReminderHandler.Handle(new EmailReminder(reminderId), Store, options, TimeProvider.System, NullLogger<Reminder>.Instance, default);

    async Task<MailIntent?> Intent(string reminderId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<MailIntent>(reminderId);
    }

    [Fact]
    public async Task Two_deliveries_started_together_send_one_email_to_the_role_holders()
    {
        await using var smtp = new FakeSmtpServer();
        var reminderId = await StoredReminder("thu@localhost");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = Enumerable.Range(0, 2).Select(_ => Task.Run(async () => { await start.Task; await Deliver(reminderId, On(smtp.Port)); })).ToList();
        start.SetResult();
        await Task.WhenAll(deliveries);
        await Deliver(reminderId, On(smtp.Port));

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("thu@localhost", message);
        Assert.DoesNotContain("khac@localhost", message);
        var intent = await Intent(reminderId);
        Assert.NotNull(intent!.SentAt);
        Assert.Equal(1, intent.Recipients);
        Assert.True(intent.ClaimedAt <= intent.SentAt);
    }

    [Fact]
    public async Task A_delivery_after_a_crash_between_recording_and_sending_sends_nothing()
    {
        await using var smtp = new FakeSmtpServer();
        var reminderId = await StoredReminder("crash@localhost");
        var claimed = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var session = Store.LightweightSession())
        {
            session.Insert(new MailIntent(reminderId, claimed));
            await session.SaveChangesAsync();
        }

        await Deliver(reminderId, On(smtp.Port));

        Assert.Empty(smtp.Messages);
        var intent = await Intent(reminderId);
        Assert.Null(intent!.SentAt);
        Assert.Equal(claimed, intent.ClaimedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_leaves_the_email_to_the_retry()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var reminderId = await StoredReminder("retry@localhost");

        await Assert.ThrowsAsync<SocketException>(() => Deliver(reminderId, On(deadPort)));
        Assert.Null(await Intent(reminderId));

        await using var smtp = new FakeSmtpServer();
        await Deliver(reminderId, On(smtp.Port));
        Assert.Contains("retry@localhost", Assert.Single(smtp.Messages));
    }

    [Fact]
    public async Task With_email_off_nothing_is_sent()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.Email.Enabled);
        await using var smtp = new FakeSmtpServer();
        var reminderId = await StoredReminder("tat@localhost");
        var off = Options.Create(new ReminderOptions { Email = new MailOptions { Enabled = false, Host = "127.0.0.1", Port = smtp.Port } });

        await Deliver(reminderId, off);

        Assert.Empty(smtp.Messages);
        Assert.Null(await Intent(reminderId));
    }
}
