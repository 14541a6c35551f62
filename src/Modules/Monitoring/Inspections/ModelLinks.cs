namespace Emulation.Monitoring.Inspections;

/// <summary>Where a followed model's page is, for links from inspections, reminders and dashboards.</summary>
public static class ModelLinks
{
    public static string Href(Guid modelId) => $"/theo-doi/{modelId}";
}
