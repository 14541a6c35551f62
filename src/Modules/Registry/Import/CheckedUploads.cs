using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Registry.Import;

/// <summary>How far the event store had got: the last sequence number handed out and the highest one committed.
/// Every write the import's check reads (models, keys, name claims, accepted codes, units, periods, the catalog) is
/// appended with events, so while neither number moves, a check made earlier still holds (ADR 0043).</summary>
public readonly record struct StoreMark(long Taken, long Committed)
{
    /// <summary>No append was in flight: every sequence number handed out was committed. A mark read while one was in
    /// flight (or after one rolled back) cannot tell a later commit from nothing, so it is never trusted.</summary>
    public bool Settled => Taken == Committed;

    public static async Task<StoreMark> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        var events = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select (select case when is_called then last_value else 0 end from {events}.mt_events_sequence), " +
                              $"(select coalesce(max(seq_id), 0) from {events}.mt_events)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new StoreMark(reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>The upload's check, kept in memory for its confirmation: checking 5,000 models again takes seconds, and
/// when nothing was appended since the upload it can only find what it found then. Any append, another day, another
/// person or a restart (another node) means the confirmation checks again.</summary>
public sealed class CheckedUploads(IMemoryCache cache)
{
    static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    sealed record Entry(ImportCheck Check, StoreMark Mark, Guid UserId, DateOnly Today);

    static object Key(Guid batchId) => (typeof(CheckedUploads), batchId);

    public void Keep(Guid batchId, ImportCheck check, StoreMark mark, Guid userId, DateOnly today)
    {
        if (mark.Settled) cache.Set(Key(batchId), new Entry(check, mark, userId, today), Kept);
    }

    /// <summary>The kept check if it still holds; it is given out once.</summary>
    public ImportCheck? Take(Guid batchId, StoreMark now, Guid userId, DateOnly today)
    {
        if (!cache.TryGetValue(Key(batchId), out Entry? entry)) return null;
        cache.Remove(Key(batchId));
        return entry!.Mark == now && entry.UserId == userId && entry.Today == today ? entry.Check : null;
    }
}
