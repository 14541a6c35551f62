namespace Emulation.Registry.Reminders;

/// <summary>The intent to e-mail a reminder, committed before anything is handed to the mail server. Its id is the
/// reminder's, so a second delivery of the same <see cref="EmailReminder"/> (a retry, another node) cannot record it
/// again and sends nothing. <see cref="SentAt"/> empty with no <see cref="Failure"/> means the sender stopped in between
/// (a crash): whether the mail left is unknown, and it is not sent again (at most once).</summary>
public sealed record ReminderEmail(string Id, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt = null, int Recipients = 0, string? Failure = null);
