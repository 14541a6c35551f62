using Emulation.Monitoring.Following;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Monitoring.Summary;

/// <summary>Refreshes the summary of every followed stream a page of committed events touched, in the daemon's
/// transaction (so a summary is neither skipped nor written twice for one position). A subscription rather than a
/// projection: the summary also needs the unit tree, the calendar and the inspections, which a fold cannot see.</summary>
public sealed class SummaryRelay : BatchSubscription
{
    public const string Name = "monitoring-summary";
    readonly IServiceProvider _services;

    /// <summary>The writer is resolved on use: it reads through the document store, which is still being built when
    /// Marten creates its subscriptions.</summary>
    public SummaryRelay(IServiceProvider services) : base(Name)
    {
        _services = services;
        FilterIncomingEventsOnStreamType(typeof(FollowedModel));
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct) =>
        await _services.GetRequiredService<SummaryWriter>().RefreshAsync(operations, page.Events.Select(e => e.StreamId).Distinct().ToList(), ct);
}
