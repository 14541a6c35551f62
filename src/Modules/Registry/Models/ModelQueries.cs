using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Models;

public sealed record HistoryLine(long Version, string Step, string Summary, string By, DateTimeOffset At);
public sealed record UnitRef(Guid Id, string Name);
public sealed record ModelRef(Guid Id, string Name, string? RegistryCode, UnitRef Unit, ModelStatus Status);

public sealed record ModelView(
    Guid Id, ModelKind Kind, string KindLabel, ModelStatus Status, string StatusLabel, string? RegistryCode,
    UnitRef Unit, string UnitPath, string Period, string Field, string Level, ModelDetails Details, string? LastReason,
    UnitRef? Board, IReadOnlyList<NearDuplicate> NearDuplicates, ModelRef? Replicates, IReadOnlyList<ModelRef> Replicas,
    IReadOnlyList<string> Actions, IReadOnlyList<HistoryLine> History, long Version);

public sealed record ModelFilter(Guid? Period, string? Level, string? Field, ModelKind? Kind, ModelStatus? Status, Guid? Unit, string? Q,
    string? Sort, int Page, int PageSize, Guid? Board = null, DateOnly? On = null)
{
    /// <summary>The first moment after <see cref="On"/> ends in Vietnam: what happened before it is the register as of that day.</summary>
    public DateTimeOffset? Cut => On is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Kernel.VietnamClock.Offset).ToUniversalTime() : null;

    public const int MaxPageSize = 200;
    public int SafePage => Math.Clamp(Page, 1, 100_000);
    public int SafePageSize => PageSize <= 0 ? 20 : Math.Min(PageSize, MaxPageSize);
}

public sealed record ModelRow(Guid Id, string? RegistryCode, string Name, ModelKind Kind, string? PersonName, Guid UnitId, string UnitName,
    Guid PeriodId, string FieldCode, string LevelCode, ModelStatus Status, int NearDuplicateCount, string? FirstTarget,
    DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, DateTimeOffset UpdatedAt, Guid? ReplicatesModelId);

/// <summary>A page of the list. Counting stops at <see cref="ModelQueries.CountLimit"/>: past it <c>TotalCapped</c> is true and
/// the list says "more than"; the statistics give exact totals.</summary>
public sealed record ModelPage(IReadOnlyList<ModelRow> Items, long Total, bool TotalCapped, int Page, int PageSize);

public static class ModelQueries
{
    public const int CountLimit = 1000;

