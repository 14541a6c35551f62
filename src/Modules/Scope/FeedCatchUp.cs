using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Emulation.Scope;

/// <summary>Fills the copies of consumers that have never been filled (ADR 0016): the node that runs a feed's
/// subscription rewinds it once for all of them and marks them filled when the relay has caught up. Other nodes
/// keep checking, so whichever node holds or later takes the subscription does it. An advisory lock per feed and a
/// second look at the markers under it make two nodes starting together rewind once.</summary>
public sealed class FeedCatchUp(IEnumerable<FeedConsumer> consumers, Feeds feeds, IDocumentStore store, TimeProvider clock,
    ILogger<FeedCatchUp> log) : BackgroundService
{
    static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(30);
    static readonly string Node = Environment.MachineName + ":" + Environment.ProcessId;

    // Where each feed stood before this node's daemon started (its hosted service starts after this one). Whatever the
    // daemon relays from then on reaches this process's consumers; only what was relayed before needs a rewind. Read
    // later, a first start that seeds at once could find the feed already moved and rewind for nothing.
    readonly Dictionary<Feed, long> _before = [];

    public override async Task StartAsync(CancellationToken ct)
    {
        try
        {
            foreach (var (feed, position) in await feeds.PositionsAsync(consumers.Select(c => c.Feed), ct)) _before[feed] = position;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Not known (the database not ready yet): judged by the position when the feed is filled, as before.
            log.LogInformation(e, "The feeds' positions before start-up could not be read");
        }
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var pending = consumers.GroupBy(c => c.Feed).ToDictionary(g => g.Key, g => g.ToList());
        while (pending.Count > 0)
        {
            foreach (var (feed, list) in pending.ToList())
            {
                try
                {
                    if (await TryFillAsync(feed, list, ct)) pending.Remove(feed);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "Filling the consumers of {Feed} failed; trying again", feed);
                }
            }
            if (pending.Count > 0) await Task.Delay(Retry, clock, ct);
        }
    }

    async Task<bool> TryFillAsync(Feed feed, IReadOnlyList<FeedConsumer> list, CancellationToken ct)
    {
        if ((await UnfilledAsync(list, ct)).Count == 0) return true;
        if (!feeds.RunsHere(feed)) return false;

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var key = LockKey(feed);
        if (!await LockAsync(connection, "select pg_try_advisory_lock(@key)", key, ct)) return false;
        try
        {
            var unfilled = await UnfilledAsync(list, ct);
            if (unfilled.Count == 0) return true;
            // A feed that had relayed nothing before this node started relays everything to these consumers anyway.
            if ((_before.TryGetValue(feed, out var before) ? before : await feeds.PositionAsync(feed, ct)) > 0)
            {
                await feeds.ReplayAsync(feed, ct);
                await RecordAsync(session => session.Insert(new FeedRewound(Guid.NewGuid(), feed.Name,
                    unfilled.Select(c => c.Consumer).ToArray(), clock.GetUtcNow(), Node)), ct);
                log.LogInformation("Feed {Feed} rewound to fill {Consumers}", feed, string.Join(", ", unfilled.Select(c => c.Consumer)));
            }
            if (!await feeds.WaitUntilCopiedAsync(feed, CatchUpLimit, ct)) return false;
            await RecordAsync(session =>
            {
                foreach (var c in unfilled) session.Store(new FeedFilled(c.MarkerId, feed.Name, c.Consumer, clock.GetUtcNow(), Node));
            }, ct);
            return true;
        }
        finally
        {
            await LockAsync(connection, "select pg_advisory_unlock(@key)", key, CancellationToken.None);
        }
    }

    async Task<List<FeedConsumer>> UnfilledAsync(IReadOnlyList<FeedConsumer> list, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var filled = (await session.LoadManyAsync<FeedFilled>(ct, list.Select(c => c.MarkerId).ToArray())).Select(f => f.Id).ToHashSet();
        return list.Where(c => !filled.Contains(c.MarkerId)).ToList();
    }

    async Task RecordAsync(Action<IDocumentSession> write, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        write(session);
        await session.SaveChangesAsync(ct);
    }

    static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, long key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Stable across processes and versions (string.GetHashCode is not).</summary>
    static long LockKey(Feed feed) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("feed-catch-up:" + feed.Name)));
}
