using Emulation.Scope;

namespace Emulation.Review.Reminders;

/// <summary>A review reminder in the shared inbox (<see cref="RoleNotice"/>); its id comes from <see cref="ReviewKeys"/>.</summary>
public sealed class ReviewNotice : RoleNotice
{
    public Guid RoundId { get; set; }
    public Guid ModelId { get; set; }
    public string Href { get; set; } = "";
}

/// <summary>Ids of review reminders: one per round, model and deadline (an extended deadline reminds again). Prefixed
/// "danh-gia:" so the shared inbox can tell them from other modules' notices.</summary>
public static class ReviewKeys
{
    public const string Prefix = "danh-gia:";
    public static string SelfAssessmentDue(Guid round, Guid model, DateOnly due) => $"{Prefix}tu-danh-gia-sap-han:{round:N}:{model:N}:{due:yyyyMMdd}";
    public static string SelfAssessmentOverdue(Guid round, Guid model, DateOnly due) => $"{Prefix}tu-danh-gia-qua-han:{round:N}:{model:N}:{due:yyyyMMdd}";
}

/// <summary>The periodic trigger's message: look for what needs a reminder now.</summary>
public sealed record SendReviewReminders;

public sealed class ReviewReminderOptions
{
    /// <summary>Remind the unit this many days before its self-assessment is due (N).</summary>
    public int DaysBeforeDue { get; set; } = 7;
    public string Cron { get; set; } = "20 * * * *";
}
