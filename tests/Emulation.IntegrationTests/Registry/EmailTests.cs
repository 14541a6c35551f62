using Emulation.Registry.Reminders;
using Emulation.Registry.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Emulation.IntegrationTests.Registry;

/// <summary>E-mail is off by default; switched on, a stored reminder goes out once to the people holding its role.</summary>
[Collection(AppCollection.Name)]
public sealed class EmailTests(AppFixture app)
{
    [Fact]
    public async Task A_reminder_is_emailed_once_to_the_role_holders()
    {
        await using var smtp = new FakeSmtpServer();
        var unit = Guid.NewGuid();
        var reminderId = "test:" + Guid.NewGuid().ToString("N");
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new Recipient { Id = Guid.NewGuid(), FullName = "Lê Thị Thư", Email = "thu@localhost", Active = true, Roles = [Recipient.Key("officer", unit)] });
            session.Store(new Recipient { Id = Guid.NewGuid(), FullName = "Người Khác", Email = "khac@localhost", Active = true, Roles = [Recipient.Key("officer", Guid.NewGuid())] });
            session.Store(new Reminder { Id = reminderId, Role = "officer", UnitId = unit, ModelId = Guid.NewGuid(), Title = "Sắp hết hạn đăng ký", Body = "Nội dung", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var options = Options.Create(new ReminderOptions { Email = new EmailOptions { Enabled = true, Host = "127.0.0.1", Port = smtp.Port } });

        for (var run = 0; run < 2; run++)
        {
            await using var session = store.LightweightSession();
            await EmailReminderHandler.Handle(new EmailReminder(reminderId), session, options, TimeProvider.System, NullLogger<Reminder>.Instance, default);
            await session.SaveChangesAsync();
        }

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("thu@localhost", message);
        Assert.DoesNotContain("khac@localhost", message);
        await using var check = store.QuerySession();
        Assert.NotNull((await check.LoadAsync<Reminder>(reminderId))!.EmailedAt);
    }

    [Fact]
    public async Task With_email_off_nothing_is_sent()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.Email.Enabled);

        await using var smtp = new FakeSmtpServer();
        var unit = Guid.NewGuid();
        var reminderId = "test:" + Guid.NewGuid().ToString("N");
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new Recipient { Id = Guid.NewGuid(), FullName = "Lê Văn Tắt", Email = "tat@localhost", Active = true, Roles = [Recipient.Key("officer", unit)] });
            session.Store(new Reminder { Id = reminderId, Role = "officer", UnitId = unit, ModelId = Guid.NewGuid(), Title = "Tắt thư", Body = "Nội dung", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var off = Options.Create(new ReminderOptions { Email = new EmailOptions { Enabled = false, Host = "127.0.0.1", Port = smtp.Port } });
        await using (var session = store.LightweightSession())
        {
            await EmailReminderHandler.Handle(new EmailReminder(reminderId), session, off, TimeProvider.System, NullLogger<Reminder>.Instance, default);
            await session.SaveChangesAsync();
        }
        Assert.Empty(smtp.Messages);
        await using var check = store.QuerySession();
        Assert.Null((await check.LoadAsync<Reminder>(reminderId))!.EmailedAt);
    }
}
