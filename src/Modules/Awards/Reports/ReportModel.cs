using Marten;

namespace Emulation.Awards.Reports;

/// <summary>Awards' copy of a registered model for the sơ kết / tổng kết report, kept from the Registry's feed (ADR 0033).
/// Flat, with the columns the report reads duplicated, so a campaign of 200,000 models is read as rows, not documents.</summary>
public sealed class ReportModel
{
    public Guid Id { get; set; }
    public string? Code { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid PeriodId { get; set; }
    public string FieldCode { get; set; } = "";
    public string LevelCode { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? ReplicatesModelId { get; set; }
    public long SourceVersion { get; set; }

    public bool Accept(ModelUpdated e)
    {
        if (e.Version <= SourceVersion) return false;
        Id = e.ModelId;
        Code = e.RegistryCode;
        Name = e.Name;
        Kind = e.Kind;
        Status = e.Status;
        UnitId = e.UnitId;
        CampaignId = e.CampaignId;
        PeriodId = e.PeriodId;
        FieldCode = e.FieldCode;
        LevelCode = e.LevelCode;
        SubmittedAt = e.SubmittedAt?.ToUniversalTime();
        AcceptedAt = e.AcceptedAt?.ToUniversalTime();
        ReplicatesModelId = e.ReplicatesModelId;
        SourceVersion = e.Version;
        return true;
    }
}

/// <summary>A campaign and its periods as the models name them: what the report's form offers.</summary>
public sealed class ReportCampaign
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid? BoardId { get; set; }
    public List<ReportPeriod> Periods { get; set; } = [];
}

public sealed record ReportPeriod(Guid Id, string Name);

public static class ReportModelHandler
{
    /// <summary>Drafts are copied too (the report counts nothing before submission, but a draft submitted later needs no
    /// special case); an older state than the copy holds changes nothing.</summary>
    public static async Task Handle(ModelUpdated e, IDocumentSession session, CancellationToken ct)
    {
        await Scope.CopyWriter.ApplyAsync<ReportModel>(session, e.ModelId, m => m.Accept(e), ct);
        if (e.CampaignId is not { } campaignId) return;
        var campaign = await session.LoadAsync<ReportCampaign>(campaignId, ct);
        var name = e.CampaignName ?? "";
        var period = new ReportPeriod(e.PeriodId, e.PeriodName ?? "");
        if (campaign is not null && campaign.Name == name && campaign.BoardId == e.CampaignBoardId && campaign.Periods.Contains(period)) return;
        campaign ??= new ReportCampaign { Id = campaignId };
        campaign.Name = name;
        campaign.BoardId = e.CampaignBoardId;
        campaign.Periods = [.. campaign.Periods.Where(p => p.Id != e.PeriodId), period];
        session.Store(campaign);
    }
}