    [WolverineGet("/api/registry/models/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, UnitDirectory units, HttpContext ctx)
    {
        var view = await ViewAsync(id, session, units, ctx);
        return view is null ? Problems.NotFound("Không tìm thấy mô hình, điển hình.") : Results.Ok(view);
    }

    [WolverineGet("/api/registry/models"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<ModelPage> Search(IQuerySession session, UnitDirectory units, HttpContext ctx,
        Guid? period, string? level, string? field, ModelKind? kind, ModelStatus? status, Guid? unit, string? q, string? sort, int? page, int? pageSize)
    {
        var access = new RegistryAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));
        return await SearchAsync(session, access, new ModelFilter(period, level, field, kind, status, unit, q, sort, page ?? 1, pageSize ?? 20), ctx.RequestAborted);
    }

    public static async Task<ModelView?> ViewAsync(Guid id, IQuerySession session, UnitDirectory units, HttpContext ctx)
    {
        // The state Marten folds (the same Create/Apply the commands use) and the events the history lists.
        var model = await session.Events.AggregateStreamAsync<Model>(id, token: ctx.RequestAborted);
        var events = model is null ? [] : await session.Events.FetchStreamAsync(id, token: ctx.RequestAborted);
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var access = context.Access;
        if (model is null || !access.CanSee(model)) return null;

        var tree = access.Tree;
        var people = (await session.LoadManyAsync<Recipient>(events.Select(e => By(e.Data)).Distinct())).ToDictionary(p => p.Id, p => p.FullName);
        ModelDetails? previous = null;
        var history = events.Select(e =>
        {
            var line = Describe(e.Version, e.Data, tree, people, previous);
            previous = e.Data switch { ModelImported d => d.Details, ModelDrafted d => d.Details, ModelEdited d => d.Details, _ => previous };
            return line;
        }).ToList();

        var replicas = (await session.Query<ModelSummary>().Where(s => s.ReplicatesModelId == id).ToListAsync())
            .Where(s => access.CanSee(s.UnitId, s.Status, s.BoardId)).ToList();
        var source = model.Details.ReplicatesModelId is { } r && await session.LoadAsync<ModelSummary>(r) is { } found
            && access.CanSee(found.UnitId, found.Status, found.BoardId) ? found : null;
        var period = context.Period(model.Details.PeriodId);
        // Before submission the unit sees the possible duplicates as they stand now; after it, those recorded with it.
        var duplicates = model.Editable ? await NearDuplicates.FindAsync(session.DocumentStore, model, ctx.RequestAborted) : model.NearDuplicates;

        var actions = new List<string>();
        if (access.CanActFor(model.UnitId))
            actions.AddRange(new[] { "edit", "submit", "withdraw" }.Where(a => ModelRules.Refusal(model.Status, a) is null));
        if (access.CanDecide(model))
            actions.AddRange(new[] { "accept", "return", "reject" }.Where(a => ModelRules.Refusal(model.Status, a) is null));

        return new ModelView(model.Id, model.Details.Kind, ModelLabels.Kind(model.Details.Kind), model.Status, ModelLabels.Status(model.Status),
            model.RegistryCode, Ref(tree, model.UnitId), tree.Path(model.UnitId), period?.Label ?? "", context.Catalog.FieldName(model.Details.FieldCode),
            context.Catalog.LevelName(model.Details.LevelCode), model.Details, model.LastReason,
            model.BoardId is { } b ? Ref(tree, b) : null, duplicates,
            source is null ? null : Row(tree, source), replicas.Select(s => Row(tree, s)).ToList(), actions, history, model.Version);
    }

    static UnitRef Ref(RegistryUnitTree tree, Guid id) => new(id, tree.Name(id));
    static ModelRef Row(RegistryUnitTree tree, ModelSummary s) => new(s.Id, s.Name, s.RegistryCode, Ref(tree, s.UnitId), s.Status);

    public static IQueryable<ModelSummary> Filtered(IQuerySession session, RegistryAccess access, ModelFilter f)
    {
        IQueryable<ModelSummary> q = session.Query<ModelSummary>();
        // Visibility (RegistryAccess.CanSee) and the unit filter are intersected here, so PostgreSQL gets short lists of units.
        var subtree = f.Unit is { } unit ? access.Tree.Subtree(unit) : null;
        bool Within(Guid u) => subtree is null || subtree.Contains(u);
        var scope = subtree?.ToArray();
        const ModelStatus draft = ModelStatus.Draft, accepted = ModelStatus.Accepted, withdrawn = ModelStatus.Withdrawn;
        // A status filter settles the visibility rule's status terms here: "submitted" is then the officer's own and wide units
        // alone, "accepted" every unit. Left in the query, the rule's OR over statuses hides that from the planner, which then
        // expects thousands of rows where there are a hundred and walks a sort index past all of them (docs/performance.md).
        var status = f.Cut is null ? f.Status : null;
        if (access.SeesAll)
        {
            q = status switch
            {
                null => q.Where(s => s.Status != draft && (s.Status != withdrawn || s.BoardId != null)),
                draft => q.Where(s => s.Status != draft),
                withdrawn => q.Where(s => s.BoardId != null),
                _ => q
            };
            if (scope is not null) q = q.Where(s => s.UnitId.IsOneOf(scope));
        }
        else
        {
            var own = access.OfficerUnits.Where(Within).ToArray();
            var wide = access.FullUnits.Concat(access.BoardUnits).Where(Within).Except(own).ToArray();
            var units = own.Concat(wide).ToArray();
            q = status switch
            {
                null => scope is null
                    ? q.Where(s => s.Status == accepted || s.UnitId.IsOneOf(own)
                                   || (s.UnitId.IsOneOf(wide) && s.Status != draft && (s.Status != withdrawn || s.BoardId != null)))
                    : q.Where(s => (s.Status == accepted && s.UnitId.IsOneOf(scope)) || s.UnitId.IsOneOf(own)
                                   || (s.UnitId.IsOneOf(wide) && s.Status != draft && (s.Status != withdrawn || s.BoardId != null))),
                accepted => scope is null ? q : q.Where(s => s.UnitId.IsOneOf(scope)),
                draft => q.Where(s => s.UnitId.IsOneOf(own)),
                withdrawn => q.Where(s => s.UnitId.IsOneOf(own) || (s.UnitId.IsOneOf(wide) && s.BoardId != null)),
                _ => q.Where(s => s.UnitId.IsOneOf(units))
            };
        }
        if (f.Board is { } boardId)
        {
            // What was sent to this board, and what waits for it because its unit moved under it meanwhile (ADR 0016).
            var level = access.Tree.Find(boardId)?.CoversLevel ?? "";
            var inherited = access.Tree.CoveredBy(boardId).Where(u => access.Tree.BoardFor(u, level)?.Id == boardId).ToArray();
            const ModelStatus submitted = ModelStatus.Submitted;
            q = q.Where(s => s.BoardId == boardId || (s.Status == submitted && s.LevelCode == level && s.UnitId.IsOneOf(inherited)));
        }
        if (f.Cut is { } cut) q = q.Where(s => s.CreatedAt < cut);
        if (f.Period is { } period) q = q.Where(s => s.PeriodId == period);
        if (!string.IsNullOrWhiteSpace(f.Level)) q = q.Where(s => s.LevelCode == f.Level);
        if (!string.IsNullOrWhiteSpace(f.Field)) q = q.Where(s => s.FieldCode == f.Field);
        if (f.Kind is { } kind) q = q.Where(s => s.Kind == kind);
        if (status is { } only) q = q.Where(s => s.Status == only);
        var text = VietnameseText.Fold(f.Q);
        if (text.Length > 100) text = text[..100];
        if (text.Length > 0) q = q.Where(s => s.SearchText.Contains(text));
        return q;
    }

    public static IQueryable<ModelSummary> Sorted(IQueryable<ModelSummary> q, string? sort) => sort switch
    {
        "name" => q.OrderBy(s => s.NameKey).ThenBy(s => s.Id),
        "code" => q.OrderBy(s => s.RegistryCode).ThenBy(s => s.NameKey).ThenBy(s => s.Id),
        "submitted" => q.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id),
        "-submitted" => q.OrderByDescending(s => s.SubmittedAt).ThenBy(s => s.Id),
        "updated" => q.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
        _ => q.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id)
    };

