namespace Emulation.IntegrationTests.Support;

/// <summary>The host's clock, which a test may move forward for a while (health that changes as days pass, the state
/// on past days). Tests of the shared host run one at a time, so a shift seen by another test cannot happen; the
/// shift is undone when the returned handle is disposed. Timers keep real time.</summary>
public sealed class TestClock : TimeProvider
{
    long _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offset));

    public IDisposable Shift(TimeSpan by)
    {
        Interlocked.Exchange(ref _offset, by.Ticks);
        return new Reset(this);
    }

    public void MoveTo(TimeSpan by) => Interlocked.Exchange(ref _offset, by.Ticks);

    sealed class Reset(TestClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock._offset, 0);
    }
}
