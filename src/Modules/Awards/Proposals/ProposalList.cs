using Emulation.Scope;
using Marten;

namespace Emulation.Awards.Proposals;

/// <summary>Awards' copy of a review round's proposal list, kept from Review's feed (<see cref="RoundProposalsUpdated"/>,
/// ADR 0028). A decision is drafted only from a published list (the round closed) and only with its recipients.</summary>
public sealed class ProposalList
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid CampaignId { get; set; }
    public string CampaignName { get; set; } = "";
    public Guid PeriodId { get; set; }
    public Guid BoardId { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<ProposedRecipient> Proposals { get; set; } = [];
    /// <summary>Every decision of the board in the round (not only proposals), for the sơ kết report's recognised and
    /// outstanding counts.</summary>
    public List<ModelOutcome> Outcomes { get; set; } = [];
    public long SourceVersion { get; set; }

    public bool Accept(RoundProposalsUpdated e)
    {
        if (e.Version <= SourceVersion) return false;
        Id = e.RoundId;
        Name = e.Name;
        Kind = e.Kind;
        CampaignId = e.CampaignId;
        CampaignName = e.CampaignName;
        PeriodId = e.PeriodId;
        BoardId = e.BoardId;
        Published = e.Published;
        PublishedAt = e.PublishedAt;
        Proposals = e.Proposals.ToList();
        Outcomes = e.Outcomes?.ToList() ?? [];
        SourceVersion = e.Version;
        return true;
    }

    public ProposedRecipient? Proposal(Guid modelId) => Proposals.FirstOrDefault(p => p.ModelId == modelId);

    public string KindLabel => Kind switch { "midterm" => "Sơ kết", "final" => "Tổng kết", _ => "Hằng năm" };
}

public static class RoundProposalsUpdatedHandler
{
    public static Task Handle(RoundProposalsUpdated e, IDocumentSession session, CancellationToken ct) =>
        CopyWriter.ApplyAsync<ProposalList>(session, e.RoundId, p => p.Accept(e), ct);
}
