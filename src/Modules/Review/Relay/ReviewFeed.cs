using Emulation.Review.Decisions;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Emulation.Scope;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Emulation.Review.Relay;

/// <summary>Relays committed changes of rounds and of their boards' decisions, in the event store's order, as each round's
/// proposal list (ADR 0028). A round touched by a page is published once, from its two inline snapshots as committed; the
/// version is the sum of the two streams' versions, so it grows with every event of either and a consumer keeps the
/// newest state whatever order replays and retries deliver them in.</summary>
public sealed class ReviewFeed : BatchSubscription
{
    static readonly Type[] Types =
    [
        typeof(RoundCreated), typeof(RoundOpened), typeof(ScoringStarted), typeof(DeliberationStarted), typeof(RoundClosed),
        typeof(RoundDatesExtended), typeof(DecisionsStarted), typeof(DecisionRulesSet), typeof(ModelDecided)
    ];

    public ReviewFeed() : base(Feed.Review.Name)
    {
        foreach (var type in Types) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        var touched = page.Events.OrderBy(e => e.Sequence).Select(e => RoundOf(e.Data)).OfType<Guid>().Distinct().ToList();
        if (touched.Count == 0) return;
        var rounds = (await operations.LoadManyAsync<Round>(ct, touched)).ToDictionary(r => r.Id);
        var decisions = (await operations.LoadManyAsync<RoundDecisions>(ct, touched.Select(RoundDecisions.StreamFor).ToArray()))
            .ToDictionary(d => d.RoundId);
        var modelIds = decisions.Values.SelectMany(d => d.Decisions).Where(d => d.Outcome == Outcome.Proposed).Select(d => d.ModelId).Distinct().ToArray();
        var models = modelIds.Length == 0 ? [] : (await operations.LoadManyAsync<ReviewedModel>(ct, modelIds)).ToDictionary(m => m.Id);
        var units = (await operations.Query<ReviewUnit>().ToListAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        var last = page.Events.Max(e => e.Timestamp);
        foreach (var id in touched)
        {
            if (!rounds.TryGetValue(id, out var round)) continue;
            await bus.PublishAsync(ProposalFeedMapping.ToIntegrationEvent(round, decisions.GetValueOrDefault(id), models, units, last));
        }
    }

    static Guid? RoundOf(object data) => data switch
    {
        RoundCreated e => e.RoundId, RoundOpened e => e.RoundId, ScoringStarted e => e.RoundId, DeliberationStarted e => e.RoundId,
        RoundClosed e => e.RoundId, RoundDatesExtended e => e.RoundId, DecisionsStarted e => e.RoundId, DecisionRulesSet e => e.RoundId,
        ModelDecided e => e.RoundId, _ => null
    };
}

public static class ProposalFeedMapping
{
    /// <summary>Pure: the proposal list a consumer receives. A model or a collective exemplar is commended through its unit
    /// (the collective); an individual exemplar is registered as "Name, position", the person being the recipient.</summary>
    public static RoundProposalsUpdated ToIntegrationEvent(Round round, RoundDecisions? decisions, IReadOnlyDictionary<Guid, ReviewedModel> models,
        IReadOnlyDictionary<Guid, string> units, DateTimeOffset at)
    {
        var proposals = new List<ProposedRecipient>();
        foreach (var d in (decisions?.Decisions ?? []).Where(d => d.Outcome == Outcome.Proposed && d.Level is not null))
        {
            var covered = round.Model(d.ModelId);
            if (covered is null) continue;
            var unitName = units.GetValueOrDefault(covered.UnitId) ?? "";
            var individual = models.GetValueOrDefault(d.ModelId)?.Kind == ModelKindCodes.IndividualExemplar;
            var (name, position) = individual ? Person(covered.Name) : (unitName, (string?)null);
            proposals.Add(new ProposedRecipient(d.ModelId, covered.Code, covered.Name,
                individual ? RecipientKinds.Individual : RecipientKinds.Collective, name, position, covered.UnitId, unitName, d.Level!,
                Achievement(covered.Name, individual, d.Note), d.At));
        }
        var closed = round.Steps.LastOrDefault(s => s.To == RoundState.Closed);
        return new RoundProposalsUpdated(round.Id, round.Name, Kind(round.Kind), round.CampaignId, round.CampaignName, round.PeriodId, round.BoardId,
            round.State == RoundState.Closed, round.State == RoundState.Closed ? closed?.At : null,
            proposals.OrderBy(p => p.DecidedAt).ToList(), round.Version + (decisions?.Version ?? 0), at,
            (decisions?.Decisions ?? []).Select(d => new ModelOutcome(d.ModelId, Code(d.Outcome), d.Level, d.At)).ToList());
    }

    public static (string Name, string? Position) Person(string registered)
    {
        var comma = registered.IndexOf(',');
        return comma <= 0 ? (registered.Trim(), null) : (registered[..comma].Trim(), registered[(comma + 1)..].Trim() is { Length: > 0 } p ? p : null);
    }

    /// <summary>The board's note when it wrote one; otherwise the standing sentence of a commendation for the round.</summary>
    static string Achievement(string modelName, bool individual, string? note)
    {
        var standing = individual
            ? "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”"
            : $"Đã có thành tích xuất sắc với mô hình “{modelName}” trong phong trào thi đua “Dân vận khéo”";
        return string.IsNullOrWhiteSpace(note) ? standing : $"{standing}: {note.Trim().TrimEnd('.')}";
    }

    public static string Code(Outcome outcome) => outcome switch
    {
        Outcome.NotRecognised => OutcomeCodes.NotRecognised,
        Outcome.Recognised => OutcomeCodes.Recognised,
        Outcome.Outstanding => OutcomeCodes.Outstanding,
        Outcome.Proposed => OutcomeCodes.Proposed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null)
    };

    public static string Kind(RoundKind kind) => kind switch
    {
        RoundKind.Yearly => "yearly",
        RoundKind.Midterm => "midterm",
        RoundKind.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null)
    };
}
