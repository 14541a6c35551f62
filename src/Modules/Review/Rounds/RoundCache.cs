using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Review.Rounds;

/// <summary>Rounds kept in memory and served again while their stream's version is unchanged (ADR 0045). A round holds
/// its covered models, thousands in a province, and every score and every look at the ranking reads it: checking the
/// version is one primary-key read of the stream's row, where loading it again parsed a megabyte of JSON. The version is
/// read from the database on every call, so a change made on any node is seen at once; rounds are immutable records,
/// safe to share between requests.</summary>
public sealed class RoundCache(IMemoryCache cache)
{
    static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<Round?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct) =>
        await session.Events.FetchStreamStateAsync(id, ct) is { } state ? await LoadAsync(session, id, state.Version, ct) : null;

    /// <param name="version">The round's stream version, read by the caller in this request (in a batch with its other reads).</param>
    public async Task<Round?> LoadAsync(IQuerySession session, Guid id, long version, CancellationToken ct)
    {
        var key = (typeof(RoundCache), id);
        if (cache.TryGetValue(key, out Round? kept) && kept!.Version == version) return kept;
        var round = await session.LoadAsync<Round>(id, ct);
        // A snapshot that does not match the version read before it (a commit in between) is served this once, never kept.
        if (round is not null && round.Version == version) cache.Set(key, round, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return round;
    }
}
