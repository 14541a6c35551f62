using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Emulation.Scope;

/// <summary>A module that keeps copies from a feed, under the module's own name (ADR 0011, 0016).</summary>
public sealed record FeedConsumer(Feed Feed, string Consumer)
{
    public string MarkerId => FeedFilled.IdOf(Feed, Consumer);
}

/// <summary>Written once the feed has been relayed from its first event with this consumer listening: its copies
/// then hold everything. A consumer without one is filled by the next start-up (<see cref="FeedCatchUp"/>).</summary>
public sealed record FeedFilled(string Id, string Feed, string Consumer, DateTimeOffset FilledAt, string Node)
{
    public static string IdOf(Feed feed, string consumer) => feed.Name + "/" + consumer;
}

/// <summary>Each time a feed was rewound to fill new consumers: who did it and for whom (at most once per start of
/// a set of unfilled consumers, whatever the number of nodes starting).</summary>
public sealed record FeedRewound(Guid Id, string Feed, string[] Consumers, DateTimeOffset At, string Node);

public static class FeedConsumers
{
    /// <summary>The host's side, once: the marker documents, the replay service and the start-up catch-up.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.TryAddSingleton<Feeds>();
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<FeedFilled>().Identity(f => f.Id);
            opts.Schema.For<FeedRewound>();
        });
        services.AddHostedService<FeedCatchUp>();
        return services;
    }

    /// <summary>The consumer's side, in its <c>AddX</c>: a copy kept from <paramref name="feed"/> under
    /// <paramref name="consumer"/> (the module's name). On a database whose feed ran before this consumer existed,
    /// the next start-up replays the feed once for it.</summary>
    public static IServiceCollection ConsumeFeed(this IServiceCollection services, Feed feed, string consumer)
    {
        services.AddSingleton(new FeedConsumer(feed, consumer));
        return services;
    }
}
