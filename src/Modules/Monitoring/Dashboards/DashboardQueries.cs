using Emulation.Kernel.Security;
using Emulation.Monitoring.Health;
using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Summary;
using Marten;
using Marten.Linq.MatchesSql;
using Npgsql;

namespace Emulation.Monitoring.Dashboards;

/// <summary>A figure of a dashboard and the list it stands for.</summary>
public sealed record Bar(string Key, string Label, long Value, string Href);

public sealed record OverdueRow(Guid ModelId, string Name, string UnitName, string Health, string HealthLabel, string Words, int OverdueDays, DateOnly? DueOn);

public sealed record BoardDashboard(long Total, IReadOnlyList<Bar> ByHealth, IReadOnlyList<Bar> ByField, IReadOnlyList<Bar> ByDistrict,
    IReadOnlyList<Bar> ByCommune, Bar NeverReported, Bar Late, IReadOnlyList<OverdueRow> Overdue, IReadOnlyList<Bar> ReportsPerMonth, long OverdueActions);

/// <summary>Which followed models a person's dashboards and lists count (ADR 0019): a board the models it covers, a unit
/// its own (and its subtree's), administrators all. Everyone may still open any accepted model's page.</summary>
public static class DashboardScope
{
    public static IQueryable<MonitoringSummary> Board(IQuerySession session, MonitoringAccess access)
    {
        var query = session.Query<MonitoringSummary>();
        if (access.SeesAll) return query;
        Guid?[] boards = access.Boards.Select(b => (Guid?)b).ToArray();
        var covered = access.BoardUnits.ToArray();
        return query.Where(s => s.BoardId.IsOneOf(boards) && s.UnitId.IsOneOf(covered));
    }

    public static IQueryable<MonitoringSummary> Unit(IQuerySession session, MonitoringAccess access)
    {
        var query = session.Query<MonitoringSummary>();
        if (access.SeesAll) return query;
        var units = access.FullUnits.ToArray();
        return query.Where(s => s.UnitId.IsOneOf(units));
    }

    public static IQueryable<MonitoringSummary> List(IQuerySession session, MonitoringAccess access)
    {
        var query = session.Query<MonitoringSummary>();
        if (access.SeesAll) return query;
        Guid?[] boards = access.Boards.Select(b => (Guid?)b).ToArray();
        var covered = access.BoardUnits.ToArray();
        var units = access.FullUnits.ToArray();
        return query.Where(s => (s.BoardId.IsOneOf(boards) && s.UnitId.IsOneOf(covered)) || s.UnitId.IsOneOf(units));
    }

    public static IQueryable<MonitoringSummary> Filter(IQueryable<MonitoringSummary> query, MonitoringFilter f)
    {
        if (f.Health is { } h) query = query.Where(s => s.Health == h);
        if (f.Field is { } field) query = query.Where(s => s.FieldCode == field);
        if (f.District is { } d) query = query.Where(s => s.DistrictId == d);
        if (f.Commune is { } c) query = query.Where(s => s.CommuneId == c);
        if (f.State is { } state) query = query.Where(s => s.State == state);
        if (f.Reports == "none") query = query.Where(s => s.ReportsCount == 0);
        if (f.Reports == "late") query = query.Where(s => s.OverdueDays > 0);
        if (f.Month is { } month)
            query = query.Where(s => s.MatchesSql(
                $"d.id in (select r.model_id from {MonitoringModule.Schema}.mt_doc_submittedreport r where r.month = ?)", month));
        if (Kernel.Text.VietnameseText.Fold(f.Q) is { Length: > 0 } text)
            query = query.Where(s => s.SearchText.Contains(text));
        return query;
    }
}

public static class DashboardQueries
{
    /// <summary>How many models share one health, field, district and commune, how many of them have no report yet and
    /// how many are late: read from the running tally (<see cref="DashboardTallies"/>), whose key columns are the
    /// summary's own, filtered by the same scope as the list's (<see cref="DashboardScope"/>), so a figure and the list it
    /// links to count the same rows.</summary>
    public sealed record Slice(string Health, string Field, Guid? District, Guid? Commune, long Count, long Never = 0, long Late = 0);

    public enum Scope { Board, Unit }

