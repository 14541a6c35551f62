using Emulation.Monitoring.Campaigns;
using Marten;

namespace Emulation.Monitoring.Following;

/// <summary>Starts following a model when the Registry's feed first shows it accepted, and keeps the facts current as
/// later versions arrive. States older than what the stream already holds are ignored (the feed may repeat or replay).</summary>
public static class FollowModel
{
    public static IReadOnlyList<object> Decide(FollowedModel? followed, ModelUpdated e, ReportingSchedule schedule)
    {
        var facts = Facts(e);
        if (followed is null)
            return e.Accepted ? [new FollowingStarted(e.ModelId, facts, e.AcceptedAt ?? e.At, schedule, e.Version, e.At, ReportsFrom(e))] : [];
        if (e.Version <= followed.SourceVersion || Same(followed.Facts, facts)) return [];
        return [new FollowedFactsChanged(e.ModelId, facts, e.Version, e.At)];
    }

    /// <summary>An acceptance imported from a register owes reports from the import on, not from the register's date
    /// (ADR 0036): a model accepted in 2021 and imported today starts with the current period, not 20 overdue ones.</summary>
    public static DateOnly? ReportsFrom(ModelUpdated e) =>
        e.ImportedAt is { } imported && imported > (e.AcceptedAt ?? e.At) ? Kernel.VietnamClock.VietnamDate(imported) : null;

    public static ModelFacts Facts(ModelUpdated e) => new(
        e.Name, e.RegistryCode, e.Kind, e.UnitId, e.BoardId, e.CampaignId, e.CampaignName, e.PeriodId, e.FieldCode, e.LevelCode,
        e.Targets.Select((t, i) => new FollowedTarget(i + 1, t.Indicator, t.UnitOfMeasure, t.Baseline, t.TargetValue, t.DueDate)).ToList(),
        e.Status);

    static bool Same(ModelFacts a, ModelFacts b) => a with { Targets = [] } == b with { Targets = [] } && a.Targets.SequenceEqual(b.Targets);
}

public static class ModelUpdatedHandler
{
    public static async Task Handle(ModelUpdated e, IDocumentSession session, CancellationToken ct)
    {
        var schedule = ReportingSchedule.Quarterly;
        if (e.CampaignId is { } campaignId)
        {
            var campaign = await session.LoadAsync<MonitoredCampaign>(campaignId, ct);
            if (campaign is null) session.Insert(new MonitoredCampaign { Id = campaignId, Name = e.CampaignName ?? "", BoardId = e.CampaignBoardId });
            else if (campaign.Name != e.CampaignName || campaign.BoardId != e.CampaignBoardId)
            {
                campaign.Name = e.CampaignName ?? "";
                campaign.BoardId = e.CampaignBoardId;
                session.Update(campaign);
            }
            schedule = campaign?.Schedule ?? ReportingSchedule.Quarterly;
        }
        // Nothing to follow until accepted: drafts and dossiers under review need no stream here.
        var id = FollowedModel.StreamFor(e.ModelId);
        if (!e.Accepted && await session.Events.FetchStreamStateAsync(id, ct) is null) return;
        var stream = await session.Events.FetchForWriting<FollowedModel>(id, ct);
        var events = FollowModel.Decide(stream.Aggregate, e, schedule);
        if (events.Count > 0) stream.AppendMany(events);
    }
}
