using Emulation.Kernel;
using Emulation.Kernel.Scheduling;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Import;
using Emulation.Registry.Models;
using Emulation.Registry.Relay;
using Emulation.Registry.Reminders;
using Emulation.Registry.Seed;
using Emulation.Registry.Units;
using Emulation.Scope;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Wolverine;
using Wolverine.Marten;

namespace Emulation.Registry;

/// <summary>Models and exemplars: campaigns and periods, registration, the board's decisions, search, statistics, reminders.</summary>
public static class RegistryModule
{
    public const string Schema = "registry";

    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Campaign>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<RegistryCatalog>(SnapshotLifecycle.Inline);
            opts.Projections.Add<AcceptedCodeProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ModelSummaryProjection>(ProjectionLifecycle.Async);
            opts.Schema.For<Campaign>().DatabaseSchemaName(Schema);
            opts.Schema.For<RegistryCatalog>().DatabaseSchemaName(Schema);
            opts.Schema.For<AcceptedCode>().DatabaseSchemaName(Schema);
            opts.FeedCopy<RegistryUnit>(Schema).FeedCopy<Recipient>(Schema);
            opts.Schema.For<ModelNameClaim>().DatabaseSchemaName(Schema);
            opts.Schema.For<ModelImportKey>().DatabaseSchemaName(Schema);
            // Two confirmations of one upload: the second finds the batch changed and stores nothing (409).
            opts.Schema.For<ModelImportBatch>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Duplicate(b => b.OwnerId).Duplicate(b => b.UploadedAt);
            opts.Schema.For<Reminder>().DatabaseSchemaName(Schema).Duplicate(r => r.UnitId).Duplicate(r => r.CreatedAt);
            // NameKey has only a trigram index (for near-duplicates): a b-tree there would make "text filter + sort by name"
            // walk the index alphabetically past every non-match; without it PostgreSQL sorts just the matches (docs/performance.md).
            opts.Schema.For<ModelSummary>().DatabaseSchemaName(Schema)
                .Duplicate(s => s.PeriodId).Duplicate(s => s.UnitId).Duplicate(s => s.ProvinceId).Duplicate(s => s.Status)
                .Duplicate(s => s.LevelCode).Duplicate(s => s.FieldCode).Duplicate(s => s.Kind)
                .Duplicate(s => s.RegistryCode).Duplicate(s => s.BoardId).Duplicate(s => s.ReplicatesModelId)
                // The list's default order with every column the list filters on (and the visibility rule reads): a page's ids
                // and the capped count come from this index alone (ADR 0056).
                .Duplicate(s => s.UpdatedAt, configure: i => i.IncludeColumns =
                    ["id", "status", "unit_id", "board_id", "level_code", "field_code", "kind", "period_id", "search_text"])
                .Duplicate(s => s.NameKey, configure: i => { i.Method = IndexMethod.gin; i.Mask = "? gin_trgm_ops"; })
                .Duplicate(s => s.SearchText, configure: i => { i.Method = IndexMethod.gin; i.Mask = "? gin_trgm_ops"; })
                // "Sort by submission date" walks this instead of sorting a third of the register by a JSON field (ADR 0056).
                .Index(s => s.SubmittedAt);

            // Statistics count the register by kind, level, field, status and unit (ModelReports.GroupsAsync): with every
            // column they read in one index, PostgreSQL counts from the index alone instead of reading each model's row
            // (200,000 summaries: 988 → 208 ms, docs/performance.md). A duplicated field's own index takes one column only.
            opts.Policies.ForAllDocuments(m =>
            {
                if (m.DocumentType != typeof(ModelSummary)) return;
                m.Indexes.Add(new DocumentIndex(m, "status", "kind", "level_code", "field_code", "unit_id")
                {
                    Name = "mt_doc_modelsummary_idx_statistics", IncludeColumns = ["board_id"]
                });
                // Officers see every accepted model and their own units' others: the trigram search over the accepted sixth alone
                // lets PostgreSQL look up "text and accepted" and "text and visible" without intersecting the whole register's
                // matches with a status index (7-11 ms against 22-37 ms at 200,000 models, ADR 0056). Marten hands a duplicated
                // field the first index declared on its column, and policies run first: the whole column's index is declared
                // here ahead of the partial one, or the partial one would become the only trigram index of the search text.
                m.Indexes.Add(new DocumentIndex(m, "search_text")
                {
                    Name = "mt_doc_modelsummary_idx_search_text", Method = IndexMethod.gin, Mask = "? gin_trgm_ops"
                });
                m.Indexes.Add(new DocumentIndex(m, "search_text")
                {
                    Name = "mt_doc_modelsummary_idx_accepted_text", Method = IndexMethod.gin, Mask = "? gin_trgm_ops",
                    Predicate = "status = 'Accepted'"
                });
            });
            opts.Storage.Add(new RegisterTallies());
            opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
            var counter = new Table(new PostgresqlObjectName(Schema, "code_counter", SchemaUtils.IdentifierUsage.General));
            counter.AddColumn<string>("key").AsPrimaryKey();
            counter.AddColumn<int>("last").NotNull();
            opts.Storage.ExtendedSchemaObjects.Add(counter);
        });

        services.SubscribeToEvents(new RegistryFeed());
        services.SubscribeToEvents(new Catalog.CatalogFeed());
        services.Configure<ReminderOptions>(configuration.GetSection("Registry:Reminders"));
        var cron = configuration["Registry:Reminders:Cron"] ?? new ReminderOptions().Cron;
        services.AddSingleton(new RecurringTrigger("registry-reminders", cron, () => new SendRegistryReminders()));
        services.AddSingleton(new RecurringTrigger("registry-tallies", configuration["Registry:Tallies:Cron"] ?? "* * * * *", () => new CompactRegisterTallies()));

        services.ConsumeFeed(Feed.Directory, "registry");
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<CheckedUploads>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<IModulePages, RegistryPages>();
        services.AddSingleton<IHomeFigures, RegistryFigures>();
        services.AddScoped<Emulation.Kernel.Web.Inbox.INoticeSource, RegistryNotices>();
        services.AddSingleton<IDemoSeed, RegistryDemoSeed>();
        services.AddSingleton(new NavItem("/mo-hinh", "Mô hình, điển hình", 20, u => u.IsAuthenticated));
        services.AddSingleton(new NavItem("/mo-hinh/dang-ky", "Đăng ký mới", 21, u => u.Has(Roles.Officer)));
        services.AddSingleton(new NavItem("/mo-hinh/cho-duyet", "Hồ sơ chờ Ban xem xét", 22, u => u.Has(Roles.BoardMember) || u.Has(Roles.BoardSecretary)));
        services.AddSingleton(new NavItem("/mo-hinh/nhap-excel", "Nhập từ Excel", 24, ModelImportRules.MayImport));
        services.AddSingleton(new NavItem("/mo-hinh/thong-ke", "Thống kê", 23, u => u.IsAuthenticated));
        services.AddSingleton(new NavItem("/quan-tri/dot-thi-dua", "Đợt thi đua", 70, Campaigns.Campaigns.CanManage));
        services.AddSingleton(new NavItem("/quan-tri/danh-muc", "Danh mục", 71, u => u.IsAdmin));
        return services;
    }

    public static WolverineOptions UseRegistry(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(RegistryModule).Assembly);
        opts.PublishFeed(Feed.Registry);
        opts.PublishFeed(Feed.Catalog);
        return opts;
    }
}
