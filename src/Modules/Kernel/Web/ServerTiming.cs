using System.Diagnostics;
using System.Globalization;

namespace Emulation.Kernel.Web;

/// <summary>How long each stage of a slow request took, sent back as a <c>Server-Timing</c> header (browsers' developer
/// tools and the benchmarks read it). A stage marked several times (one per batch) adds up.</summary>
public sealed class ServerTiming
{
    readonly List<(string Name, double Ms)> _marks = [];
    long _since = Stopwatch.GetTimestamp();

    public void Start() => _since = Stopwatch.GetTimestamp();

    public void Mark(string name)
    {
        var ms = Stopwatch.GetElapsedTime(_since).TotalMilliseconds;
        var i = _marks.FindIndex(m => m.Name == name);
        if (i >= 0) _marks[i] = (name, _marks[i].Ms + ms);
        else _marks.Add((name, ms));
        _since = Stopwatch.GetTimestamp();
    }

    public string Header => string.Join(", ", _marks.Select(m => $"{m.Name};dur={m.Ms.ToString("0.0", CultureInfo.InvariantCulture)}"));
}
