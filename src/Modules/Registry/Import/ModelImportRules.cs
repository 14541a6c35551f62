using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Registry.Models;
using T = Emulation.Registry.Import.ModelTemplate;

namespace Emulation.Registry.Import;

/// <summary>What the store holds that a check compares with: the keys of earlier imports (with the current version and
/// status of their streams), name claims and registry codes taken by other models, accepted codes that replicas may
/// point at, and the near-duplicates found for each submitted row.</summary>
public sealed record ImportState(
    IReadOnlyDictionary<string, (ModelImportKey Key, long Version)> Earlier,
    IReadOnlyDictionary<string, Guid> Claims, IReadOnlyDictionary<string, Guid> Codes,
    IReadOnlyDictionary<string, IReadOnlyList<NearDuplicate>> NearDuplicates)
{
    /// <summary>Models registered on the form that rows of the file name by the row code the register export gives them.</summary>
    public IReadOnlySet<Guid> FormModels { get; init; } = new HashSet<Guid>();

    public static readonly ImportState Empty = new(
        new Dictionary<string, (ModelImportKey, long)>(), new Dictionary<string, Guid>(),
        new Dictionary<string, Guid>(), new Dictionary<string, IReadOnlyList<NearDuplicate>>());
}

/// <summary>A row's fate and, when it is stored, what to store: the steps still to append, the stream's id and version.</summary>
public sealed record ImportPlan(ImportedModel Model, RowFate Fate, Guid ModelId, Guid ProvinceId, DateOnly RegisteredOn,
    ModelDetails Details, bool Edit, IReadOnlyList<HistoryEntry> NewSteps, Guid? BoardId, long ExpectedVersion, string? Note)
{
    public IReadOnlyList<RowError> Errors => Model.Errors.ToList();
    public bool Stores => Fate is RowFate.New or RowFate.Updated;

    public ModelStatus FinalStatus(ModelStatus before) => NewSteps.Count == 0 ? before : Status(NewSteps[^1].Step);

    public static ModelStatus Status(HistoryStep step) => step switch
    {
        HistoryStep.Submitted => ModelStatus.Submitted, HistoryStep.Accepted => ModelStatus.Accepted,
        HistoryStep.Returned => ModelStatus.Returned, HistoryStep.Rejected => ModelStatus.Rejected, _ => ModelStatus.Withdrawn
    };
}

/// <summary>The import's decisions as pure functions (ADR 0036): who may import which row, which histories are possible,
/// which codes and names clash, and whether a row is new, unchanged, updated or refused.</summary>
public static class ModelImportRules
{
    /// <summary>Officers bring in their units' subtrees, board secretaries what their boards cover, administrators everything.</summary>
    public static bool MayImport(CurrentUser user) =>
        user.IsAdmin || user.Has(Roles.Officer) || user.Has(Roles.BoardSecretary);

    /// <summary>The units a person may import for (the template's unit list).</summary>
    public static IEnumerable<Guid> Units(RegistryAccess access)
    {
        var tree = access.Tree;
        if (access.SeesAll) return tree.All.Select(u => u.Id);
        var secretary = access.User.UnitsFor(Roles.BoardSecretary).SelectMany(tree.CoveredBy);
        var officer = access.OfficerUnits.SelectMany(tree.Subtree);
        return officer.Concat(secretary).Distinct();
    }

