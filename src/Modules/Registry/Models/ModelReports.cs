using Emulation.Kernel.Export;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Catalog;
using Emulation.Registry.Units;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;

namespace Emulation.Registry.Models;

public sealed record Count(string Key, string Label, long Value);

public sealed record ModelStatistics(long Total, IReadOnlyList<Count> ByKind, IReadOnlyList<Count> ByLevel, IReadOnlyList<Count> ByField,
    IReadOnlyList<Count> ByStatus, IReadOnlyList<Count> ByUnit, string Sentence);

/// <summary>Statistics and exports over the same filters as the list.</summary>
public static class ModelReports
{
    public const int MaxExportRows = 50_000;

    [WolverineGet("/api/registry/statistics"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<ModelStatistics> Statistics(IQuerySession session, UnitDirectory units, HttpContext ctx,
        Guid? period, string? level, string? field, ModelKind? kind, ModelStatus? status, Guid? unit, string? q, DateOnly? on)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        return await StatisticsAsync(session, context.Access, context.Catalog,
            new ModelFilter(period, level, field, kind, status, unit, q, null, 1, 20, On: on), ctx.RequestAborted);
    }

    public static async Task<ModelStatistics> StatisticsAsync(IQuerySession session, RegistryAccess access, RegistryCatalog catalog, ModelFilter f, CancellationToken ct)
    {
        var counts = new Counts();
        if (RegisterTallies.Answer(f))
        {
            if (access.SeesAll) await RegisterTallies.CountAsync(session, RegisterTallies.Seen.Sent, f, counts, ct);
            else await CountVisibleAsync(session, access, f, counts, ct);
        }
        else
        {
            var rows = await GroupsAsync(session, ModelQueries.Filtered(session, access, f), f.Cut, ct);
            counts.Add(f.Cut is not null && f.Status is { } wanted ? rows.Where(r => r.Status == wanted) : rows);
        }
        IReadOnlyList<Count> By<T>(Dictionary<T, long> of, Func<T, string> key, Func<T, string> label, bool byValue = false) where T : notnull
        {
            var listed = of.Where(c => c.Value > 0).Select(c => new Count(key(c.Key), label(c.Key), c.Value));
            return (byValue ? listed.OrderByDescending(c => c.Value).ThenBy(c => c.Label) : listed.OrderBy(c => c.Key)).ToList();
        }
        var byLevel = catalog.Levels.Select(l => new Count(l.Code, l.Name, counts.Levels.GetValueOrDefault(l.Code))).Where(c => c.Value > 0).ToList();
        var byField = catalog.Fields.Select(l => new Count(l.Code, l.Name, counts.Fields.GetValueOrDefault(l.Code))).Where(c => c.Value > 0).ToList();
        return new ModelStatistics(counts.Total,
            By(counts.Kinds, k => k.ToString(), ModelLabels.Kind),
            byLevel, byField,
            By(counts.Statuses, s => s.ToString(), ModelLabels.Status),
            By(counts.Units, u => u.ToString(), u => access.Tree.Name(u), byValue: true).Take(50).ToList(),
            Sentence(counts.Total, counts.Kinds.GetValueOrDefault(ModelKind.Model), byLevel));
    }

    /// <summary>What a viewer without the whole register sees: every accepted model, every model of the units they act for
    /// (drafts too), and whatever was sent to a board from the units they oversee (<see cref="ModelQueries.Filtered"/>).
    /// The tallies count by status and board, not by unit, so the viewer's units are counted from the rows, whichever way
    /// reads fewer: for a unit or a district, their own rows beside the tallies' accepted models; for a province's board,
    /// which oversees nearly every unit, the tallies' sent models less those of the few units it does not oversee.</summary>
    static async Task CountVisibleAsync(IQuerySession session, RegistryAccess access, ModelFilter f, Counts counts, CancellationToken ct)
    {
        // An officer's own units are in FullUnits (each with its subtree).
        var theirs = access.FullUnits.Union(access.BoardUnits).ToHashSet();
        var others = access.Tree.All.Select(u => u.Id).Where(id => !theirs.Contains(id)).ToArray();
        const ModelStatus accepted = ModelStatus.Accepted, draft = ModelStatus.Draft, withdrawn = ModelStatus.Withdrawn;
        if (others.Length >= theirs.Count)
        {
            if (f.Status is null or accepted) await RegisterTallies.CountAsync(session, RegisterTallies.Seen.Accepted, f, counts, ct);
            if (f.Status is accepted || theirs.Count == 0) return;
            var units = theirs.ToArray();
            counts.Add(await GroupsAsync(session, ModelQueries.Filtered(session, access, f)
                .Where(s => s.UnitId.IsOneOf(units) && s.Status != accepted), null, ct));
            return;
        }
        await RegisterTallies.CountAsync(session, RegisterTallies.Seen.Sent, f, counts, ct);
        // Sent from a unit they do not oversee and not accepted: in the tallies, not theirs to see.
        var unseen = session.Query<ModelSummary>().Where(s => s.UnitId.IsOneOf(others) && s.Status != accepted && s.Status != draft
                                                               && (s.Status != withdrawn || s.BoardId != null));
        if (f.Period is { } period) unseen = unseen.Where(s => s.PeriodId == period);
        if (f.Status is { } status) unseen = unseen.Where(s => s.Status == status);
        if (others.Length > 0) counts.Add(await GroupsAsync(session, unseen, null, ct), -1);
        // Their own working papers (drafts, and drafts withdrawn unsent): theirs to see, never in the tallies.
        var own = access.OfficerUnits.ToArray();
        if (own.Length > 0 && f.Status is null or draft or withdrawn)
            counts.Add(await GroupsAsync(session, ModelQueries.Filtered(session, access, f)
                .Where(s => s.UnitId.IsOneOf(own) && (s.Status == draft || (s.Status == withdrawn && s.BoardId == null))), null, ct));
    }

    /// <summary>The models counted once per kind, level, field and status, and once per unit: what the statistics show.</summary>
    public sealed class Counts
    {
        public long Total { get; private set; }
        public Dictionary<ModelKind, long> Kinds { get; } = [];
        public Dictionary<string, long> Levels { get; } = [];
        public Dictionary<string, long> Fields { get; } = [];
        public Dictionary<ModelStatus, long> Statuses { get; } = [];
        public Dictionary<Guid, long> Units { get; } = [];

        public void Add(ModelKind kind, string level, string field, ModelStatus status, long count)
        {
            Total += count;
            Kinds[kind] = Kinds.GetValueOrDefault(kind) + count;
            Levels[level] = Levels.GetValueOrDefault(level) + count;
            Fields[field] = Fields.GetValueOrDefault(field) + count;
            Statuses[status] = Statuses.GetValueOrDefault(status) + count;
        }

        public void Add(Guid unit, long count) => Units[unit] = Units.GetValueOrDefault(unit) + count;

        public void Add(IEnumerable<Slice> slices, int sign = 1)
        {
            foreach (var s in slices) { Add(s.Kind, s.Level, s.Field, s.Status, sign * s.Count); Add(s.Unit, sign * s.Count); }
        }
    }

    /// <summary>Counts the filtered models per kind, level, field, status and unit with one GROUP BY: PostgreSQL returns
    /// one row per combination, not one per model. The filter is Marten's own SQL for the list, so the two cannot drift.</summary>
    /// <para>As of a day (<paramref name="cut"/>), a model counts with the status it had then, read from its summary's
    /// dates: a decision or withdrawal after the day leaves it submitted (or a draft, if it was sent after the day too).
    /// Imported history carries the register's dates (ADR 0036), so a model accepted in 2021 is accepted as of 2021.</para>
    static async Task<IReadOnlyList<Slice>> GroupsAsync(IQuerySession session, IQueryable<ModelSummary> filtered, DateTimeOffset? cut, CancellationToken ct)
    {
        var command = filtered.Select(s => s.Id).ToCommand(FetchType.FetchMany);
        const string selected = "select d.id from ";
        if (!command.CommandText.StartsWith(selected, StringComparison.Ordinal))
            throw new InvalidOperationException($"Unexpected statistics SQL: {command.CommandText}");
        command.CommandText = $"select d.kind, d.level_code, d.field_code, {StatusAsOf(cut)}, d.unit_id, count(*) from "
                              + command.CommandText[selected.Length..].TrimEnd().TrimEnd(';') + " group by 1, 2, 3, 4, 5";
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        var slices = new List<Slice>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            slices.Add(new Slice(Enum.Parse<ModelKind>(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                Enum.Parse<ModelStatus>(reader.GetString(3)), reader.GetGuid(4), reader.GetInt64(5)));
        return slices;
    }

    static string StatusAsOf(DateTimeOffset? cut)
    {
        if (cut is null) return "d.status";
        var at = $"'{cut.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z'::timestamptz";
        const string submitted = "(d.data ->> 'SubmittedAt')::timestamptz", decided = "(d.data ->> 'DecidedAt')::timestamptz", updated = "(d.data ->> 'UpdatedAt')::timestamptz";
        var before = $"case when {submitted} < {at} then 'Submitted' else 'Draft' end";
        return $"case when d.status in ('Accepted', 'Returned', 'Rejected') and {decided} >= {at} then {before} " +
               $"when d.status = 'Withdrawn' and {updated} >= {at} then {before} " +
               $"when d.status = 'Submitted' and {submitted} >= {at} then 'Draft' else d.status end";
    }

    /// <summary>The sentence a sơ kết report quotes, e.g. "3.427 mô hình, điển hình, trong đó: 2.420 cấp cơ sở, 1.007 cấp tỉnh".</summary>
    public static string Sentence(long total, long models, IReadOnlyList<Count> byLevel)
    {
        var exemplars = total - models;
        var parts = byLevel.Select(l => $"{Format.Number(l.Value)} {l.Label.ToLowerInvariant()}");
        return $"{Format.Number(total)} mô hình, điển hình ({Format.Number(models)} mô hình, {Format.Number(exemplars)} điển hình)" +
               (byLevel.Count > 0 ? ", trong đó: " + string.Join(", ", parts) : "") + ".";
    }

    /// <summary>How many models share one kind, level, field, status and unit.</summary>
    public sealed record Slice(ModelKind Kind, string Level, string Field, ModelStatus Status, Guid Unit, long Count);

    [WolverineGet("/api/registry/models/export"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Export(IQuerySession session, UnitDirectory units, HttpContext ctx, TimeProvider clock, string? format,
        Guid? period, string? level, string? field, ModelKind? kind, ModelStatus? status, Guid? unit, string? q, string? sort)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var access = context.Access;
        var filter = new ModelFilter(period, level, field, kind, status, unit, q, sort ?? "code", 1, 20);
        var stamp = clock.VietnamNow().ToString("yyyyMMdd-HHmm");
        if (format == "template")
        {
            var models = await ModelQueries.Sorted(ModelQueries.Filtered(session, access, filter), filter.Sort).Take(Import.RegisterExport.MaxModels + 1)
                .ToListAsync(ctx.RequestAborted);
            if (models.Count > Import.RegisterExport.MaxModels)
                return Problems.Validation("format", $"Mẫu nhập liệu chứa tối đa {Format.Number(Import.RegisterExport.MaxModels)} mô hình; hãy lọc theo kỳ hoặc đơn vị rồi tải từng phần.");
            return Results.File(await Import.RegisterExport.WriteAsync(models, context, session, ctx.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-dang-ky-theo-mau-nhap-{stamp}.xlsx");
        }
        var rows = await ModelQueries.Sorted(ModelQueries.Filtered(session, access, filter), filter.Sort).Take(MaxExportRows).ToListAsync(ctx.RequestAborted);
        var codes = rows.Where(r => r.ReplicatesModelId is not null).Select(r => r.ReplicatesModelId!.Value).Distinct().ToList();
        var sources = (await session.LoadManyAsync<ModelSummary>(codes)).ToDictionary(s => s.Id, s => s.RegistryCode);
        var table = new Table("Sổ đăng ký mô hình", Columns, rows.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.RegistryCode, r.Name, ModelLabels.Kind(r.Kind), r.PersonName, access.Tree.Name(r.UnitId),
            context.Period(r.PeriodId)?.Label, context.Catalog.FieldName(r.FieldCode), context.Catalog.LevelName(r.LevelCode),
            r.FirstTarget, ModelLabels.Status(r.Status), r.SubmittedAt, r.DecidedAt,
            r.ReplicatesModelId is { } s ? sources.GetValueOrDefault(s) : null
        ]).ToList());
        return format == "csv"
            ? Results.File(table.ToCsv(), "text/csv; charset=utf-8", $"so-dang-ky-mo-hinh-{stamp}.csv")
            : Results.File(table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-dang-ky-mo-hinh-{stamp}.xlsx");
    }

    static readonly Column[] Columns =
    [
        new("STT", 6), new("Mã đăng ký", 15), new("Tên mô hình, điển hình", 45), new("Loại", 12), new("Cá nhân được đăng ký", 24),
        new("Đơn vị đăng ký", 32), new("Kỳ", 24), new("Lĩnh vực", 22), new("Cấp", 14), new("Chỉ tiêu chính", 40),
        new("Trạng thái", 16), new("Ngày gửi", 17), new("Ngày quyết định", 17), new("Nhân rộng từ mô hình", 15)
    ];
}
