namespace Emulation.Kernel.Caching;

/// <summary>A value read from the database and kept in memory for a short while; dropped at once when this
/// node changes what it was read from. Other nodes see a change within <c>maxAge</c>.</summary>
public sealed class Expiring<T>(TimeSpan maxAge, Func<Task<T>> load) where T : class
{
    volatile Entry? _entry;

    sealed record Entry(T Value, DateTime LoadedAt);

    public void Invalidate() => _entry = null;

    public async Task<T> GetAsync()
    {
        var entry = _entry;
        if (entry is not null && DateTime.UtcNow - entry.LoadedAt < maxAge) return entry.Value;
        var value = await load();
        _entry = new Entry(value, DateTime.UtcNow);
        return value;
    }
}
