using System.Globalization;

namespace Emulation.Monitoring.Following;

/// <summary>How often a campaign's followed models report; quarterly unless the campaign's board says otherwise.</summary>
public enum ReportingSchedule { Quarterly, HalfYearly, Yearly }

/// <summary>One reporting period: a quarter ("2026-Q3"), a half year ("2026-H2") or a year ("2026-N"). A report for
/// it is due <see cref="GraceDays"/> days after it ends.</summary>
public readonly record struct ReportingPeriod(ReportingSchedule Schedule, int Year, int Number)
{
    public const int GraceDays = 15;

    int Months => Schedule switch { ReportingSchedule.Quarterly => 3, ReportingSchedule.HalfYearly => 6, _ => 12 };

    public DateOnly Start => new(Year, (Number - 1) * Months + 1, 1);
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);
    public DateOnly Due => End.AddDays(GraceDays);

    public string Key => Schedule switch
    {
        ReportingSchedule.Quarterly => $"{Year}-Q{Number}",
        ReportingSchedule.HalfYearly => $"{Year}-H{Number}",
        _ => $"{Year}-N"
    };

    /// <summary>As written in a Vietnamese report: "quý 3/2026", "6 tháng đầu năm 2026", "năm 2026".</summary>
    public string Words => Schedule switch
    {
        ReportingSchedule.Quarterly => $"quý {Number}/{Year}",
        ReportingSchedule.HalfYearly => Number == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        _ => $"năm {Year}"
    };

    public ReportingPeriod Next() => Number * Months >= 12 ? this with { Year = Year + 1, Number = 1 } : this with { Number = Number + 1 };

    public bool Overlaps(ReportingPeriod other) => Start <= other.End && other.Start <= End;

    public static ReportingPeriod Containing(ReportingSchedule schedule, DateOnly day) => schedule switch
    {
        ReportingSchedule.Quarterly => new(schedule, day.Year, (day.Month - 1) / 3 + 1),
        ReportingSchedule.HalfYearly => new(schedule, day.Year, day.Month <= 6 ? 1 : 2),
        _ => new(schedule, day.Year, 1)
    };

    public static bool TryParse(string? key, out ReportingPeriod period)
    {
        period = default;
        if (key is null || key.Length < 6 || key[4] != '-' ||
            !int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100) return false;
        var rest = key[5..].ToUpperInvariant();
        if (rest == "N") { period = new(ReportingSchedule.Yearly, year, 1); return true; }
        if (rest.Length != 2 || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        (ReportingSchedule Schedule, int Max)? kind = rest[0] switch
        {
            'Q' => (ReportingSchedule.Quarterly, 4),
            'H' => (ReportingSchedule.HalfYearly, 2),
            _ => null
        };
        if (kind is null || number < 1 || number > kind.Value.Max) return false;
        period = new(kind.Value.Schedule, year, number);
        return true;
    }

    /// <summary>The periods a model followed since <paramref name="from"/> must report on by <paramref name="today"/>:
    /// from the one containing the acceptance to the last whose due date has passed.</summary>
    public static IEnumerable<ReportingPeriod> DueBy(ReportingSchedule schedule, DateOnly from, DateOnly today)
    {
        for (var p = Containing(schedule, from); p.Due < today; p = p.Next()) yield return p;
    }

    /// <summary>The periods a report may be written for: started after the acceptance's period began and not in the future.</summary>
    public static IEnumerable<ReportingPeriod> Open(ReportingSchedule schedule, DateOnly from, DateOnly today)
    {
        for (var p = Containing(schedule, from); p.Start <= today; p = p.Next()) yield return p;
    }

    public override string ToString() => Key;
}

public static class ScheduleLabels
{
    public static string Code(ReportingSchedule s) => s switch
    {
        ReportingSchedule.Quarterly => "quarterly", ReportingSchedule.HalfYearly => "half-yearly", _ => "yearly"
    };

    public static string Words(ReportingSchedule s) => s switch
    {
        ReportingSchedule.Quarterly => "Hằng quý", ReportingSchedule.HalfYearly => "6 tháng một lần", _ => "Hằng năm"
    };
}
