namespace Emulation.Monitoring.Evidence;

/// <summary><c>Monitoring:Evidence</c>: where files are kept and how large one may be.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Monitoring:Evidence";

    /// <summary><c>postgres</c> (the default: one database to back up) or <c>files</c> (then <see cref="Directory"/>).</summary>
    public string Store { get; set; } = "postgres";

    public string? Directory { get; set; }

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
