using Emulation.Kernel.Scheduling;
using Emulation.Kernel.Web;
using Emulation.Kernel.Web.Inbox;
using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Reminders;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Monitoring;

/// <summary>The board's side of monitoring (ADR 0019): inspections and their follow-up actions, reminders and
/// escalation, the dashboards. Registered by <see cref="MonitoringModule.AddMonitoring"/>.</summary>
public static class OversightSetup
{
    public static IServiceCollection AddOversight(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Inspection>(SnapshotLifecycle.Inline);
            opts.Projections.Add<OpenActionProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Inspection>().DatabaseSchemaName(MonitoringModule.Schema).Duplicate(i => i.BoardId).Duplicate(i => i.PlannedOn);
            opts.Schema.For<OpenAction>().DatabaseSchemaName(MonitoringModule.Schema)
                .Duplicate(a => a.UnitId).Duplicate(a => a.ModelId).Duplicate(a => a.BoardId).Duplicate(a => a.DueOn);
            opts.Schema.For<MonitoringNotice>().DatabaseSchemaName(MonitoringModule.Schema).Duplicate(n => n.UnitId).Duplicate(n => n.CreatedAt);
        });

        services.Configure<MonitoringReminderOptions>(configuration.GetSection("Monitoring:Reminders"));
        var cron = configuration["Monitoring:Reminders:Cron"] ?? new MonitoringReminderOptions().Cron;
        services.AddSingleton(new RecurringTrigger("monitoring-reminders", cron, () => new SendMonitoringReminders()));
        services.AddScoped<INoticeSource, MonitoringNotices>();
        services.AddSingleton<InspectionAccess>();
        return services;
    }
}
