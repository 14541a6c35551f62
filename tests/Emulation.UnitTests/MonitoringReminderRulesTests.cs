using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Reminders;

namespace Emulation.UnitTests;

/// <summary>Which reminders a day calls for: N days before a deadline the unit, after it the unit, M days later the board.</summary>
public sealed class MonitoringReminderRulesTests
{
    static readonly MonitoringReminderOptions Options = new() { DaysBeforeDue = 7, EscalateAfterDays = 14 };
    static readonly DateOnly Due = new(2026, 10, 15);
    static readonly Guid Unit = Guid.NewGuid(), Board = Guid.NewGuid();
    static readonly ReportDeadline Report = new(Guid.NewGuid(), "Cán bộ tìm dân", Unit, Board, "quý 3/2026", Due);

    static List<MonitoringNotice> On(DateOnly day) =>
        ReminderRules.ForReports([Report], day, Options, DateTimeOffset.UnixEpoch, id => $"/x/{id}").ToList();

    [Fact]
    public void A_report_reminds_the_unit_before_and_after_its_due_date_and_escalates_to_the_board()
    {
        Assert.Empty(On(Due.AddDays(-8)));
        var soon = Assert.Single(On(Due.AddDays(-7)));
        Assert.Equal((Roles.Officer, Unit, Keys.ReportDue(Report.ModelId, Due)), (soon.Role, soon.UnitId, soon.Id));
        Assert.Contains("còn 7 ngày", soon.Body);
        Assert.Equal(Keys.ReportDue(Report.ModelId, Due), Assert.Single(On(Due)).Id);
        var late = Assert.Single(On(Due.AddDays(1)));
        Assert.Equal(Keys.ReportOverdue(Report.ModelId, Due), late.Id);
        Assert.Single(On(Due.AddDays(13)));
        var escalated = On(Due.AddDays(14));
        Assert.Equal(2, escalated.Count);
        var board = Assert.Single(escalated, n => n.Role == Roles.BoardSecretary);
        Assert.Equal((Board, Keys.ReportEscalated(Report.ModelId, Due)), (board.UnitId, board.Id));
        Assert.Contains("quá hạn 14 ngày", board.Body);
        // The same deadline always gives the same ids: a later run stores nothing new.
        Assert.Equal(escalated.Select(n => n.Id), On(Due.AddDays(30)).Select(n => n.Id));
    }

    [Fact]
    public void An_action_reminds_its_unit_until_answered_or_closed()
    {
        var action = new OpenAction(Guid.NewGuid(), Guid.NewGuid(), Board, InspectionKind.Inspection, Due.AddDays(-30), Report.ModelId, Unit,
            "Cán bộ tìm dân", "Bổ sung sổ theo dõi", Due, null, null, null);
        List<MonitoringNotice> Day(OpenAction a, DateOnly day) => ReminderRules.ForActions([a], day, Options, DateTimeOffset.UnixEpoch).ToList();
        Assert.Empty(Day(action, Due.AddDays(-8)));
        Assert.Equal(Keys.ActionDue(action.Id, Due), Assert.Single(Day(action, Due.AddDays(-2))).Id);
        var late = Assert.Single(Day(action, Due.AddDays(3)));
        Assert.Equal((Roles.Officer, Unit, Keys.ActionOverdue(action.Id, Due)), (late.Role, late.UnitId, late.Id));
        Assert.Empty(Day(action with { AnsweredOn = Due }, Due.AddDays(3)));
        Assert.Empty(Day(action with { ClosedAt = DateTimeOffset.UnixEpoch }, Due.AddDays(3)));
    }
}
