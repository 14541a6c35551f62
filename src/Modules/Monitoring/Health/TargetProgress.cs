using Emulation.Monitoring.Following;

namespace Emulation.Monitoring.Health;

/// <summary>How far one target has come. <see cref="Percent"/> is the share of the way from the baseline to the target
/// value, in whichever direction the target points ("reduce violations from 20 to 5" is 60 % done at 11), between 0
/// and 100. <see cref="Expected"/> is the share of the time from acceptance to the due date already gone.</summary>
public sealed record TargetProgress(FollowedTarget Target, decimal? Latest, DateOnly? MeasuredOn, decimal? Percent, bool Met, DateOnly? MetOn,
    bool Late, decimal? Expected)
{
    /// <summary>Pure: the readings of the standing reports (any order), the day it is, the day following started.
    /// A target met once stays met, whatever a later reading says; past its due date and never met, it is late.</summary>
    public static TargetProgress Of(FollowedTarget target, IEnumerable<TargetReading> readings, DateOnly today, DateOnly startedOn)
    {
        var mine = readings.Where(r => r.Target == target.No && r.MeasuredOn <= today).OrderBy(r => r.MeasuredOn).ToList();
        var latest = mine.LastOrDefault();
        var metOn = target.TargetValue is { } goal ? mine.FirstOrDefault(r => Reached(target.Baseline, goal, r.Value))?.MeasuredOn : null;
        var met = metOn is not null;
        decimal? percent = target.TargetValue is { } g && latest is not null
            ? met ? 100m : Share(target.Baseline ?? 0m, g, latest.Value)
            : null;
        var late = target.Measurable && !met && target.DueDate is { } due && today > due;
        return new(target, latest?.Value, latest?.MeasuredOn, percent, met, metOn, late, ExpectedShare(startedOn, target.DueDate, today));
    }

    /// <summary>A target below its baseline is a reduction: reached at or below it; otherwise at or above it.</summary>
    public static bool Reached(decimal? baseline, decimal goal, decimal value) =>
        baseline is { } b && goal < b ? value <= goal : value >= goal;

    public static decimal Share(decimal baseline, decimal goal, decimal value)
    {
        if (goal == baseline) return value == goal ? 100m : 0m;
        var share = (value - baseline) / (goal - baseline) * 100m;
        return Math.Round(Math.Clamp(share, 0m, 100m), 1, MidpointRounding.AwayFromZero);
    }

    public static decimal? ExpectedShare(DateOnly start, DateOnly? due, DateOnly today)
    {
        if (due is not { } d) return null;
        if (d <= start) return today >= d ? 100m : 0m;
        var share = (decimal)(today.DayNumber - start.DayNumber) / (d.DayNumber - start.DayNumber) * 100m;
        return Math.Round(Math.Clamp(share, 0m, 100m), 1, MidpointRounding.AwayFromZero);
    }
}
