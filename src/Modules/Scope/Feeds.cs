using Emulation.Contracts;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Wolverine.Util;

namespace Emulation.Scope;

/// <summary>The feeds modules publish from their event stores (ADR 0011): how far each has been relayed, and how to
/// relay one again from the start to fill a copy that is new or was deleted.</summary>
public sealed class Feeds(IDocumentStore store, IProjectionCoordinator coordinator)
{
    /// <summary>The Directory's units and people (<c>UnitUpdated</c>, <c>PersonUpdated</c>).</summary>
    public const string Directory = "directory-feed";

    /// <summary>The local queue the Directory feed is delivered on, one message after the other.</summary>
    public const string DirectoryQueue = "directory-feed";

    static readonly string[] DirectoryMessages = [typeof(UnitUpdated).ToMessageTypeName(), typeof(PersonUpdated).ToMessageTypeName()];

    /// <summary>Waits until every event committed before the call has been relayed by the feed and every message it
    /// relayed has been handled: the copies then hold what the source held when this was called.</summary>
    public async Task<bool> WaitUntilCopiedAsync(string feed, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var target = await store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        while (DateTime.UtcNow < deadline)
        {
            if (await RelayedAsync(feed, ct) >= target && await WaitingAsync(ct) == 0) return true;
            await Task.Delay(50, ct);
        }
        return false;
    }

    /// <summary>Relays the feed again from its first event. Copies keep what they hold (the version check ignores
    /// what they already have) and fill what they miss.</summary>
    public async Task ReplayAsync(string feed, CancellationToken ct = default)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        await daemon.RewindSubscriptionAsync(feed, ct, sequenceFloor: 0);
    }

    async Task<long> RelayedAsync(string feed, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.Where(p => p.ShardName.StartsWith(feed + ":", StringComparison.Ordinal)).Select(p => p.Sequence).DefaultIfEmpty(0).Max();
    }

    async Task<long> WaitingAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select count(*) from wolverine.wolverine_incoming_envelopes where message_type = any(@types) and status <> 'Handled'", connection);
        command.Parameters.AddWithValue("types", DirectoryMessages);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
