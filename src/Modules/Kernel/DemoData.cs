namespace Emulation.Kernel;

/// <summary>A module's demo data, seeded once by `./build.sh run` (and by the test host) in ascending order.</summary>
public interface IDemoSeed
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

public static class Demo
{
    /// <summary>Every demo account uses this password; `./build.sh run` prints it.</summary>
    public const string Password = "DanVanKheo2025";
}
