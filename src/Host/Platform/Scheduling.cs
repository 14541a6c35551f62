using Emulation.Kernel.Scheduling;
using Emulation.Kernel.Security;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Wolverine;

namespace Emulation.Host.Platform;

/// <summary>Hangfire keeps the calendar (periodic jobs, retries, the dashboard); the work itself is a Wolverine
/// message, so it runs with the same transactions, outbox and handlers as everything else.</summary>
public static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, string connectionString)
    {
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(500)
            }));
        services.AddHangfireServer(o => o.WorkerCount = 2);
        services.AddTransient<TriggerJob>();
        services.AddSingleton(new Emulation.Kernel.Web.NavItem("/hangfire", "Tác vụ định kỳ", 90, u => u.IsAdmin));
        return services;
    }

    public static void UseScheduling(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnly()],
            DashboardTitle = "Lịch tác vụ định kỳ",
            AppPath = "/"
        });
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var trigger in app.Services.GetServices<RecurringTrigger>())
            jobs.AddOrUpdate<TriggerJob>(trigger.Id, j => j.Fire(trigger.Id), trigger.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }

    sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => CurrentUser.From(context.GetHttpContext().User).IsAdmin;
    }
}

/// <summary>The only thing a Hangfire job does: publish the trigger's message to Wolverine.</summary>
public sealed class TriggerJob(IServiceProvider services, IEnumerable<RecurringTrigger> triggers)
{
    public async Task Fire(string id)
    {
        var trigger = triggers.FirstOrDefault(t => t.Id == id);
        if (trigger is null) return;
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(trigger.Message());
    }
}
