using Emulation.Monitoring.Following;
using Emulation.Monitoring.Health;
using Emulation.Monitoring.Units;

namespace Emulation.Monitoring.Summary;

/// <summary>One row per followed model for lists and dashboards (ADR 0017): the facts, where the unit lies, the state
/// and the health as evaluated on <see cref="EvaluatedOn"/>. Keyed by the model id (not the stream id), so the
/// Registry's links and the dashboards speak of the same id. Refreshed after every change of the stream and every
/// day (health moves with the calendar); the model's own page evaluates live.</summary>
public sealed class MonitoringSummary
{
    public Guid Id { get; set; }
    public Guid StreamId { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public string Kind { get; set; } = "";
    public Guid UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public Guid? ProvinceId { get; set; }
    public Guid? DistrictId { get; set; }
    public Guid? CommuneId { get; set; }
    public string FieldCode { get; set; } = "";
    public string LevelCode { get; set; } = "";
    public Guid? BoardId { get; set; }
    public Guid? CampaignId { get; set; }
    public string Schedule { get; set; } = "";
    /// <summary>active, paused, discontinued or merged.</summary>
    public string State { get; set; } = "";
    /// <summary>on-track, at-risk, behind, report-overdue, stalled, paused or discontinued.</summary>
    public string Health { get; set; } = "";
    public string HealthLabel { get; set; } = "";
    public string HealthWords { get; set; } = "";
    public DateOnly AcceptedOn { get; set; }
    public DateOnly? LastReportOn { get; set; }
    public string? NextPeriod { get; set; }
    public string? NextPeriodWords { get; set; }
    public DateOnly? NextDueOn { get; set; }
    public int ReportsCount { get; set; }
    public int OverdueDays { get; set; }
    public int OverdueActions { get; set; }
    public bool ResumeRequested { get; set; }
    public DateOnly EvaluatedOn { get; set; }
    public long StreamVersion { get; set; }
    /// <summary>Name, code and unit folded (no diacritics, lower case): "dua mau" finds "Đưa màu xuống ruộng", as in the register.</summary>
    public string SearchText { get; set; } = "";

    public static MonitoringSummary From(FollowedModel m, MonitoringUnitTree tree, DateOnly today, int overdueActions)
    {
        var health = ModelHealth.Evaluate(m, today, overdueActions);
        var (province, district, commune) = tree.Location(m.UnitId);
        return new MonitoringSummary
        {
            Id = m.ModelId, StreamId = m.Id, Name = m.Facts.Name, Code = m.Facts.Code, Kind = m.Facts.Kind,
            UnitId = m.UnitId, UnitName = tree.Name(m.UnitId), ProvinceId = province, DistrictId = district, CommuneId = commune,
            FieldCode = m.Facts.FieldCode, LevelCode = m.Facts.LevelCode, BoardId = tree.FollowingBoard(m), CampaignId = m.Facts.CampaignId,
            Schedule = ScheduleLabels.Code(m.Schedule), State = StateLabels.Code(m.State),
            Health = health.CodeName, HealthLabel = health.Label, HealthWords = health.Words,
            AcceptedOn = m.AcceptedOn, LastReportOn = health.LastReport?.SubmittedAt is { } at ? Kernel.VietnamClock.VietnamDate(at) : null,
            NextPeriod = health.NextPeriod?.Key, NextPeriodWords = health.NextPeriod?.Words, NextDueOn = health.NextPeriod?.Due,
            ReportsCount = m.Standing.Count, OverdueDays = health.OverdueDays, OverdueActions = overdueActions,
            ResumeRequested = m.PendingResume is not null, EvaluatedOn = today, StreamVersion = m.Version,
            SearchText = Kernel.Text.VietnameseText.Fold($"{m.Facts.Name} {m.Facts.Code} {tree.Name(m.UnitId)}")
        };
    }
}