    public static IReadOnlyList<ImportPlan> Decide(IReadOnlyList<ImportedModel> models, ModelContext context, ImportState state, DateOnly today)
    {
        var access = context.Access;
        var tree = access.Tree;
        var codesInFile = new Dictionary<string, string>();
        var claimsInFile = new Dictionary<string, string>();
        var acceptedInFile = models.Where(m => m.History.Any(h => h.Entry.Step == HistoryStep.Accepted)).Select(m => m.Key).ToHashSet();
        var plans = new List<ImportPlan>();

        foreach (var m in models)
        {
            var row = m.Row;
            var province = m.UnitId == Guid.Empty ? null : tree.Province(m.UnitId);
            row.Fail(m.UnitId != Guid.Empty && province is null, T.Unit, "Không xác định được tỉnh của đơn vị.");
            var provinceId = province?.Id ?? Guid.Empty;
            var modelId = ModelImportKey.ModelIdFor(provinceId, m.Key);
            var earlier = state.Earlier.TryGetValue(ModelImportKey.For(provinceId, m.Key), out var e) ? e : default;
            var known = earlier.Key is not null;
            if (!known && RegisterExport.FormModelId(m.RowCode) is { } onForm && state.FormModels.Contains(onForm))
            {
                // The register's own export of a model registered on the form: it is in this register already, and the
                // form is where it changes; importing it would store it twice.
                row.Fail(T.RowCode, $"Mô hình “{m.Details.Name}” đã có trong sổ (đăng ký bằng biểu mẫu); sửa trên trang của mô hình, không nhập lại.");
                plans.Add(new ImportPlan(m, RowFate.Refused, onForm, provinceId, today, m.Details, false, [], null, 0, null));
                continue;
            }

            var details = m.Details with { ReplicatesModelId = Replicates(m, state, acceptedInFile, provinceId, modelId) };
            CheckDossier(m, details, context);
            var board = m.UnitId == Guid.Empty ? null : tree.BoardFor(m.UnitId, details.LevelCode);
            CheckAccess(m, access, board?.Id);

            var registered = m.RegisteredOn ?? m.History.FirstOrDefault().Entry?.Date ?? today;
            row.Fail(registered > today, T.RegisteredOn, "Ngày đăng ký không được sau hôm nay.");
            CheckHistory(m, registered, today, board is not null, details, context);

            foreach (var (hrow, entry) in m.History.Where(h => h.Entry.Step == HistoryStep.Accepted && h.Entry.Code is not null))
            {
                if (codesInFile.TryGetValue(entry.Code!, out var other) && other != m.Key)
                    hrow.Fail(T.Code, $"Mã đăng ký “{entry.Code}” trùng với mô hình mã dòng {other} trong tệp.");
                else if (state.Codes.TryGetValue(entry.Code!, out var owner) && owner != modelId)
                    hrow.Fail(T.Code, $"Mã đăng ký “{entry.Code}” đã cấp cho một mô hình khác trong sổ.");
                codesInFile.TryAdd(entry.Code!, m.Key);
            }

            var finalStatus = m.History.Count == 0 ? ModelStatus.Draft : ImportPlan.Status(m.History[^1].Entry.Step);
            if (finalStatus is not (ModelStatus.Withdrawn or ModelStatus.Rejected) && m.UnitId != Guid.Empty && details.PeriodId != Guid.Empty && details.Name.Length > 0)
            {
                var claim = ModelNameClaim.Key(m.UnitId, details.PeriodId, details.Name);
                if (claimsInFile.TryGetValue(claim, out var other))
                    row.Fail(T.Name, $"Trùng tên với mô hình mã dòng {other} của cùng đơn vị, cùng kỳ trong tệp.");
                else if (state.Claims.TryGetValue(claim, out var owner) && owner != modelId)
                    row.Fail(T.Name, ModelRules.NameTaken);
                claimsInFile.TryAdd(claim, m.RowCode);
            }

            var steps = m.History.Select(h => h.Entry).ToList();
            if (!known)
            {
                plans.Add(new ImportPlan(m, m.Ok ? RowFate.New : RowFate.Refused, modelId, provinceId, registered, details, false, steps,
                    board?.Id, 0, null));
                continue;
            }
            plans.Add(Against(m, earlier, modelId, provinceId, registered, details, steps, board?.Id));
        }
        return Dependencies(plans);
    }

