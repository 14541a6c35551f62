using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.Awards;

/// <summary>Awards (issue 9): forms of commendation and who signs them, award decisions drafted from Review's proposal
/// lists, gold-book numbers, certificates that print true and a verification anyone can run. Fed by Review's feed,
/// never by its tables.</summary>
public static class AwardsModule
{
    public const string Schema = "awards";

    public static IServiceCollection AddAwards(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WolverineOptions UseAwards(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(AwardsModule).Assembly);
        return opts;
    }
}
