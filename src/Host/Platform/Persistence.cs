using Emulation.Kernel.Caching;
using Emulation.Kernel.Mail;
using Emulation.Scope;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
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
                opts.Connection(WithAutoPrepare(WithDeadClientDetection(connectionString)));
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
                // A standby node tries the daemon's lock every second (default 5 s): a takeover after a crash waits at
                // most that long once the dead session is gone (ADR 0016). One cheap query per second per node.
                opts.Projections.LeadershipPollingTime = 1000;
                // Caches of documents are dropped after a commit that wrote them, never before (ADR 0012).
                opts.Listeners.Add(new CommitSignals.Listener(signals));
                // One table of mail intents for every module, keyed by the notice's id (ADR 0007).
                opts.Schema.For<MailIntent>();
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = "wolverine")
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }

    /// <summary>Marten sends the same few statements over and over (an event's insert, a stream's, a snapshot's upsert, a
    /// read by id); an automatic assignment sends each thousands of times in one commit. Npgsql prepares a statement on a
    /// connection once it has seen it five times, so the server stops parsing and planning it again (ADR 0071). A
    /// connection string that sets its own limit keeps it.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0 || connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    /// <summary>The async daemon's and Wolverine's leadership locks are held by sessions parked in <c>pg_sleep</c>. A
    /// backend running a query does not read its socket, so after a <c>kill -9</c> of the node it kept the lock until
    /// the sleep ended and no other node could take over for 33-57 s (ADR 0016). These session settings make the server
    /// look for a vanished client every second even mid-query, and probe a silent one (a dead machine sends no FIN)
    /// with TCP keepalives and a send timeout. All are ordinary per-session settings (PostgreSQL 14 or later).</summary>
    public static string WithDeadClientDetection(string connectionString)
    {
        const string Detection = "-c client_connection_check_interval=1000 -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 " +
                                 "-c tcp_keepalives_count=3 -c tcp_user_timeout=10000";
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("client_connection_check_interval") == true) return connectionString;
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? Detection : builder.Options + " " + Detection;
        return builder.ConnectionString;
    }
}