    public static async Task<ModelPage> SearchAsync(IQuerySession session, RegistryAccess access, ModelFilter f, CancellationToken ct)
    {
        // Drafts are their unit's alone, so one who sees the whole register has none: answered here, since PostgreSQL would
        // otherwise walk an order's index past every model to find none (189,000 buffers by submission date, ADR 0056).
        if (access.SeesAll && f is { Status: ModelStatus.Draft, Cut: null }) return new ModelPage([], 0, false, f.SafePage, f.SafePageSize);
        // Counting and paging apart: a window count would make PostgreSQL sort every match to return twenty,
        // and an exact count of a broad filter reads every matching row; neither is needed to show a page.
        var filtered = Filtered(session, access, f);
        var counted = (await filtered.Select(s => s.Id).Take(CountLimit + 1).ToListAsync(ct)).Count;
        // The page's ids first, then its rows: ids and the columns filtered on sit in the date index, so PostgreSQL finds
        // and orders a page from the index alone instead of reading a 1.3 KB row for every match it passes (ADR 0056).
        var ids = (await Sorted(filtered, f.Sort).Select(s => s.Id).Skip((f.SafePage - 1) * f.SafePageSize).Take(f.SafePageSize).ToListAsync(ct)).ToArray();
        // The same filter again, so a row that changed in between is shown as it is now, or not at all if it left the filter.
        var rows = ids.Length == 0 ? [] : (await filtered.Where(s => s.Id.IsOneOf(ids)).ToListAsync(ct)).ToDictionary(s => s.Id);
        var items = ids.Where(rows.ContainsKey).Select(id => ToRow(access.Tree, rows[id])).ToList();
        return new ModelPage(items, Math.Min(counted, CountLimit), counted > CountLimit, f.SafePage, f.SafePageSize);
    }

    public static ModelRow ToRow(RegistryUnitTree tree, ModelSummary s) =>
        new(s.Id, s.RegistryCode, s.Name, s.Kind, s.PersonName, s.UnitId, tree.Name(s.UnitId), s.PeriodId, s.FieldCode, s.LevelCode, s.Status,
            s.NearDuplicateCount, s.FirstTarget, s.SubmittedAt, s.DecidedAt, s.UpdatedAt, s.ReplicatesModelId);

    static Guid By(object e) => e switch
    {
        ModelDrafted x => x.By, ModelEdited x => x.By, ModelSubmitted x => x.By, ModelAccepted x => x.By,
        ModelReturned x => x.By, ModelRejected x => x.By, ModelWithdrawn x => x.By, ModelImported x => x.By, _ => Guid.Empty
    };

    static HistoryLine Describe(long version, object e, RegistryUnitTree tree, Dictionary<Guid, string> people, ModelDetails? before)
    {
        var by = people.GetValueOrDefault(By(e), By(e) == Guid.Empty ? "Hệ thống" : "(không rõ)");
        return e switch
        {
            ModelImported x => new(version, "imported",
                $"Nhập từ sổ đăng ký: tệp “{x.Source.FileName}”, sheet {x.Source.Sheet}, dòng {x.Source.Row} (mã dòng {x.Source.RowCode}). Các bước sau giữ ngày gốc của sổ", by, x.At),
            ModelDrafted x => new(version, "drafted", $"Lập hồ sơ đăng ký “{x.Details.Name}” cho {tree.Name(x.UnitId)}", by, x.At),
            ModelEdited x => new(version, "edited", ModelChanges.Summary(before, x.Details), by, x.At),
            ModelSubmitted x => new(version, "submitted", $"Gửi {tree.Name(x.BoardId)} xem xét" +
                (x.NearDuplicates.Count > 0 ? $"; có {x.NearDuplicates.Count} mô hình tên gần trùng" : ""), by, x.At),
            ModelAccepted x => new(version, "accepted", $"Công nhận đăng ký, mã {x.RegistryCode}" + (x.Note is null ? "" : $". Ghi chú: {x.Note}"), by, x.At),
            ModelReturned x => new(version, "returned", $"Trả lại để bổ sung. Lý do: {x.Reason}", by, x.At),
            ModelRejected x => new(version, "rejected", $"Không chấp nhận. Lý do: {x.Reason}", by, x.At),
            ModelWithdrawn x => new(version, "withdrawn", "Đơn vị rút hồ sơ" + (x.Reason is null ? "" : $". Lý do: {x.Reason}"), by, x.At),
            _ => new(version, e.GetType().Name, e.GetType().Name, by, DateTimeOffset.MinValue)
        };
    }
}
