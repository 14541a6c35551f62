using Emulation.Contracts;
using Wolverine;

namespace Emulation.Scope;

/// <summary>A feed a module publishes from its event store (ADR 0011): the subscription's name, which is also the
/// local queue it is delivered on, and the integration events it carries.</summary>
public sealed record Feed(string Name, IReadOnlyList<Type> Messages)
{
    public static readonly Feed Directory = new("directory-feed", [typeof(UnitUpdated), typeof(PersonUpdated)]);

    /// <summary>The Registry's models, as states by stream version (ADR 0017).</summary>
    public static readonly Feed Registry = new("registry-feed", [typeof(ModelUpdated)]);

    /// <summary>Monitoring's followed models: reports that stand, evidence, target progress (ADR 0023).</summary>
    public static readonly Feed Monitoring = new("monitoring-feed", [typeof(FollowUpdated)]);

    /// <summary>The Registry catalog's levels: the levels a board may cover (ADR 0063).</summary>
    public static readonly Feed Catalog = new("catalog-feed", [typeof(LevelsUpdated)]);

    /// <summary>Review's rounds and the recipients their boards proposed for commendation (ADR 0028).</summary>
    public static readonly Feed Review = new("review-feed", [typeof(RoundProposalsUpdated)]);

    public override string ToString() => Name;
}

public static class FeedRouting
{
    /// <summary>The publisher's side: every message of the feed on one durable local queue, one at a time, in the
    /// order the subscription relayed them.</summary>
    public static WolverineOptions PublishFeed(this WolverineOptions opts, Feed feed)
    {
        opts.Publish(rule =>
        {
            foreach (var type in feed.Messages) rule.Message(type);
            rule.ToLocalQueue(feed.Name);
        });
        opts.LocalQueue(feed.Name).Sequential();
        return opts;
    }
}
