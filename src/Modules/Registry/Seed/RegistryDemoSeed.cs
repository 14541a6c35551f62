using Emulation.Kernel;

namespace Emulation.Registry.Seed;

public sealed class RegistryDemoSeed : IDemoSeed
{
    public int Order => 20;
    public Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
