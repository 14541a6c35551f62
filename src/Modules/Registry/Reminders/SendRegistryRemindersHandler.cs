using Emulation.Kernel.Security;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Emulation.Kernel;

namespace Emulation.Registry.Reminders;

public static class SendRegistryRemindersHandler
{
    public static async Task<OutgoingMessages> Handle(SendRegistryReminders _, IDocumentSession session, UnitDirectory units,
        IOptions<ReminderOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var today = now.VietnamDate();
        var tree = await units.TreeAsync();
        var candidates = new List<Reminder>();

        var closing = (await Campaigns.Campaigns.PeriodsAsync(session))
            .Where(p => p.RegistrationCloses >= today && p.RegistrationCloses.DayNumber - today.DayNumber <= o.DraftDaysBeforeClose).ToList();
        foreach (var period in closing)
        {
            var drafts = await session.Query<ModelSummary>()
                .Where(s => s.PeriodId == period.Id && (s.Status == ModelStatus.Draft || s.Status == ModelStatus.Returned)).ToListAsync();
            candidates.AddRange(drafts.Select(d => new Reminder
            {
                Id = Reminder.DraftKey(d.Id, period.RegistrationCloses), Role = Roles.Officer, UnitId = d.UnitId, ModelId = d.Id, CreatedAt = now,
                Title = $"Sắp hết hạn đăng ký: “{d.Name}” chưa được gửi",
                Body = $"Kỳ “{period.Name}” đóng đăng ký ngày {period.RegistrationCloses:dd/MM/yyyy}. Hồ sơ “{d.Name}” của {tree.Name(d.UnitId)} vẫn chưa gửi Ban xem xét."
            }));
        }

        var before = now.AddDays(-o.PendingDays);
        var waiting = await session.Query<ModelSummary>()
            .Where(s => s.Status == ModelStatus.Submitted && s.SubmittedAt < before && s.BoardId != null).ToListAsync();
        candidates.AddRange(waiting.Select(w => new Reminder
        {
            Id = Reminder.PendingKey(w.Id, w.SubmittedAt!.Value), Role = Roles.BoardSecretary, ModelId = w.Id, CreatedAt = now,
            UnitId = RegistryAccess.DecidingBoard(tree, w.UnitId, w.LevelCode, w.BoardId) ?? w.BoardId!.Value,
            Title = $"Hồ sơ chờ quyết định quá {o.PendingDays} ngày: “{w.Name}”",
            Body = $"{tree.Name(w.UnitId)} gửi hồ sơ “{w.Name}” ngày {w.SubmittedAt.Value.VietnamDate():dd/MM/yyyy}; Ban chưa công nhận, trả lại hoặc không chấp nhận."
        }));

        var messages = new OutgoingMessages();
        foreach (var reminder in await RoleNotices.InsertNewAsync(session, candidates))
            if (o.Email.Enabled) messages.Add(new EmailReminder(reminder.Id));
        return messages;
    }
}
