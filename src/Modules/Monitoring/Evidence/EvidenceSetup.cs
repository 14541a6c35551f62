using Emulation.Monitoring.Evidence.Storage;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Emulation.Monitoring.Evidence;

public static class EvidenceSetup
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.Section));
        services.AddSingleton<IEvidenceStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            return options.Store.ToLowerInvariant() switch
            {
                "postgres" => new PostgresEvidenceStore(NpgsqlDataSource.Create(sp.GetRequiredService<IConfiguration>().GetConnectionString("Emulation")!)),
                "files" when !string.IsNullOrWhiteSpace(options.Directory) => new FileEvidenceStore(Path.GetFullPath(options.Directory)),
                "files" => throw new InvalidOperationException("Monitoring:Evidence:Store is 'files' but Monitoring:Evidence:Directory is not set."),
                var other => throw new InvalidOperationException($"Monitoring:Evidence:Store '{other}' is unknown: use 'postgres' or 'files'.")
            };
        });
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<EvidenceFileProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<EvidenceFile>().DatabaseSchemaName(MonitoringModule.Schema).Duplicate(f => f.ReportId).Duplicate(f => f.ModelId);
            var chunks = new Table(new PostgresqlObjectName(MonitoringModule.Schema, "evidence_chunk", SchemaUtils.IdentifierUsage.General));
            chunks.AddColumn<Guid>("blob_id").AsPrimaryKey();
            chunks.AddColumn<int>("seq").AsPrimaryKey();
            chunks.AddColumn("data", "bytea").NotNull();
            opts.Storage.ExtendedSchemaObjects.Add(chunks);
        });
        return services;
    }
}
