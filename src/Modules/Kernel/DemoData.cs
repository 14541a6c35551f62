namespace Emulation.Kernel;

/// <summary>A module's demo data, seeded once by `./build.sh run` (and by the test host) in ascending order.</summary>
public interface IDemoSeed
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}
