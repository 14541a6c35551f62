using Marten;

namespace Emulation.Scope;

/// <summary>Stores a copy under optimistic concurrency: two deliveries racing on one document cannot both win,
/// the loser is retried (Messaging) and then meets the version check with the winner's state.</summary>
public static class CopyWriter
{
    public static async Task ApplyAsync<TCopy>(IDocumentSession session, Guid id, Func<TCopy, bool> accept, CancellationToken ct = default)
        where TCopy : class, new()
    {
        var existing = await session.LoadAsync<TCopy>(id, ct);
        var copy = existing ?? new TCopy();
        if (!accept(copy)) return;
        if (existing is null) session.Insert(copy);
        else session.Update(copy);
    }

    /// <summary>A copy's table: in the module's schema, versioned so a concurrent write is detected.</summary>
    public static StoreOptions FeedCopy<TCopy>(this StoreOptions opts, string schema)
    {
        opts.Schema.For<TCopy>().DatabaseSchemaName(schema).UseOptimisticConcurrency(true);
        return opts;
    }
}
