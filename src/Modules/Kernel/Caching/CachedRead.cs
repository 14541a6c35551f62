using Microsoft.Extensions.Caching.Memory;

namespace Emulation.Kernel.Caching;

/// <summary>A value read from the database and kept in <see cref="IMemoryCache"/> until a commit on this node writes
/// one of the <paramref name="watched"/> document types, or for <paramref name="maxAge"/> (other nodes' commits).
/// A value loaded while such a commit landed is never served again.</summary>
public sealed class CachedRead<T>(IMemoryCache cache, CommitSignals signals, TimeSpan maxAge, Type[] watched, Func<CancellationToken, Task<T>> load)
    where T : class
{
    readonly object _key = new();

    sealed record Entry(T Value, long Generation);

    long Generation() => watched.Sum(signals.Generation);

    public async Task<T> GetAsync(CancellationToken ct = default)
    {
        var generation = Generation();
        if (cache.TryGetValue(_key, out Entry? entry) && entry!.Generation == generation) return entry.Value;
        var value = await load(ct);
        cache.Set(_key, new Entry(value, generation), maxAge);
        return value;
    }

    /// <summary>For writes that do not pass through a document commit (and for tests): drops the value now.</summary>
    public void Invalidate() => cache.Remove(_key);
}
