namespace Emulation.Monitoring.Evidence.Storage;

/// <summary>Where evidence files live: PostgreSQL by default (one database to back up), or a folder. Both stream:
/// a write reads its source chunk by chunk and keeps nothing if the source throws; a read hands back a stream.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores what <paramref name="content"/> yields up to its end and returns the new file's id. If reading
    /// the content throws (a refused file, a dropped connection), nothing of it is kept and the exception goes on.</summary>
    Task<Guid> WriteAsync(Stream content, CancellationToken ct);

    /// <summary>The stored bytes, or null when the store has no such file.</summary>
    Task<Stream?> OpenAsync(Guid id, CancellationToken ct);

    Task DeleteAsync(Guid id, CancellationToken ct);
}
