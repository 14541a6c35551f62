namespace Emulation.Kernel;

/// <summary>One clock for the whole application: every "now" comes from the injected <see cref="TimeProvider"/>
/// (so tests can move it), and every calendar date is Vietnam's (UTC+7, no daylight saving), not the server's.</summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset VietnamNow(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly VietnamToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.VietnamNow().DateTime);

    public static DateOnly VietnamDate(this DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
}
