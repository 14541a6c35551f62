using Emulation.Scope;

namespace Emulation.Review.Reminders;

/// <summary>A review reminder in the shared inbox (<see cref="RoleNotice"/>); its id comes from <see cref="ReviewKeys"/>.</summary>
public sealed class ReviewNotice : RoleNotice
{
    public Guid RoundId { get; set; }
    public Guid ModelId { get; set; }
    public string Href { get; set; } = "";
}

/// <summary>Ids of review reminders: one per subject and deadline (an extended deadline reminds again). Prefixed
/// "danh-gia:" so the shared inbox can tell them from other modules' notices.</summary>
public static class ReviewKeys
{
    public const string Prefix = "danh-gia:";
    public static string SelfAssessmentDue(Guid round, Guid model, DateOnly due) => $"{Prefix}tu-danh-gia-sap-han:{round:N}:{model:N}:{due:yyyyMMdd}";
    public static string SelfAssessmentOverdue(Guid round, Guid model, DateOnly due) => $"{Prefix}tu-danh-gia-qua-han:{round:N}:{model:N}:{due:yyyyMMdd}";
    /// <summary>A reviewer's digest: one a day, whatever it lists.</summary>
    public static string ScoringDigest(Guid reviewer, DateOnly day) => $"{Prefix}cham-diem:{reviewer:N}:{day:yyyyMMdd}";
    public static string ScoresMissing(Guid round, DateOnly due) => $"{Prefix}thieu-diem:{round:N}:{due:yyyyMMdd}";
    public static string ScoresMissingEscalated(Guid round, DateOnly due) => $"{Prefix}thieu-diem-bao-lanh-dao:{round:N}:{due:yyyyMMdd}";
}

/// <summary>The periodic trigger's message: look for what needs a reminder now.</summary>
public sealed record SendReviewReminders;

/// <summary>Sent for each reminder stored for the first time, when e-mail is on.</summary>
public sealed record EmailReviewNotice(string NoticeId);

public sealed class ReviewReminderOptions
{
    /// <summary>Remind the unit this many days before its self-assessment is due (N).</summary>
    public int DaysBeforeDue { get; set; } = 7;
    /// <summary>Tell the board's members when scores are still missing this many days after the scoring deadline.</summary>
    public int EscalateAfterDays { get; set; } = 3;
    public string Cron { get; set; } = "20 * * * *";
    /// <summary>Bound from `Review:Reminders:Email`, apart from the other modules': each module mails or not on its own.</summary>
    public Kernel.Mail.MailOptions Email { get; set; } = new();
}
