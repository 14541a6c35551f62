using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Wolverine.Util;

namespace Emulation.Scope;

/// <summary>The feeds modules publish from their event stores (ADR 0011): how far each has been relayed, and how to
/// relay one again from the start to fill a copy that is new or was deleted.</summary>
public sealed class Feeds(IDocumentStore store, IProjectionCoordinator coordinator)
{
    /// <summary>Waits until every event committed before the call has been relayed by the feed and every message it
    /// relayed has been handled: the copies then hold what the source held when this was called.</summary>
    public async Task<bool> WaitUntilCopiedAsync(Feed feed, TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var target = await store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        while (clock.Elapsed < timeout)
        {
            if (await RelayedAsync(feed, ct) >= target && await WaitingAsync(feed, ct) == 0) return true;
            await Task.Delay(50, ct);
        }
        return false;
    }

    /// <summary>Relays the feed again from its first event. Copies keep what they hold (the version check ignores
    /// what they already have) and fill what they miss.</summary>
    /// <remarks>Only on the node that runs the feed's subscription: elsewhere the daemon would start a second copy
    /// of the subscription next to the leader's.</remarks>
    public async Task ReplayAsync(Feed feed, CancellationToken ct = default)
    {
        if (!RunsHere(feed)) throw new InvalidOperationException($"{feed} is relayed by another node; replay it there.");
        await coordinator.DaemonForMainDatabase().RewindSubscriptionAsync(feed.Name, ct, sequenceFloor: 0);
    }

    /// <summary>Whether this node's daemon holds the feed's subscription (HotCold: one node at a time).</summary>
    public bool RunsHere(Feed feed) =>
        coordinator.DaemonForMainDatabase().CurrentAgents().Any(a => a.Name.Name == feed.Name && a.Status == AgentStatus.Running);

    /// <summary>The last event sequence the feed has relayed; 0 when it has relayed nothing yet.</summary>
    public Task<long> PositionAsync(Feed feed, CancellationToken ct = default) => RelayedAsync(feed, ct);

    /// <summary><see cref="PositionAsync"/> of several feeds from one read of the daemon's progress.</summary>
    public async Task<Dictionary<Feed, long>> PositionsAsync(IEnumerable<Feed> feeds, CancellationToken ct = default)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return feeds.Distinct().ToDictionary(f => f, f => Relayed(progress, f));
    }

    async Task<long> RelayedAsync(Feed feed, CancellationToken ct) => Relayed(await store.Advanced.AllProjectionProgress(token: ct), feed);

    static long Relayed(IEnumerable<JasperFx.Events.Projections.ShardState> progress, Feed feed) =>
        progress.Where(p => p.ShardName.StartsWith(feed.Name + ":", StringComparison.Ordinal)).Select(p => p.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>Read from the inbox table rather than the queue: the subscription stores its messages there in the
    /// transaction that moves its position, and an in-memory count would miss another node's and those not yet
    /// picked up (Wolverine's schema is set in Host/Platform/Persistence.cs).</summary>
    async Task<long> WaitingAsync(Feed feed, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select count(*) from wolverine.wolverine_incoming_envelopes where message_type = any(@types) and status <> 'Handled'", connection);
        command.Parameters.AddWithValue("types", feed.Messages.Select(t => t.ToMessageTypeName()).ToArray());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
