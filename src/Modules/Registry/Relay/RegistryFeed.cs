using Emulation.Registry.Campaigns;
using Emulation.Registry.Models;
using Emulation.Scope;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Registry.Relay;

/// <summary>Relays committed model events, in the event store's order, as the states other modules follow models from
/// (ADR 0011, ADR 0017). Each stream a page touched is published once, folded by Marten up to the page's last event of
/// that stream and carrying that version, so a consumer applies states by version and never needs the events between.</summary>
public sealed class RegistryFeed : BatchSubscription
{
    static readonly Type[] Types =
    [
        typeof(ModelDrafted), typeof(ModelEdited), typeof(ModelSubmitted), typeof(ModelAccepted),
        typeof(ModelReturned), typeof(ModelRejected), typeof(ModelWithdrawn)
    ];

    public RegistryFeed() : base(Feed.Registry.Name)
    {
        foreach (var type in Types) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        var streams = page.Events.GroupBy(e => e.StreamId).Select(g => g.Last()).OrderBy(e => e.Sequence).ToList();
        if (streams.Count == 0) return;
        var campaigns = await operations.Query<Campaign>().ToListAsync(ct);
        foreach (var e in streams)
        {
            var model = await operations.Events.AggregateStreamAsync<Model>(e.StreamId, e.Version, token: ct);
            if (model is null) continue;
            var campaign = campaigns.FirstOrDefault(c => c.Periods.Any(p => p.Id == model.Details.PeriodId));
            await bus.PublishAsync(model.ToIntegrationEvent(campaign, e.Timestamp));
        }
    }
}

public static class ModelFeedMapping
{
    public static ModelUpdated ToIntegrationEvent(this Model m, Campaign? campaign, DateTimeOffset at) => new(
        m.Id, m.RegistryCode, m.Details.Name, Kind(m.Details.Kind), Status(m.Status),
        m.UnitId, m.BoardId, campaign?.Id, campaign?.Name, campaign?.BoardId, m.Details.PeriodId,
        m.Details.FieldCode, m.Details.LevelCode,
        m.Details.Targets.Select(t => new ModelTarget(t.Indicator, t.UnitOfMeasure, t.Baseline, t.TargetValue, t.DueDate)).ToList(),
        m.Status == ModelStatus.Accepted ? m.DecidedAt : null, m.Version, at, m.SubmittedAt, m.Details.ReplicatesModelId,
        campaign?.Periods.FirstOrDefault(p => p.Id == m.Details.PeriodId)?.Name, m.ImportedAt);

    public static string Status(ModelStatus s) => s switch
    {
        ModelStatus.Draft => ModelStatusCodes.Draft,
        ModelStatus.Submitted => ModelStatusCodes.Submitted,
        ModelStatus.Accepted => ModelStatusCodes.Accepted,
        ModelStatus.Returned => ModelStatusCodes.Returned,
        ModelStatus.Rejected => ModelStatusCodes.Rejected,
        ModelStatus.Withdrawn => ModelStatusCodes.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null)
    };

    public static string Kind(ModelKind k) => k switch
    {
        ModelKind.Model => ModelKindCodes.Model,
        ModelKind.CollectiveExemplar => ModelKindCodes.CollectiveExemplar,
        ModelKind.IndividualExemplar => ModelKindCodes.IndividualExemplar,
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, null)
    };
}
