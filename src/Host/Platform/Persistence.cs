using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace Emulation.Host.Platform;

public static class Persistence
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString, IHostEnvironment env)
    {
        services.CritterStackDefaults(x =>
        {
            // Development and tests compile handlers at run time; production loads the code written by
            // `./build.sh codegen` and falls back to run-time compilation only for what is missing (ADR 0004).
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Production.GeneratedCodeMode = TypeLoadMode.Auto;
            x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = "emulation";
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                opts.Events.DatabaseSchemaName = "events";
                // Rich mode: every append knows the stream version, which optimistic concurrency needs (ADR 0003).
                opts.Events.AppendMode = EventAppendMode.Rich;
                // Required with the stock DistributedLock.Postgres behind the HotCold daemon (ADR 0002).
                opts.Events.UseAdvisoryLockTransaction = true;
                opts.Events.MetadataConfig.HeadersEnabled = false;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = "wolverine")
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
