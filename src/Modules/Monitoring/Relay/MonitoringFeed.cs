using Emulation.Kernel;
using Emulation.Monitoring.Evidence;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Health;
using Emulation.Scope;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Monitoring.Relay;

/// <summary>Relays committed changes of followed models, in the event store's order, as the states Review builds on
/// (ADR 0023). Like the Registry's feed, each stream a page touched is published once, folded up to the page's last
/// event of that stream and carrying that version; the evidence list is read in the same transaction as the events.</summary>
public sealed class MonitoringFeed : BatchSubscription
{
    public MonitoringFeed() : base(Feed.Monitoring.Name)
    {
        FilterIncomingEventsOnStreamType(typeof(FollowedModel));
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        var streams = page.Events.GroupBy(e => e.StreamId).Select(g => g.Last()).OrderBy(e => e.Sequence).ToList();
        var models = new List<(FollowedModel Model, DateTimeOffset At)>();
        foreach (var e in streams)
            if (await operations.Events.AggregateStreamAsync<FollowedModel>(e.StreamId, e.Version, token: ct) is { } model) models.Add((model, e.Timestamp));
        // One read of the page's evidence, not one per model.
        var ids = models.Where(m => m.Model.Standing.Count > 0).Select(m => m.Model.ModelId).ToArray();
        var files = (ids.Length == 0 ? [] : await operations.Query<EvidenceFile>().Where(f => f.ModelId.IsOneOf(ids)).ToListAsync(ct)).ToLookup(f => f.ModelId);
        foreach (var (model, at) in models)
            await bus.PublishAsync(FollowFeedMapping.ToIntegrationEvent(model, files[model.ModelId], at));
    }
}

public static class FollowFeedMapping
{
    /// <summary>Pure: the state a consumer receives. Progress is judged on the day of the change (Vietnam time), so a
    /// replay publishes the same figures.</summary>
    public static FollowUpdated ToIntegrationEvent(FollowedModel m, IEnumerable<EvidenceFile> files, DateTimeOffset at)
    {
        var standing = m.Standing.OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.SubmittedAt).ToList();
        var ids = standing.Select(r => r.Id).ToHashSet();
        var day = at.VietnamDate();
        var readings = standing.SelectMany(r => r.Readings).ToList();
        return new FollowUpdated(m.ModelId, State(m.State),
            standing.Select(r => new FollowedReport(r.Id, r.Period, ReportingPeriod.TryParse(r.Period, out var p) ? p.Words : r.Period, r.SubmittedAt ?? r.SavedAt)).ToList(),
            files.Where(f => ids.Contains(f.ReportId)).OrderBy(f => f.At)
                .Select(f => new FollowedEvidence(f.Id, f.ReportId, f.FileName, f.ContentType, f.Size)).ToList(),
            m.Facts.Targets.Where(t => t.Measurable)
                .Select(t => TargetProgress.Of(t, readings, day, m.AcceptedOn))
                .Select(p => new FollowedTargetProgress(p.Target.No, p.Target.Indicator, p.Percent, p.Met)).ToList(),
            m.Version, at);
    }

    public static string State(FollowState s) => s switch
    {
        FollowState.Active => FollowStateCodes.Active,
        FollowState.Paused => FollowStateCodes.Paused,
        FollowState.Discontinued => FollowStateCodes.Discontinued,
        FollowState.Merged => FollowStateCodes.Merged,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null)
    };
}
