using JasperFx;
using Marten.Exceptions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;

namespace Emulation.Host.Platform;

public static class Messaging
{
    /// <summary>Wolverine: handlers and endpoints found in each module, a transaction around each, and
    /// messages between modules on durable local queues (stored with the outbox, so none is lost).</summary>
    public static WebApplicationBuilder UseMessaging(this WebApplicationBuilder builder, Action<WolverineOptions> modules)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "emulation";
            // Generated handler code belongs to the host, whichever process (tests, benchmark) starts it.
            opts.ApplicationAssembly = typeof(Messaging).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // A copy written by two deliveries at once: the loser runs again and meets the winner's version (ADR 0011).
            // Two modules' copies of one unit are written by one combined handler: both checks fail together, as one AggregateException.
            opts.OnException<ConcurrencyException>().Or<DocumentAlreadyExistsException>()
                .Or<AggregateException>(e => e.InnerExceptions.All(i => i is ConcurrencyException or DocumentAlreadyExistsException))
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
            modules(opts);
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    /// <summary>A query value that does not parse (page=abc, period=not-a-guid) is a 400, not a silent default.</summary>
    public static void MapWolverineApi(this WebApplication app) => app.MapWolverineEndpoints(o => o.RejectUnparseableQueryValues = true);
}