    /// <summary>Compares a row with what its earlier import stored: the same row is unchanged; new steps after the stored
    /// ones, or a dossier the unit could still edit, update it; anything else would rewrite history and is refused.</summary>
    static ImportPlan Against(ImportedModel m, (ModelImportKey Key, long Version) earlier,
        Guid modelId, Guid provinceId, DateOnly registered, ModelDetails details, List<HistoryEntry> steps, Guid? board)
    {
        var (key, version) = earlier;
        var status = key.Status;
        var row = m.Row;
        ImportPlan Plan(RowFate fate, bool edit = false, IReadOnlyList<HistoryEntry>? added = null, string? note = null) =>
            new(m, m.Ok ? fate : RowFate.Refused, modelId, provinceId, registered, details, edit, added ?? [], board, version, note);

        if (!m.Ok) return Plan(RowFate.Refused);
        row.Fail(key.UnitId != m.UnitId, T.Unit, "Không đổi được đơn vị của mô hình đã nhập; hãy giữ đơn vị như lần nhập trước.");
        var signatures = steps.Select(s => s.Signature).ToList();
        var prefix = key.History.Count <= signatures.Count && key.History.SequenceEqual(signatures.Take(key.History.Count));
        if (!prefix)
            (m.History.Count > 0 ? m.History[0].Row : row).Fail(m.History.Count > 0 ? T.Step : T.RowCode,
                "Lịch sử khác với lịch sử đã nhập trước đây. Lịch sử đã ghi không sửa được; chỉ được thêm các bước mới sau các bước đã nhập.");
        var dossierChanged = ModelImportKey.Hash(m.UnitId, details, registered) != key.DossierHash;
        var added = prefix ? steps.Skip(key.History.Count).ToList() : [];
        if (!m.Ok) return Plan(RowFate.Refused);
        if (!dossierChanged && added.Count == 0) return Plan(RowFate.Unchanged);
        if (version != key.Version)
        {
            row.Fail(T.RowCode, "Mô hình đã được cập nhật trên hệ thống sau lần nhập trước; hãy sửa trực tiếp trên hệ thống thay vì nhập lại.");
            return Plan(RowFate.Refused);
        }
        if (dossierChanged && status is not (ModelStatus.Draft or ModelStatus.Returned))
        {
            row.Fail(T.Name, $"Hồ sơ đang ở trạng thái “{ModelLabels.Status(status)}” nên không sửa được bằng nhập lại (như trên biểu mẫu).");
            return Plan(RowFate.Refused);
        }
        var words = new List<string>();
        if (dossierChanged) words.Add("sửa hồ sơ");
        if (added.Count > 0) words.Add($"thêm {added.Count} bước lịch sử");
        return Plan(RowFate.Updated, dossierChanged, added, string.Join(", ", words));
    }

    static Guid? Replicates(ImportedModel m, ImportState state, HashSet<string> acceptedInFile, Guid provinceId, Guid self)
    {
        if (m.ReplicatesRef is not { } reference) return null;
        Guid? id = state.Codes.TryGetValue(reference, out var byCode) ? byCode
            : acceptedInFile.Contains(ModelRows.KeyOf(reference)) ? ModelImportKey.ModelIdFor(provinceId, ModelRows.KeyOf(reference)) : null;
        if (id is null) m.Row.Fail(T.Replicates, $"Không tìm thấy mô hình đã công nhận có mã “{reference}” (trong sổ hoặc trong tệp này).");
        else if (id == self) m.Row.Fail(T.Replicates, "Mô hình không thể nhân rộng từ chính nó.");
        return id == self ? null : id;
    }