    public static async Task<IReadOnlyList<Slice>> SlicesAsync(IQuerySession session, MonitoringAccess access, Scope scope, CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "select health, field_code, district_id, commune_id, sum(models)::bigint, sum(never)::bigint, sum(late)::bigint from "
                              + DashboardTallies.SummaryTally + Where(command, access, scope) + " group by 1, 2, 3, 4 having sum(models) <> 0";
        var slices = new List<Slice>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            slices.Add(new Slice(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        return slices;
    }

    /// <summary>The scope of <see cref="DashboardScope.Board"/> and <see cref="DashboardScope.Unit"/> on the tallies' columns.</summary>
    static string Where(NpgsqlCommand command, MonitoringAccess access, Scope scope, string and = "")
    {
        if (access.SeesAll) return and.Length == 0 ? "" : " where " + and;
        string Param(string name, Guid[] ids) { command.Parameters.Add(new NpgsqlParameter(name, ids)); return "@" + name; }
        var filter = scope == Scope.Board
            ? $"board_id = any({Param("boards", access.Boards.ToArray())}) and unit_id = any({Param("covered", access.BoardUnits.ToArray())})"
            : $"unit_id = any({Param("units", access.FullUnits.ToArray())})";
        return " where " + filter + (and.Length == 0 ? "" : " and " + and);
    }

    /// <summary>Reports that came in per month over the last twelve months, for the models of the person's boards (or all),
    /// from the per-month tally of the report rows.</summary>
    public static async Task<IReadOnlyList<(string Month, long Count)>> ReportsPerMonthAsync(IQuerySession session, MonitoringAccess access,
        DateOnly today, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i).ToString("yyyy-MM")).ToList();
        var counts = new Dictionary<string, long>();
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter("months", months.ToArray()));
        command.CommandText = "select month, sum(reports)::bigint from " + DashboardTallies.ReportTally
                              + Where(command, access, Scope.Board, "month = any(@months)") + " group by 1";
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return months.Select(m => (m, counts.GetValueOrDefault(m))).ToList();
    }

    public static async Task<BoardDashboard> BoardAsync(IQuerySession session, MonitoringAccess access, DateOnly today, CancellationToken ct)
    {
        var scoped = DashboardScope.Board(session, access);
        // The tallies and the months are read on connections of their own while the session reads the overdue list and
        // the open actions: four round trips in the time of the longest (ADR 0019).
        var slicesRead = SlicesAsync(session, access, Scope.Board, ct);
        var monthsRead = ReportsPerMonthAsync(session, access, today, ct);
        // The duplicated overdue_days index hands the rows longest overdue first; only the twenty shown are read whole.
        var overdue = (await scoped.Where(s => s.OverdueDays > 0).OrderByDescending(s => s.OverdueDays).ThenBy(s => s.Name).Take(20).ToListAsync(ct))
            .Select(s => new OverdueRow(s.Id, s.Name, s.UnitName, s.Health, s.HealthLabel, s.HealthWords, s.OverdueDays, s.NextDueOn)).ToList();
        var actions = session.Query<OpenAction>().Where(a => a.ClosedAt == null && a.AnsweredOn == null && a.DueOn < today);
        if (!access.SeesAll) { var boards = access.Boards.ToArray(); actions = actions.Where(a => a.BoardId.IsOneOf(boards)); }
        var openActions = await actions.CountAsync(ct);
        var slices = await slicesRead;
        var tree = access.Tree;
        static string Href(MonitoringFilter f) => f.ListHref;
        var none = new MonitoringFilter(null, null, null, null, null, null, null);

        var byHealth = HealthLabels.All.Select(h => (Code: HealthLabels.Code(h), Label: HealthLabels.Label(h)))
            .Select(h => new Bar(h.Code, h.Label, slices.Where(s => s.Health == h.Code).Sum(s => s.Count), Href(none with { Health = h.Code })))
            .Where(b => b.Value > 0).ToList();
        var byField = slices.GroupBy(s => s.Field).Select(g => new Bar(g.Key, StandardFields.Name(g.Key), g.Sum(s => s.Count), Href(none with { Field = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).ToList();
        var byDistrict = slices.Where(s => s.District is not null).GroupBy(s => s.District!.Value)
            .Select(g => new Bar(g.Key.ToString(), tree.Name(g.Key), g.Sum(s => s.Count), Href(none with { District = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).ToList();
        var byCommune = slices.Where(s => s.Commune is not null).GroupBy(s => s.Commune!.Value)
            .Select(g => new Bar(g.Key.ToString(), tree.Name(g.Key), g.Sum(s => s.Count), Href(none with { Commune = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).Take(100).ToList();
        var never = slices.Sum(s => s.Never);
        var late = slices.Sum(s => s.Late);
        var months = (await monthsRead).Select(m => new Bar(m.Month, MonitoringFilter.MonthWords(m.Month), m.Count, Href(none with { Month = m.Month }))).ToList();
        return new BoardDashboard(slices.Sum(s => s.Count), byHealth, byField, byDistrict, byCommune,
            new Bar("none", "Chưa có báo cáo nào", never, Href(none with { Reports = "none" })),
            new Bar("late", "Chậm báo cáo", late, Href(none with { Reports = "late" })), overdue, months, openActions);
    }
}

public sealed record UnitDashboard(int Days, IReadOnlyList<MonitoringSummary> ReportsDue, IReadOnlyList<OpenAction> Actions, IReadOnlyList<Bar> ByHealth,
    IReadOnlyList<MonitoringSummary> Models);

public static class UnitDashboardQueries
{
    public const int ModelsShown = 200;

    /// <summary>What the unit must do: reports due within <paramref name="days"/> days or overdue, open follow-up actions;
    /// and how its models stand.</summary>
    public static async Task<UnitDashboard> UnitAsync(IQuerySession session, MonitoringAccess access, DateOnly today, int days, CancellationToken ct)
    {
        var scoped = DashboardScope.Unit(session, access);
        var horizon = today.AddDays(days);
        var due = await scoped.Where(s => s.State == "active" && s.NextDueOn != null && s.NextDueOn <= horizon)
            .OrderBy(s => s.NextDueOn).Take(ModelsShown).ToListAsync(ct);
        IReadOnlyCollection<Guid>? units = access.SeesAll ? null : access.FullUnits;
        var actions = await InspectionQueries.ActionsAsync(session, units, null, null, ActionFilter.Open, today, ct);
        var slices = await DashboardQueries.SlicesAsync(session, access, DashboardQueries.Scope.Unit, ct);
        var none = new MonitoringFilter(null, null, null, null, null, null, null);
        var byHealth = HealthLabels.All.Select(h => (Code: HealthLabels.Code(h), Label: HealthLabels.Label(h)))
            .Select(h => new Bar(h.Code, h.Label, slices.Where(s => s.Health == h.Code).Sum(s => s.Count), (none with { Health = h.Code }).ListHref))
            .Where(b => b.Value > 0).ToList();
        var models = await scoped.OrderBy(s => s.Name).Take(ModelsShown).ToListAsync(ct);
        return new UnitDashboard(days, due, actions, byHealth, models);
    }
}
