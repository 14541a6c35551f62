using Emulation.Kernel.Mail;
using Emulation.Scope;

namespace Emulation.Registry.Reminders;

public sealed class ReminderOptions
{
    /// <summary>Remind a unit of its unsubmitted drafts this many days before the registration window closes.</summary>
    public int DraftDaysBeforeClose { get; set; } = 7;
    /// <summary>Remind the board secretary of models waiting longer than this many days for a decision.</summary>
    public int PendingDays { get; set; } = 14;
    public string Cron { get; set; } = "0 * * * *";
    public MailOptions Email { get; set; } = new();
}

/// <summary>A registry reminder or notice about a model (<see cref="RoleNotice"/>).</summary>
public sealed class Reminder : RoleNotice
{
    public Guid ModelId { get; set; }

    public static string DraftKey(Guid model, DateOnly closes) => $"draft:{model:N}:{closes:yyyyMMdd}";
    public static string PendingKey(Guid model, DateTimeOffset submittedAt) => $"pending:{model:N}:{submittedAt.UtcTicks}";
}

/// <summary>The periodic trigger's message: look for what needs a reminder now.</summary>
public sealed record SendRegistryReminders;

/// <summary>Sent for each reminder stored for the first time, when e-mail is on.</summary>
public sealed record EmailReminder(string ReminderId);
