namespace Emulation.Kernel.Mail;

/// <summary>A module's mail server settings (off by default). Each module binds its own section, e.g.
/// `Registry:Reminders:Email`, so one can mail while another does not.</summary>
public sealed class MailOptions
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "dan-van-kheo@localhost";
    /// <summary>Where the site is reached from outside: links in a mail are absolute.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}{path}";
}

public sealed record MailRecipient(string Address, string Name);

/// <summary>The intent to send a mail, committed before anything reaches the mail server (ADR 0007). Its id is the
/// caller's (the notice's), so a second delivery cannot record it again and sends nothing. No <see cref="SentAt"/> and
/// no <see cref="Failure"/>: the sender stopped in between, and the mail is not sent again (at most once).</summary>
public sealed record MailIntent(string Id, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt = null, int Recipients = 0, string? Failure = null);
