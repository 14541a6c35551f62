using Emulation.Monitoring.Summary;
using Marten;
using Marten.Services.BatchQuerying;

namespace Emulation.Monitoring.Inspections;

/// <summary>Follow-up actions past due, unanswered and open count against a model's health (ADR 0019): the summary
/// asks for them through <see cref="IOverdueActions"/> whenever it is evaluated.</summary>
public sealed class OverdueInspectionActions : IOverdueActions
{
    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IQuerySession session, IReadOnlyCollection<Guid> modelIds, DateOnly today, CancellationToken ct)
    {
        if (modelIds.Count == 0) return new Dictionary<Guid, int>();
        var ids = modelIds.ToArray();
        var late = await session.Query<OpenAction>()
            .Where(a => a.ModelId.IsOneOf(ids) && a.ClosedAt == null && a.AnsweredOn == null && a.DueOn < today)
            .Select(a => a.ModelId).ToListAsync(ct);
        return late.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
    }

    public Task<long> Count(IBatchedQuery batch, Guid modelId, DateOnly today) =>
        batch.Query<OpenAction>().Where(a => a.ModelId == modelId && a.ClosedAt == null && a.AnsweredOn == null && a.DueOn < today).Count();
}

/// <summary>Sent after a step changed follow-up actions (recorded, answered, closed), once that step has committed: the
/// models' summaries are evaluated again with the new count. Cascaded through the outbox, so it runs after the
/// projection has written the actions.</summary>
public sealed record FollowUpActionsChanged(IReadOnlyList<Guid> ModelIds);

public static class FollowUpActionsChangedHandler
{
    public static Task Handle(FollowUpActionsChanged message, IDocumentSession session, SummaryWriter writer, CancellationToken ct) =>
        writer.RefreshModelsAsync(session, message.ModelIds, ct);
}
