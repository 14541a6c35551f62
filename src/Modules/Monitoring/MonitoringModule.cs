using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.Monitoring;

/// <summary>Accepted models followed against their targets: progress reports with evidence, health, the state at any
/// date, inspections, reminders and dashboards (issue 7). Fed by the Registry's feed, never by its tables.</summary>
public static class MonitoringModule
{
    public const string Schema = "monitoring";

    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOversight(configuration);
        return services;
    }

    public static WolverineOptions UseMonitoring(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(MonitoringModule).Assembly);
        return opts;
    }
}
