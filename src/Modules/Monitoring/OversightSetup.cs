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
            opts.Projections.Add<Dashboards.SubmittedReportProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Dashboards.SubmittedReport>().DatabaseSchemaName(MonitoringModule.Schema)
                .Duplicate(r => r.At).Duplicate(r => r.Month).Duplicate(r => r.BoardId).Duplicate(r => r.UnitId).Duplicate(r => r.ModelId);
            opts.Schema.For<Inspection>().DatabaseSchemaName(MonitoringModule.Schema).Duplicate(i => i.BoardId).Duplicate(i => i.PlannedOn);
            opts.Schema.For<OpenAction>().DatabaseSchemaName(MonitoringModule.Schema)
                .Duplicate(a => a.UnitId).Duplicate(a => a.ModelId).Duplicate(a => a.BoardId).Duplicate(a => a.DueOn);
            opts.Schema.For<MonitoringNotice>().DatabaseSchemaName(MonitoringModule.Schema).Duplicate(n => n.UnitId).Duplicate(n => n.CreatedAt);
            opts.Storage.Add(new Dashboards.DashboardTallies());
        });

        services.Configure<MonitoringReminderOptions>(configuration.GetSection("Monitoring:Reminders"));
        var cron = configuration["Monitoring:Reminders:Cron"] ?? new MonitoringReminderOptions().Cron;
        services.AddSingleton(new RecurringTrigger("monitoring-reminders", cron, () => new SendMonitoringReminders()));
        services.AddScoped<INoticeSource, MonitoringNotices>();
        services.AddSingleton<InspectionAccess>();
        services.AddSingleton<Summary.IOverdueActions, OverdueInspectionActions>();
        services.AddSingleton<IModulePages, OversightPages>();
        services.AddSingleton<Kernel.IDemoSeed, InspectionDemoSeed>();
        static bool Board(Kernel.Security.CurrentUser u) => u.IsAdmin || u.Has(Roles.BoardMember) || u.Has(Roles.BoardSecretary);
        services.AddSingleton(new NavItem("/theo-doi/tong-quan", "Tổng quan theo dõi", 30, Board));
        services.AddSingleton(new NavItem("/theo-doi/don-vi", "Việc của đơn vị", 31, u => u.Has(Roles.Officer) || u.Has(Roles.Approver)));
        services.AddSingleton(new NavItem("/theo-doi/danh-sach", "Theo dõi mô hình", 32, u => u.IsAuthenticated, ["/theo-doi/"]));
        services.AddSingleton(new NavItem("/theo-doi/kiem-tra", "Kiểm tra, giám sát", 33, Board, ["/theo-doi/viec-sau-kiem-tra"]));
        return services;
    }
}
