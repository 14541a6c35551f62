using Wolverine;
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
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            modules(opts);
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static void MapWolverineApi(this WebApplication app) => app.MapWolverineEndpoints();
}
