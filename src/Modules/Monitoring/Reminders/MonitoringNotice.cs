namespace Emulation.Monitoring.Reminders;

/// <summary>A monitoring reminder in the shared inbox, for everyone holding <see cref="Role"/> at <see cref="UnitId"/>.
/// Its id names what it is about and the deadline (<see cref="Keys"/>), so however often, wherever and however many
/// times at once the job runs, the same reminder is stored once (an insert: a second one fails).</summary>
public sealed class MonitoringNotice
{
    public string Id { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid ModelId { get; set; }
    public string Href { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Guid> ReadBy { get; set; } = [];
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
    public NoticeEmailOptions Email { get; set; } = new();
}

/// <summary>Off by default; the same settings as the Registry's reminders (`Registry:Reminders:Email`).</summary>
public sealed class NoticeEmailOptions
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "dan-van-kheo@localhost";
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>The intent to e-mail a notice, committed before anything reaches the mail server (ADR 0007): its id is the
/// notice's, so a second delivery cannot record it again and sends nothing. No <see cref="SentAt"/> and no
/// <see cref="Failure"/>: the sender stopped in between, and the mail is not sent again (at most once).</summary>
public sealed record MonitoringNoticeEmail(string Id, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt = null, int Recipients = 0, string? Failure = null);
