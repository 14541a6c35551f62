using Emulation.Review.Following;

namespace Emulation.Review.SelfAssessment;

/// <summary>The reports and files of a model's monitoring record a self-assessment may link to, as the form offers them.</summary>
public static class LinkChoices
{
    public static IReadOnlyList<(string Value, string Text)> Of(FollowedRecord? record) => record is null ? []
        : [.. record.Reports.OrderByDescending(r => r.SubmittedAt).Select(r => (r.ReportId.ToString(), "Báo cáo tiến độ " + r.PeriodWords)),
           .. record.Evidence.Select(e => (e.FileId.ToString(), "Minh chứng: " + e.FileName))];

    /// <summary>Where a link opens: an evidence file downloads from Monitoring; a report is read on the model's monitoring page.</summary>
    public static string? Href(Guid model, EvidenceLink link) => link switch
    {
        { Id: { } id, Kind: "evidence" } => $"/api/monitoring/evidence/{id}",
        { Id: not null, Kind: "report" } => $"/theo-doi/{model}",
        _ => null
    };
}
