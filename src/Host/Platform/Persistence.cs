using Emulation.Kernel.Caching;
using Emulation.Scope;
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
        // Development and tests compile handlers at run time. Production loads the handlers compiled in by
        // `./build.sh publish` (codegen write); a build without them compiles at run time instead (ADR 0004).
        var pregenerated = typeof(Persistence).Assembly.GetType("Internal.Generated.WolverineHandlers.GeneratedHttpEndpointRegistry") is not null;
        services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Production.GeneratedCodeMode = pregenerated ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
            x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        var signals = new CommitSignals();
        services.AddSingleton(signals);
        services.AddMemoryCache();
        services.AddFeeds();

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
                // Look for new events every 100 ms when busy, 250 ms when quiet: lists trail writes by well under a second.
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                // Caches of documents are dropped after a commit that wrote them, never before (ADR 0012).
                opts.Listeners.Add(new CommitSignals.Listener(signals));
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = "wolverine")
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
