using System.Collections.Concurrent;

namespace Emulation.Benchmarks;

/// <summary>Latencies in milliseconds, safe to add from many clients.</summary>
public sealed class Samples
{
    readonly ConcurrentBag<double> _values = [];
    public void Add(double ms) => _values.Add(ms);
    public int Count => _values.Count;
    public double P(int percentile)
    {
        var sorted = _values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
    public double Max => _values.IsEmpty ? double.NaN : _values.Max();
    public string Summary => $"p50 {P(50):N1} ms, p95 {P(95):N1} ms, max {Max:N1} ms ({Count:N0} samples)";
}
