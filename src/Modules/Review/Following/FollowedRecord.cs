using Emulation.Scope;
using Marten;

namespace Emulation.Review.Following;

/// <summary>Review's copy of a model's monitoring record, kept from Monitoring's feed (ADR 0023): the reports that
/// stand and their evidence (what a self-assessment links to) and the targets' progress (the gate "at least one target
/// measured and reached", the funnel's "reporting"). Keyed by the Registry's model id.</summary>
public sealed class FollowedRecord
{
    public Guid Id { get; set; }
    public string State { get; set; } = FollowStateCodes.Active;
    public List<FollowedReport> Reports { get; set; } = [];
    public List<FollowedEvidence> Evidence { get; set; } = [];
    public List<FollowedTargetProgress> Targets { get; set; } = [];
    public long SourceVersion { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>At least one measurable target has a reading and was reached.</summary>
    public bool TargetReached => Targets.Any(t => t.Met);

    public bool Reporting => Reports.Count > 0;

    /// <summary>Takes the state only when it is newer than what the copy holds (a replay never moves it back).</summary>
    public bool Accept(FollowUpdated e)
    {
        if (e.Version <= SourceVersion) return false;
        Id = e.ModelId;
        State = e.State;
        Reports = [.. e.Reports];
        Evidence = [.. e.Evidence];
        Targets = [.. e.Targets];
        SourceVersion = e.Version;
        At = e.At;
        return true;
    }
}

public static class FollowUpdatedHandler
{
    public static Task Handle(FollowUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<FollowedRecord>(session, e.ModelId, r => r.Accept(e), ct);
}

/// <summary>What Review asks of the monitoring copies.</summary>
public static class FollowedRecords
{
    public static Task<FollowedRecord?> ForAsync(IQuerySession session, Guid modelId, CancellationToken ct = default) =>
        session.LoadAsync<FollowedRecord>(modelId, ct);

    public static async Task<IReadOnlyDictionary<Guid, FollowedRecord>> ForAsync(IQuerySession session, IReadOnlyCollection<Guid> modelIds,
        CancellationToken ct = default) =>
        modelIds.Count == 0 ? new Dictionary<Guid, FollowedRecord>()
            : (await session.LoadManyAsync<FollowedRecord>(ct, modelIds)).ToDictionary(r => r.Id);
}
