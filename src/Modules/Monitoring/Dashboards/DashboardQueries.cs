using Emulation.Kernel.Security;
using Emulation.Monitoring.Health;
using Emulation.Monitoring.Inspections;
using Emulation.Monitoring.Summary;
using Marten;
using Marten.Linq;
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
        if (Inspections.InspectionSteps.Clean(f.Q) is { } text)
            query = query.Where(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || s.Code == text || s.UnitName.Contains(text, StringComparison.OrdinalIgnoreCase));
        return query;
    }
}

public static class DashboardQueries
{
    /// <summary>How many models share one health, field, district and commune: one GROUP BY over Marten's own SQL for the
    /// scope, so a dashboard and the list behind each of its figures cannot disagree (the Registry's statistics do the same).</summary>
    public sealed record Slice(string Health, string Field, Guid? District, Guid? Commune, long Count);

    public static async Task<IReadOnlyList<Slice>> SlicesAsync(IQuerySession session, IQueryable<MonitoringSummary> scoped, CancellationToken ct)
    {
        var command = scoped.Select(s => s.Id).ToCommand(FetchType.FetchMany);
        const string selected = "select d.id from ";
        if (!command.CommandText.StartsWith(selected, StringComparison.Ordinal))
            throw new InvalidOperationException($"Unexpected dashboard SQL: {command.CommandText}");
        command.CommandText = "select d.health, d.field_code, d.district_id, d.commune_id, count(*) from "
                              + command.CommandText[selected.Length..].TrimEnd().TrimEnd(';') + " group by 1, 2, 3, 4";
        var slices = new List<Slice>();
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            slices.Add(new Slice(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetInt64(4)));
        return slices;
    }

    /// <summary>Reports that came in per month over the last twelve months, for the models of the person's boards (or all).</summary>
    public static async Task<IReadOnlyList<(string Month, long Count)>> ReportsPerMonthAsync(IQuerySession session, MonitoringAccess access,
        DateOnly today, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), Kernel.VietnamClock.Offset).ToUniversalTime();
        var query = session.Query<SubmittedReport>().Where(r => r.At >= since);
        if (!access.SeesAll)
        {
            Guid?[] boards = access.Boards.Select(b => (Guid?)b).ToArray();
            var covered = access.BoardUnits.ToArray();
            query = query.Where(r => r.BoardId.IsOneOf(boards) && r.UnitId.IsOneOf(covered));
        }
        var command = query.Select(r => r.Id).ToCommand(FetchType.FetchMany);
        const string selected = "select d.id from ";
        if (!command.CommandText.StartsWith(selected, StringComparison.Ordinal))
            throw new InvalidOperationException($"Unexpected dashboard SQL: {command.CommandText}");
        command.CommandText = "select d.month, count(*) from " + command.CommandText[selected.Length..].TrimEnd().TrimEnd(';') + " group by 1";
        var counts = new Dictionary<string, long>();
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return Enumerable.Range(0, 12).Select(i => first.AddMonths(i).ToString("yyyy-MM")).Select(m => (m, counts.GetValueOrDefault(m))).ToList();
    }

    public static async Task<BoardDashboard> BoardAsync(IQuerySession session, MonitoringAccess access, DateOnly today, CancellationToken ct)
    {
        var scoped = DashboardScope.Board(session, access);
        var slices = await SlicesAsync(session, scoped, ct);
        var tree = access.Tree;
        static string Href(MonitoringFilter f) => f.ListHref;
        var none = new MonitoringFilter(null, null, null, null, null, null, null);

        var byHealth = HealthLabels.All.Select(h => (Code: HealthLabels.Code(h), Label: HealthLabels.Label(h)))
            .Select(h => new Bar(h.Code, h.Label, slices.Where(s => s.Health == h.Code).Sum(s => s.Count), Href(none with { Health = h.Code })))
            .Where(b => b.Value > 0).ToList();
        var byField = slices.GroupBy(s => s.Field).Select(g => new Bar(g.Key, FieldNames.Of(g.Key), g.Sum(s => s.Count), Href(none with { Field = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).ToList();
        var byDistrict = slices.Where(s => s.District is not null).GroupBy(s => s.District!.Value)
            .Select(g => new Bar(g.Key.ToString(), tree.Name(g.Key), g.Sum(s => s.Count), Href(none with { District = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).ToList();
        var byCommune = slices.Where(s => s.Commune is not null).GroupBy(s => s.Commune!.Value)
            .Select(g => new Bar(g.Key.ToString(), tree.Name(g.Key), g.Sum(s => s.Count), Href(none with { Commune = g.Key })))
            .OrderByDescending(b => b.Value).ThenBy(b => b.Label, Kernel.Text.VietnameseText.Comparer).Take(100).ToList();
        var never = await scoped.Where(s => s.ReportsCount == 0).CountAsync(ct);
        var late = await scoped.Where(s => s.OverdueDays > 0).CountAsync(ct);
        var overdue = (await scoped.Where(s => s.OverdueDays > 0).OrderByDescending(s => s.OverdueDays).ThenBy(s => s.Name).Take(20).ToListAsync(ct))
            .Select(s => new OverdueRow(s.Id, s.Name, s.UnitName, s.Health, s.HealthLabel, s.HealthWords, s.OverdueDays, s.NextDueOn)).ToList();
        var months = (await ReportsPerMonthAsync(session, access, today, ct))
            .Select(m => new Bar(m.Month, $"{m.Month[5..]}/{m.Month[..4]}", m.Count, "/theo-doi/danh-sach")).ToList();
        var actions = session.Query<OpenAction>().Where(a => a.ClosedAt == null && a.AnsweredOn == null && a.DueOn < today);
        if (!access.SeesAll) { var boards = access.Boards.ToArray(); actions = actions.Where(a => a.BoardId.IsOneOf(boards)); }
        return new BoardDashboard(slices.Sum(s => s.Count), byHealth, byField, byDistrict, byCommune,
            new Bar("none", "Chưa có báo cáo nào", never, Href(none with { Reports = "none" })),
            new Bar("late", "Chậm báo cáo", late, Href(none with { Reports = "late" })), overdue, months, await actions.CountAsync(ct));
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
        var slices = await DashboardQueries.SlicesAsync(session, scoped, ct);
        var none = new MonitoringFilter(null, null, null, null, null, null, null);
        var byHealth = HealthLabels.All.Select(h => (Code: HealthLabels.Code(h), Label: HealthLabels.Label(h)))
            .Select(h => new Bar(h.Code, h.Label, slices.Where(s => s.Health == h.Code).Sum(s => s.Count), (none with { Health = h.Code }).ListHref))
            .Where(b => b.Value > 0).ToList();
        var models = await scoped.OrderBy(s => s.Name).Take(ModelsShown).ToListAsync(ct);
        return new UnitDashboard(days, due, actions, byHealth, models);
    }
}
