using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.Registry;

public static class RegistryModule
{
    public const string Schema = "registry";

    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WolverineOptions UseRegistry(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(RegistryModule).Assembly);
        return opts;
    }
}
