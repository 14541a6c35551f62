using System.Globalization;
using System.Text.RegularExpressions;

namespace Emulation.Review.Decisions;

/// <summary>Someone at the meeting, as the minutes name them: "Nguyễn Văn A, Phó Trưởng Ban Dân vận Tỉnh ủy".</summary>
public sealed record MeetingPerson(string Name, string? Position)
{
    public override string ToString() => Position is null ? Name : $"{Name}, {Position}";
}

/// <summary>The review meeting (họp xét) as the minutes need it. Times are "HH:mm" in Vietnam time, as spoken.</summary>
public sealed record Meeting(string? Number, DateOnly Date, string Start, string End, string Place, MeetingPerson Chair, MeetingPerson Secretary,
    IReadOnlyList<MeetingPerson> Present, IReadOnlyList<MeetingPerson> Absent, string Conclusion);

/// <summary>Pure reading of what the secretary types about the meeting.</summary>
public static partial class MeetingRules
{
    public const int MaxLine = 300, MaxPeople = 200, MaxPlace = 500, MaxConclusion = 4000, MaxNumber = 50;

    /// <summary>"8:00", "08:00", "8h", "8h30", "8 giờ 30" or "8 giờ 30 phút" as "08:00"/"08:30"; null when it is no time of day.</summary>
    public static string? Time(string? text)
    {
        var m = TimePattern().Match(Kernel.Text.VietnameseText.Nfc(text).Trim().ToLower(CultureInfo.GetCultureInfo("vi-VN")));
        if (!m.Success) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? $"{hour:00}:{minute:00}" : null;
    }

    /// <summary>"08:30" as the minutes say it: "8 giờ 30 phút" (or "8 giờ" on the hour).</summary>
    public static string Spoken(string time)
    {
        var parts = time.Split(':');
        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return minute == 0 ? $"{hour} giờ" : $"{hour} giờ {minute:00} phút";
    }

    /// <summary>One line per person, the name before the first comma and the position after it; blank lines dropped.</summary>
    public static IReadOnlyList<MeetingPerson> People(IEnumerable<string?>? lines) =>
        (lines ?? []).Select(l => Kernel.Text.VietnameseText.NfcOrNull(l)).OfType<string>().Select(Person).OfType<MeetingPerson>().ToList();

    public static MeetingPerson? Person(string? line)
    {
        var text = Kernel.Text.VietnameseText.NfcOrNull(line);
        if (text is null) return null;
        var comma = text.IndexOf(',');
        var name = (comma < 0 ? text : text[..comma]).Trim();
        var position = comma < 0 ? null : Kernel.Text.VietnameseText.NfcOrNull(text[(comma + 1)..]);
        return name.Length == 0 ? null : new MeetingPerson(name, position);
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})\s*(?::|h|g|giờ)\s*(?:(?<m>\d{1,2})\s*(?:phút|p|')?)?$")]
    private static partial Regex TimePattern();
}
