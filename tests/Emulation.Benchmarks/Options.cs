using System.Globalization;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench [--models 200000] [--seconds 20] [--clients 16] [--readers 8] [--directory 1300]; ./build.sh bench --recovery [--rounds 5]</summary>
public sealed record Options(int Models, int Seconds, int Clients, int Readers, int Directory, int Rounds)
{
    public static Options Parse(string[] a)
    {
        int Get(string name, int fallback) =>
            Array.IndexOf(a, name) is var i and >= 0 && i + 1 < a.Length ? int.Parse(a[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new Options(Get("--models", 200_000), Get("--seconds", 20), Get("--clients", 16), Get("--readers", 8), Get("--directory", 1_300), Get("--rounds", 5));
    }
}
