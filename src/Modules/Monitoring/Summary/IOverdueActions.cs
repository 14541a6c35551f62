using Marten;
using Marten.Services.BatchQuerying;

namespace Emulation.Monitoring.Summary;

/// <summary>Open follow-up actions past their due date, per model id: they count against a model's health (ADR 0017).
/// Inspections implement it; with none registered there are none.</summary>
public interface IOverdueActions
{
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(IQuerySession session, IReadOnlyCollection<Guid> modelIds, DateOnly today, CancellationToken ct);

    /// <summary>One model's count, read in the caller's batch (a model page reads everything it shows in one round trip).</summary>
    Task<long> Count(IBatchedQuery batch, Guid modelId, DateOnly today);
}
