using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Scope;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Directory.Relay;

/// <summary>Relays committed unit and person events, in the event store's order, as the integration events other
/// modules keep their copies from (ADR 0011). Each stream touched by a page is published once, as the state Marten
/// folded, carrying that state's stream version; the outbox stores the messages in the same transaction as the
/// subscription's position, so a message is neither lost nor relayed twice for one position.</summary>
public sealed class DirectoryFeed : BatchSubscription
{
    public DirectoryFeed() : base(Feed.Directory.Name)
    {
        foreach (var type in UnitEvents.Types.Concat(PersonEvents.Types)) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        var streams = page.Events.GroupBy(e => e.StreamId).Select(g => g.Last()).OrderBy(e => e.Sequence).ToList();
        var ids = streams.Select(e => e.StreamId).ToArray();
        var units = (await operations.LoadManyAsync<Unit>(ct, ids)).ToDictionary(u => u.Id);
        var people = (await operations.LoadManyAsync<Person>(ct, ids)).ToDictionary(p => p.Id);
        foreach (var e in streams)
        {
            if (units.TryGetValue(e.StreamId, out var unit)) await bus.PublishAsync(unit.ToIntegrationEvent(e.Timestamp));
            else if (people.TryGetValue(e.StreamId, out var person)) await bus.PublishAsync(person.ToIntegrationEvent(e.Timestamp));
        }
    }
}
