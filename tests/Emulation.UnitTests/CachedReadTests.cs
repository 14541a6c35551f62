using Emulation.Kernel.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Emulation.UnitTests;

public sealed class CachedReadTests
{
    sealed class Watched;

    [Fact]
    public async Task A_value_read_while_a_commit_landed_is_not_served_again()
    {
        var signals = new CommitSignals();
        var loads = 0;
        var release = new TaskCompletionSource();
        var cached = new CachedRead<string>(new MemoryCache(new MemoryCacheOptions()), signals, TimeSpan.FromMinutes(5), [typeof(Watched)],
            async _ =>
            {
                var n = Interlocked.Increment(ref loads);
                if (n == 1) await release.Task;
                return n == 1 ? "before the commit" : "after the commit";
            });

        var first = cached.GetAsync();
        signals.Signal(typeof(Watched));
        release.SetResult();
        Assert.Equal("before the commit", await first);

        Assert.Equal("after the commit", await cached.GetAsync());
        Assert.Equal("after the commit", await cached.GetAsync());
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_commit_on_another_type_keeps_the_value()
    {
        var signals = new CommitSignals();
        var loads = 0;
        var cached = new CachedRead<string>(new MemoryCache(new MemoryCacheOptions()), signals, TimeSpan.FromMinutes(5), [typeof(Watched)],
            _ => Task.FromResult($"load {Interlocked.Increment(ref loads)}"));
        await cached.GetAsync();
        signals.Signal(typeof(string));
        Assert.Equal("load 1", await cached.GetAsync());
        signals.Signal(typeof(Watched));
        Assert.Equal("load 2", await cached.GetAsync());
    }
}
