using Emulation.Review.Units;
using Marten;

namespace Emulation.Review.Models;

/// <summary>Keeps <see cref="ReviewedModel"/> from the Registry's feed. A model is copied once it has been sent to its
/// board (the funnel's "registered" counts it, accepted or not); a draft needs no copy here; an older state than the
/// copy holds (a replay, a repeat) changes nothing.</summary>
public static class ModelUpdatedHandler
{
    public static async Task Handle(ModelUpdated e, IDocumentSession session, ReviewUnits units, CancellationToken ct)
    {
        var copy = await session.LoadAsync<ReviewedModel>(e.ModelId, ct);
        if (copy is null && e.Status == ModelStatusCodes.Draft) return;
        if (copy is not null && e.Version <= copy.SourceVersion) return;
        var location = (await units.TreeAsync(ct)).Location(e.UnitId);
        var updated = copy ?? new ReviewedModel { Id = e.ModelId };
        updated.Name = e.Name;
        updated.Code = e.RegistryCode;
        updated.Kind = e.Kind;
        updated.Status = e.Status;
        updated.UnitId = e.UnitId;
        updated.BoardId = e.BoardId;
        updated.CampaignId = e.CampaignId;
        updated.CampaignName = e.CampaignName;
        updated.PeriodId = e.PeriodId;
        updated.FieldCode = e.FieldCode;
        updated.LevelCode = e.LevelCode;
        (updated.ProvinceId, updated.DistrictId, updated.CommuneId) = location;
        updated.SourceVersion = e.Version;
        session.Store(updated);
        if (e.CampaignId is { } campaignId) await KeepCampaign(session, campaignId, e, ct);
    }

    static async Task KeepCampaign(IDocumentSession session, Guid campaignId, ModelUpdated e, CancellationToken ct)
    {
        var campaign = await session.LoadAsync<ReviewCampaign>(campaignId, ct) ?? new ReviewCampaign { Id = campaignId };
        var name = e.CampaignName ?? "";
        if (campaign.Name == name && campaign.BoardId == e.CampaignBoardId && campaign.PeriodIds.Contains(e.PeriodId)) return;
        campaign.Name = name;
        campaign.BoardId = e.CampaignBoardId;
        if (!campaign.PeriodIds.Contains(e.PeriodId)) campaign.PeriodIds.Add(e.PeriodId);
        session.Store(campaign);
    }
}
