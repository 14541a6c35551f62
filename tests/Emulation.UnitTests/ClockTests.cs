using Emulation.Kernel;

namespace Emulation.UnitTests;

/// <summary>One clock: every "now" comes from the injected TimeProvider and every calendar date is Vietnam's (UTC+7).</summary>
public sealed class ClockTests
{
    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void At_23_30_UTC_on_New_Years_Eve_Vietnam_is_already_in_the_new_year()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), clock.VietnamToday());
        Assert.Equal((2027, 6, 30), (clock.VietnamNow().Year, clock.VietnamNow().Hour, clock.VietnamNow().Minute));
        Assert.Equal(new DateOnly(2026, 12, 31), new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero).VietnamDate());
    }

    /// <summary>Nothing in src computes Vietnam's time by itself or reads the machine's clock: only VietnamClock knows
    /// the offset, and "now" is the injected TimeProvider (so a test can move it).</summary>
    [Fact]
    public void Only_the_Vietnam_clock_knows_the_offset_and_nothing_reads_the_machine_clock()
    {
        var src = Path.Combine(Root(), "src");
        string[] forbidden = ["FromHours(7)", "AddHours(7)", "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now",
            "DateTimeOffset.UtcNow", "TimeZoneInfo.FindSystemTimeZoneById", "TimeZoneInfo.Local"];
        var offenders = System.IO.Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".razor")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.EndsWith("VietnamClock.cs"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => forbidden.Any(x.line.Contains))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Emulation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Emulation.sln not found");
    }
}
