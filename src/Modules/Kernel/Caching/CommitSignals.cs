using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace Emulation.Kernel.Caching;

/// <summary>A counter per document type, moved on by every commit that wrote documents of that type. A cached read
/// remembers the counter it started from, so a commit that lands while it reads makes its result stale at once.</summary>
public sealed class CommitSignals
{
    readonly ConcurrentDictionary<Type, long> _generations = new();

    public long Generation(Type type) => _generations.GetValueOrDefault(type);

    public void Signal(Type type) => _generations.AddOrUpdate(type, 1, (_, g) => g + 1);

    /// <summary>Marten calls this after the transaction commits, never before: a reader woken by the signal
    /// can only see the new state.</summary>
    public sealed class Listener(CommitSignals signals) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var type in commit.Inserted.Concat(commit.Updated).Select(d => d.GetType())
                         .Concat(commit.Deleted.Select(d => d.DocumentType)).Distinct())
                signals.Signal(type);
            return Task.CompletedTask;
        }
    }
}
