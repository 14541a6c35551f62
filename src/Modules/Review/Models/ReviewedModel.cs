namespace Emulation.Review.Models;

/// <summary>Review's copy of a registered model, kept from the Registry's feed (<see cref="ModelUpdated"/>): what a round
/// needs to know which models it covers and to show them, and how many were registered (the funnel's first stage).
/// Written once the model is first seen sent to its board; later states (an acceptance, a withdrawal, a move) keep it
/// current. Never read from the Registry's tables.</summary>
public sealed class ReviewedModel
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>One of <see cref="ModelStatusCodes"/>: a round covers only <c>accepted</c> models.</summary>
    public string Status { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? BoardId { get; set; }
    public Guid? CampaignId { get; set; }
    public string? CampaignName { get; set; }
    public Guid PeriodId { get; set; }
    public string FieldCode { get; set; } = "";
    public string LevelCode { get; set; } = "";
    public Guid? ProvinceId { get; set; }
    public Guid? DistrictId { get; set; }
    public Guid? CommuneId { get; set; }
    public long SourceVersion { get; set; }

    public bool Accepted => Status == ModelStatusCodes.Accepted;
}

/// <summary>A campaign as seen through the feed (its name and board travel with each model): the round form's choices.</summary>
public sealed class ReviewCampaign
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid? BoardId { get; set; }
    public List<Guid> PeriodIds { get; set; } = [];
}