    static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = T.Name, ["kind"] = T.Kind, ["personName"] = T.Person, ["personPosition"] = T.Position, ["periodId"] = T.Period,
        ["fieldCode"] = T.Field, ["levelCode"] = T.Level, ["situation"] = T.Situation, ["objectives"] = T.Objectives,
        ["contentAndMethods"] = T.Content, ["area"] = T.Area, ["targetGroup"] = T.TargetGroup, ["leadForce"] = T.Lead,
        ["coordinatingForces"] = T.Coordinating, ["participatingForces"] = T.Participating, ["budget"] = T.Budget,
        ["facilities"] = T.Facilities, ["evaluationDate"] = T.Evaluation, ["outputs"] = T.Outputs, ["sustainability"] = T.Sustainability,
        ["targets"] = T.RowCode
    };

    static readonly Dictionary<string, string> TargetColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indicator"] = T.Indicator, ["unitOfMeasure"] = T.Measure, ["baseline"] = T.Baseline, ["targetValue"] = T.TargetValue, ["dueDate"] = T.Due
    };

    /// <summary>The form's rules (<see cref="ModelRules.Check"/>), each message put back on the sheet, row and column it
    /// concerns. Completeness for submission is not asked of history: old registers hold what they hold (ADR 0036).</summary>
    static void CheckDossier(ImportedModel m, ModelDetails details, ModelContext context)
    {
        var errors = ModelRules.Check(details, context.Catalog, context.Period(details.PeriodId));
        foreach (var (field, messages) in errors)
        {
            var target = System.Text.RegularExpressions.Regex.Match(field, @"^targets\[(\d+)\]\.(\w+)$");
            if (target.Success && int.Parse(target.Groups[1].Value) is var i && i < m.Targets.Count)
            {
                var column = TargetColumns.GetValueOrDefault(target.Groups[2].Value, T.Indicator);
                foreach (var message in messages) if (m.Targets[i].Row.Errors.All(e => e.Column != column)) m.Targets[i].Row.Fail(column, message);
                continue;
            }
            var col = Columns.GetValueOrDefault(field, T.Name);
            foreach (var message in messages) if (m.Row.Errors.All(e => e.Column != col)) m.Row.Fail(col, message);
        }
    }

    static void CheckAccess(ImportedModel m, RegistryAccess access, Guid? board)
    {
        if (m.UnitId == Guid.Empty || access.SeesAll) return;
        var tree = access.Tree;
        var secretary = board is { } b && access.User.UnitsFor(Roles.BoardSecretary).Contains(b);
        var officer = access.OfficerUnits.Any(o => tree.Subtree(o).Contains(m.UnitId));
        if (!secretary && !officer)
        {
            m.Row.Fail(T.Unit, "Bạn không được nhập hồ sơ của đơn vị này (cán bộ nhập cho đơn vị mình và đơn vị trực thuộc; Thư ký Ban nhập cho các đơn vị Ban theo dõi ở cấp này).");
            return;
        }
        if (secretary) return;
        foreach (var (row, entry) in m.History.Where(h => h.Entry.Step is HistoryStep.Accepted or HistoryStep.Returned or HistoryStep.Rejected))
            row.Fail(T.Step, "Chỉ Thư ký Ban theo dõi đơn vị ở cấp này được nhập quyết định công nhận, trả lại, không chấp nhận.");
    }

    /// <summary>The steps in date order must be the ones the registry allows from each state (the same table as the
    /// buttons: <see cref="ModelRules.Refusal"/>), on dates between the registration and today.</summary>
    static void CheckHistory(ImportedModel m, DateOnly registered, DateOnly today, bool hasBoard, ModelDetails details, ModelContext context)
    {
        var status = ModelStatus.Draft;
        foreach (var (row, entry) in m.History)
        {
            row.Fail(entry.Date > today, T.Date, "Ngày của bước không được sau hôm nay.")
                .Fail(entry.Date < registered, T.Date, $"Ngày của bước trước ngày đăng ký ({registered:dd/MM/yyyy}).");
            var step = entry.Step switch
            {
                HistoryStep.Submitted => "submit", HistoryStep.Accepted => "accept", HistoryStep.Returned => "return",
                HistoryStep.Rejected => "reject", _ => "withdraw"
            };
            if (ModelRules.Refusal(status, step) is { } refusal) row.Fail(T.Step, refusal + " Các bước được xếp theo ngày.");
            row.Fail(entry.Step == HistoryStep.Accepted && entry.Code is null, T.Code, "Bước công nhận cần mã đăng ký đã cấp.")
                .Fail(entry.Step != HistoryStep.Accepted && entry.Code is not null, T.Code, "Chỉ bước công nhận mới có mã đăng ký.")
                .Fail(entry.Step is HistoryStep.Returned or HistoryStep.Rejected && entry.Reason is null, T.Reason, "Bước trả lại, không chấp nhận cần ghi lý do.")
                .Fail(entry.Step == HistoryStep.Submitted && !hasBoard && details.LevelCode.Length > 0, T.Step,
                    $"Chưa có Ban nào theo dõi mô hình {context.Catalog.LevelName(details.LevelCode).ToLowerInvariant()} của đơn vị này.");
            status = ImportPlan.Status(entry.Step);
        }
    }

    /// <summary>A replica whose source row is refused cannot be stored without it; repeated until nothing changes.</summary>
    static IReadOnlyList<ImportPlan> Dependencies(List<ImportPlan> plans)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            var refused = plans.Where(p => p.Fate == RowFate.Refused).Select(p => p.ModelId).ToHashSet();
            for (var i = 0; i < plans.Count; i++)
            {
                var p = plans[i];
                if (p.Fate == RowFate.Refused || p.Details.ReplicatesModelId is not { } source || !refused.Contains(source)) continue;
                p.Model.Row.Fail(T.Replicates, $"Mô hình được nhân rộng (mã dòng {plans.First(x => x.ModelId == source).Model.RowCode}) bị từ chối nên dòng này cũng chưa nhập được.");
                plans[i] = p with { Fate = RowFate.Refused };
                changed = true;
            }
        }
        return plans;
    }

    /// <summary>The register's date as a moment: 08:00 in Vietnam (office hours, safely inside the day whatever the
    /// reader's zone), a minute apart per step so a day's steps keep their order by time too.</summary>
    public static DateTimeOffset Moment(DateOnly date, int step = 0) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), VietnamClock.Offset).AddMinutes(step).ToUniversalTime();
}
