using Emulation.Monitoring.Following;

namespace Emulation.Monitoring.Campaigns;

/// <summary>What Monitoring knows of a campaign: its name and board, as the Registry's feed carried them, and the
/// reporting schedule its followed models keep (set in Monitoring by the campaign's board secretary or an administrator).</summary>
public sealed class MonitoredCampaign
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid? BoardId { get; set; }
    public ReportingSchedule Schedule { get; set; } = ReportingSchedule.Quarterly;
    public Guid? ScheduleSetBy { get; set; }
    public DateTimeOffset? ScheduleSetAt { get; set; }
    /// <summary>Counts the schedule's changes: the version a form sends back (409 when another change came first).</summary>
    public long Revision { get; set; } = 1;
}
