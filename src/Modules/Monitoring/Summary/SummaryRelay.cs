using Emulation.Monitoring.Following;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Monitoring.Summary;

/// <summary>Refreshes the summary of every followed stream a page of committed events touched, in the daemon's
/// transaction (so a summary is neither skipped nor written twice for one position). A subscription rather than a
/// projection: the summary also needs the unit tree, the calendar and the inspections, which a fold cannot see.</summary>
public sealed class SummaryRelay : BatchSubscription
{
    public const string Name = "monitoring-summary";
    readonly SummaryWriter _writer;

    public SummaryRelay(SummaryWriter writer) : base(Name)
    {
        _writer = writer;
        FilterIncomingEventsOnStreamType(typeof(FollowedModel));
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct) =>
        await _writer.RefreshAsync(operations, page.Events.Select(e => e.StreamId).Distinct().ToList(), ct);
}
