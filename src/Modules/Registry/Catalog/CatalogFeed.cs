using Emulation.Scope;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Registry.Catalog;

/// <summary>Relays the catalog's levels, in the event store's order, as <see cref="LevelsUpdated"/> (ADR 0063): the
/// Directory keeps the levels a board may cover from it. A page with catalog events publishes the catalog as stored
/// (an inline snapshot), with its stream version, once.</summary>
public sealed class CatalogFeed : BatchSubscription
{
    public CatalogFeed() : base(Feed.Catalog.Name)
    {
        foreach (var type in new[] { typeof(CatalogStarted), typeof(CatalogEntryAdded), typeof(CatalogEntryRenamed), typeof(CatalogEntryDeactivated), typeof(CatalogEntryReactivated) })
            IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        if (page.Events.Count == 0) return;
        if (await operations.LoadAsync<RegistryCatalog>(RegistryCatalog.StreamId, ct) is not { } catalog) return;
        await bus.PublishAsync(new LevelsUpdated(catalog.Levels.Select(l => new CatalogLevel(l.Code, l.Name, l.Active)).ToList(), catalog.Version,
            page.Events.Max(e => e.Timestamp)));
    }
}
