using Emulation.Awards.Certificates;
using Emulation.Awards.Decisions;
using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Npgsql;

namespace Emulation.Awards.Reports;

/// <summary>A report asked for: the campaign, one of its periods or all, whose units (a unit's subtree, a board's coverage,
/// or everything for an administrator) and as of which day.</summary>
public sealed record ReportRequest(Guid CampaignId, Guid? PeriodId, Guid? UnitId, DateOnly AsOf);

/// <summary>A computed report with what its documents print around the figures.</summary>
public sealed record CampaignReport(ReportRequest Request, string CampaignName, string? PeriodName, string ScopeName, string? ScopeParent,
    ReportTotals Totals, IReadOnlyDictionary<Guid, string> UnitNames)
{
    public string Unit(Guid id) => UnitNames.GetValueOrDefault(id) ?? "";
}

/// <summary>Reads what a report needs from Awards' own copies and records (ADR 0033): models from the Registry's feed, the
/// boards' outcomes from Review's feed, commendations from signed decisions' certificates and from imported registers.</summary>
public static class CampaignReports
{
    public const string CampaignNotFound = "Không tìm thấy đợt thi đua.";
    public const string UnitNotFound = "Không tìm thấy đơn vị.";

    /// <summary>The query's parameters, checked: every refusal names its field in Vietnamese.</summary>
    public static (ReportRequest? Request, Dictionary<string, string[]> Errors) Parse(string? campaign, string? period, string? unit, string? on, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? Id(string? text, string field, string label, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required) errors[field] = [$"Chọn {label}."];
                return null;
            }
            if (Guid.TryParse(text.Trim(), out var g)) return g;
            errors[field] = [$"{char.ToUpper(label[0])}{label[1..]} không hợp lệ."];
            return null;
        }
        var c = Id(campaign, "campaign", "đợt thi đua", true);
        var p = Id(period, "period", "giai đoạn", false);
        var u = Id(unit, "unit", "đơn vị", false);
        var asOf = today;
        if (!string.IsNullOrWhiteSpace(on))
        {
            var (value, error) = VietnameseDate.Parse(on);
            if (value is null) errors["on"] = [error ?? "Ngày số liệu không hợp lệ (ví dụ 31/12/2023)."];
            else if (value > today) errors["on"] = ["Ngày số liệu không được sau hôm nay."];
            else asOf = value.Value;
        }
        return errors.Count > 0 ? (null, errors) : (new ReportRequest(c!.Value, p, u, asOf), errors);
    }

    /// <summary>A person who names no unit reports for their own: their board first (a board writes the movement's reports),
    /// else the unit they work for. An administrator, and anyone with neither, reports on everything they see.</summary>
    public static ReportRequest WithDefaultUnit(ReportRequest request, AwardsAccess access) =>
        request.UnitId is not null || access.SeesAll ? request
            : request with { UnitId = access.Boards.Concat(access.OfficerUnits).Concat(access.ApproverAt).Cast<Guid?>().FirstOrDefault() };

    /// <summary>Which units the person may report on: <c>null</c> means everything (an administrator who chose no unit); an
    /// empty set means nothing. A board chosen as the unit stands for the units it covers.</summary>
    public static (HashSet<Guid>? Units, string? Error) Scope(AwardsAccess access, Guid? unitId)
    {
        var tree = access.Tree;
        var visible = access.SeesAll ? null : access.FullUnits.Concat(access.BoardUnits).ToHashSet();
        if (unitId is not { } id) return visible is { Count: 0 } ? (null, "Bạn không có quyền xem báo cáo này.") : (visible, null);
        var unit = tree.Find(id);
        if (unit is null) return (null, UnitNotFound);
        if (unit.IsBoard && (access.SeesAll || access.IsOnBoard(id))) return (tree.CoveredBy(id), null);
        if (visible is not null && !visible.Contains(id)) return (null, "Bạn không có quyền xem báo cáo của đơn vị này.");
        var subtree = tree.Subtree(id);
        if (visible is not null) subtree.IntersectWith(visible);
        return (subtree, null);
    }

    public static async Task<CampaignReport?> LoadAsync(IDocumentStore store, IQuerySession session, AwardsAccess access, ReportRequest request,
        HashSet<Guid>? units, CancellationToken ct, ServerTiming? timing = null)
    {
        var campaign = await session.LoadAsync<ReportCampaign>(request.CampaignId, ct);
        if (campaign is null) return null;
        timing?.Start();

        var lists = await session.Query<ProposalList>().Where(l => l.CampaignId == request.CampaignId).ToListAsync(ct);
        var outcomes = lists.Where(l => l.Published && l.PublishedAt is not null)
            .SelectMany(l => l.Outcomes.Select(o => new OutcomeRow(o.ModelId, o.Outcome, l.PublishedAt!.Value.VietnamDate()))).ToList();

        var roundIds = lists.Select(l => l.Id).ToArray();
        var decisions = roundIds.Length == 0 ? [] : await session.Query<AwardDecision>().Where(d => d.RoundId.IsOneOf(roundIds)).ToListAsync(ct);
        var signed = decisions.Where(d => d.State == DecisionState.Signed && !d.IsRevocation).ToDictionary(d => d.Id);
        var decisionIds = signed.Keys.ToArray();
        var certificates = decisionIds.Length == 0 ? [] : await session.Query<Certificate>().Where(c => c.DecisionId.IsOneOf(decisionIds)).ToListAsync(ct);
        var commendations = certificates.Select(c =>
        {
            var d = signed[c.DecisionId];
            var annex = c.Facts.AnnexOrder - 1;
            Guid? modelId = annex >= 0 && annex < d.Content.Annex.Count ? d.Content.Annex[annex].ModelId : null;
            return new CommendationRow(modelId, c.Facts.RecipientKind, d.Form.Name, c.Facts.DecisionDate, c.Revoked?.DecisionDate);
        }).ToList();

        var past = await session.Query<PastCommendation>().Where(p => p.CampaignId == request.CampaignId).ToListAsync(ct);
        commendations.AddRange(past.Select(p => new CommendationRow(p.ModelId, p.RecipientKind, p.FormName, p.DecisionDate, null) { UnitId = p.UnitId }));
        timing?.Mark("outcomes-commendations");

        var named = outcomes.Select(o => o.ModelId).Concat(commendations.Select(c => c.ModelId).OfType<Guid>()).Distinct().ToArray();
        var input = await InputAsync(store, request, units, named, ct);
        timing?.Mark("rows");
        // A commendation counts for the scope through its model; one a register gives without a model, through its unit,
        // and only when no single period was asked for (the register does not say which period it crowned).
        var modelIds = input.Named.Select(r => r.Id).ToHashSet();
        commendations = commendations.Where(c => c.ModelId is { } m
            ? modelIds.Contains(m)
            : request.PeriodId is null && (units is null || c.UnitId is { } u && units.Contains(u))).ToList();

        var totals = ReportFigures.Compute(input, outcomes, commendations, request.AsOf);
        timing?.Mark("figures");
        var tree = access.Tree;
        var scopeUnit = tree.Find(request.UnitId);
        var scopeName = scopeUnit?.Name ?? (access.SeesAll ? "Toàn bộ các đơn vị" : "Các đơn vị bạn theo dõi");
        var scopeParent = scopeUnit is { IsBoard: true } ? tree.Find(scopeUnit.ParentId)?.Name : tree.Find(scopeUnit?.ParentId)?.Name;
        var names = input.Named.Select(r => r.UnitId).Distinct().ToDictionary(id => id, id => tree.Name(id));
        return new CampaignReport(request, campaign.Name, campaign.Periods.FirstOrDefault(p => p.Id == request.PeriodId)?.Name,
            scopeName, scopeParent, totals, names);
    }

    const string Columns = "id, code, name, kind, status, unit_id, level_code, field_code, submitted_at, accepted_at, replicates_model_id";

    /// <summary>The scope's models in the copy's duplicated columns (no JSON): the tally and the replications counted by the
    /// database, and only the rows the report names one by one read back (ADR 0044). One round trip.</summary>
    static async Task<ReportInput> InputAsync(IDocumentStore store, ReportRequest request, HashSet<Guid>? units, Guid[] named, CancellationToken ct)
    {
        string Scope(string alias) => $"""
            {alias}.campaign_id = @campaign and ({alias}.submitted_at is not null or {alias}.accepted_at is not null)
            {(request.PeriodId is null ? "" : $"and {alias}.period_id = @period")}
            {(units is null ? "" : $"and {alias}.unit_id = any(@units)")}
            """;
        var table = $"{AwardsModule.Schema}.mt_doc_reportmodel";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        void Add(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("campaign", request.CampaignId);
            command.Parameters.AddWithValue("cutoff", ReportFigures.Cutoff(request.AsOf).ToUniversalTime());
            if (request.PeriodId is { } period) command.Parameters.AddWithValue("period", period);
            if (units is not null) command.Parameters.AddWithValue("units", units.ToArray());
            command.Parameters.AddWithValue("named", named);
            batch.BatchCommands.Add(command);
        }
        Add($"""
            select level_code, field_code, kind, count(*)::int, (count(*) filter (where m.accepted_at < @cutoff))::int
            from {table} m where {Scope("m")} and (m.submitted_at < @cutoff or m.accepted_at < @cutoff)
            group by level_code, field_code, kind
            """);
        Add($"""
            select g.original, g.replications, o.id is not null, o.code, o.name
            from (select m.replicates_model_id as original, count(*)::int as replications from {table} m
                  where {Scope("m")} and m.accepted_at < @cutoff and m.replicates_model_id is not null group by m.replicates_model_id) g
            left join {table} o on o.id = g.original and {Scope("o")}
            """);
        Add($"select {Columns} from {table} m where m.id = any(@named) and {Scope("m")}");

        var tally = new List<TallyLine>();
        var replications = new List<ReplicationLine>();
        var rows = new List<ReportRow>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tally.Add(new TallyLine(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4)));
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            replications.Add(new ReplicationLine(reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? "" : reader.GetString(4)));
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new ReportRow(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetGuid(5), reader.GetString(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetGuid(10)));
        return new ReportInput(tally, replications, rows);
    }

    /// <summary>The campaigns whose models this person may report on (every campaign the copies know; the scope narrows the
    /// figures, not the list).</summary>
    public static Task<IReadOnlyList<ReportCampaign>> CampaignsAsync(IQuerySession session, CancellationToken ct) =>
        session.Query<ReportCampaign>().OrderBy(c => c.Name).ToListAsync(ct);
}
