using Emulation.Kernel.Mail;
using Emulation.Scope;

namespace Emulation.Monitoring.Reminders;

/// <summary>A monitoring reminder in the shared inbox (<see cref="RoleNotice"/>); its id comes from <see cref="Keys"/>.</summary>
public sealed class MonitoringNotice : RoleNotice
{
    public Guid ModelId { get; set; }
    public string Href { get; set; } = "";
}

/// <summary>Ids of monitoring reminders: one per subject and deadline. Prefixed "theo-doi:" so the shared inbox can tell
/// them from other modules' notices.</summary>
public static class Keys
{
    public static string ReportDue(Guid model, DateOnly due) => $"theo-doi:bao-cao-sap-han:{model:N}:{due:yyyyMMdd}";
    public static string ReportOverdue(Guid model, DateOnly due) => $"theo-doi:bao-cao-qua-han:{model:N}:{due:yyyyMMdd}";
    public static string ReportEscalated(Guid model, DateOnly due) => $"theo-doi:bao-cao-bao-ban:{model:N}:{due:yyyyMMdd}";
    public static string ActionDue(Guid action, DateOnly due) => $"theo-doi:viec-sap-han:{action:N}:{due:yyyyMMdd}";
    public static string ActionOverdue(Guid action, DateOnly due) => $"theo-doi:viec-qua-han:{action:N}:{due:yyyyMMdd}";
}

/// <summary>The periodic trigger's message: look for what needs a reminder now.</summary>
public sealed record SendMonitoringReminders;

/// <summary>Sent for each reminder stored for the first time, when e-mail is on.</summary>
public sealed record EmailMonitoringNotice(string NoticeId);

public sealed class MonitoringReminderOptions
{
    /// <summary>Remind the unit this many days before a report or a follow-up action is due (N).</summary>
    public int DaysBeforeDue { get; set; } = 7;
    /// <summary>Tell the board's secretary when a report is still missing this many days after its due date (M).</summary>
    public int EscalateAfterDays { get; set; } = 14;
    public string Cron { get; set; } = "15 * * * *";
    /// <summary>Bound from `Monitoring:Reminders:Email`, apart from the Registry's: each module mails or not on its own.</summary>
    public MailOptions Email { get; set; } = new();
}
