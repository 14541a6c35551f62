using Emulation.Kernel.Mail;

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

/// <summary>An inbox message for everyone holding a role at a unit. Its id says what it is about (a model and
/// a deadline), so the same reminder can only ever be stored once, however often or wherever the job runs.</summary>
public sealed class Reminder
{
    public string Id { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid ModelId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Guid> ReadBy { get; set; } = [];

    public static string DraftKey(Guid model, DateOnly closes) => $"draft:{model:N}:{closes:yyyyMMdd}";
    public static string PendingKey(Guid model, DateTimeOffset submittedAt) => $"pending:{model:N}:{submittedAt.UtcTicks}";
}

/// <summary>The periodic trigger's message: look for what needs a reminder now.</summary>
public sealed record SendRegistryReminders;

/// <summary>Sent for each reminder stored for the first time, when e-mail is on.</summary>
public sealed record EmailReminder(string ReminderId);
