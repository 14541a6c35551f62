using Emulation.Kernel.Scheduling;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Campaigns;
using Emulation.Monitoring.Evidence;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Summary;
using Emulation.Monitoring.Units;
using Emulation.Scope;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Emulation.Monitoring;

/// <summary>Accepted models followed against their targets: progress reports with evidence, health, the state at any
/// date, inspections, reminders and dashboards (issue 7). Fed by the Registry's feed, never by its tables.</summary>
public static class MonitoringModule
{
    public const string Schema = "monitoring";

    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<FollowedModel>(SnapshotLifecycle.Inline);
            // Merging names the target by its registry code (MergeModel): found by an index, not a scan of every followed model.
            opts.Schema.For<FollowedModel>().DatabaseSchemaName(Schema).Index(f => f.Facts.Code!);
            opts.FeedCopy<MonitoringUnit>(Schema).FeedCopy<MonitoringPerson>(Schema);
            opts.Schema.For<MonitoredCampaign>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            opts.Schema.For<MonitoringSummary>().DatabaseSchemaName(Schema)
                .Duplicate(s => s.UnitId).Duplicate(s => s.ProvinceId).Duplicate(s => s.DistrictId).Duplicate(s => s.CommuneId)
                .Duplicate(s => s.FieldCode).Duplicate(s => s.LevelCode).Duplicate(s => s.BoardId).Duplicate(s => s.CampaignId)
                .Duplicate(s => s.State).Duplicate(s => s.Health).Duplicate(s => s.NextDueOn).Duplicate(s => s.EvaluatedOn)
                // The dashboards' tallies count these, and the overdue list and the monitoring list sort on them (ADR 0019).
                .Duplicate(s => s.ReportsCount).Duplicate(s => s.Name)
                // Partial: a whole-table index on it would tempt the planner to walk every row in that order for the list's
                // "overdue longest, then by name" under a filter (measured 2.2 s against 0.5 s, docs/performance.md).
                .Duplicate(s => s.OverdueDays, configure: i => i.Predicate = "overdue_days > 0");
        });
        services.ConsumeFeed(Feed.Directory, "monitoring").ConsumeFeed(Feed.Registry, "monitoring");
        services.AddSingleton<MonitoringUnits>();
        services.AddSingleton<SummaryWriter>();
        services.AddSingleton<IModulePages, MonitoringPages>();
        services.AddSingleton<Kernel.IDemoSeed, Seed.MonitoringDemoSeed>();
        services.AddSingleton(new NavItem("/theo-doi/lich-bao-cao", "Lịch báo cáo tiến độ", 72,
            u => u.IsAdmin || u.Has(Roles.BoardSecretary)));
        services.SubscribeToEventsWithServices<SummaryRelay>(ServiceLifetime.Singleton);
        services.SubscribeToEvents(new Relay.MonitoringFeed());
        var cron = configuration["Monitoring:Summaries:Cron"] ?? "5 * * * *";
        services.AddSingleton(new RecurringTrigger("monitoring-summaries", cron, () => new RefreshSummaries()));
        services.AddEvidence(configuration);
        services.AddOversight(configuration);
        return services;
    }

    public static WolverineOptions UseMonitoring(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(MonitoringModule).Assembly);
        opts.PublishFeed(Feed.Monitoring);
        return opts;
    }
}
