using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;

namespace Emulation.Directory.Import;

/// <summary>What a confirmed row does: the events it appends to one stream (a unit's or a person's), the Directory's own
/// events decided by the Directory's own rules. A new person also gets a credential without a password.</summary>
public sealed record RowPlan(SheetRow Row, string Key, string Title, RowFate Fate, Guid StreamId, bool StartsStream,
    IReadOnlyList<object> Events, string? Note)
{
    public IReadOnlyList<RowError> Errors => Row.Errors;
    public bool Stores => Fate is RowFate.New or RowFate.Updated;
}

/// <summary>A checked workbook: every row's plan, in the order the confirmation appends them (units by the tree, then
/// people, then roles), and what made the file itself unreadable.</summary>
public sealed class DirectoryImportCheck(IReadOnlyList<RowPlan> plans, IReadOnlyList<RowError> fileErrors, IReadOnlyList<CatalogLevel> levels)
{
    public IReadOnlyList<RowPlan> Plans => plans;
    public IReadOnlyList<RowError> FileErrors => fileErrors;

    /// <summary>Preview rows in the file's order, sheet by sheet.</summary>
    public IEnumerable<PreviewRow> Preview() => plans
        .OrderBy(p => Array.IndexOf([DirectoryTemplate.Units, DirectoryTemplate.People, DirectoryTemplate.RoleSheet], p.Row.Sheet)).ThenBy(p => p.Row.Number)
        .Select(p => new PreviewRow(p.Row.Sheet, p.Row.Number, p.Key, p.Title, p.Fate, p.Errors, p.Note));

    public FateCounts Counts => FateCounts.Of(Preview());

    public IReadOnlyList<TemplateWriter.SheetRows> Refused()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows(string sheet) => plans
            .Where(p => p.Fate == RowFate.Refused && p.Row.Sheet == sheet).OrderBy(p => p.Row.Number)
            .Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(p.Row.Cells)
                { [TemplateWriter.ErrorColumn] = string.Join("\n", p.Errors.Select(e => e.Text)) }).ToList();
        return DirectoryTemplate.Sheets(levels).Select(s => new TemplateWriter.SheetRows(s, Rows(s.Name), true)).ToList();
    }
}

/// <summary>The check of the Directory's workbook (ADR 0041), pure given the stored units and people: each row decided by
/// the same rules (and the same Decide functions) as the forms, against the Directory as the earlier rows leave it.</summary>
public static class DirectoryImport
{
    /// <param name="levels">Every level of the Registry's catalog (<see cref="BoardLevels.AllAsync"/>): a new board covers one
    /// in use, as on the units page.</param>
    public static DirectoryImportCheck Check(ImportWorkbook book, IReadOnlyCollection<Unit> storedUnits, IReadOnlyCollection<Person> storedPeople,
        string fileName, Guid by, DateTimeOffset now, IReadOnlyList<CatalogLevel>? levels = null)
    {
        levels ??= BoardLevels.Standard;
        var units = new UnitCheck(book.Rows(DirectoryTemplate.Units), storedUnits, fileName, by, now, levels).Run();
        var people = new PeopleCheck(book.Rows(DirectoryTemplate.People), book.Rows(DirectoryTemplate.RoleSheet), storedPeople, units, by, now).Run();
        return new DirectoryImportCheck([.. units.Plans, .. people], book.FileErrors, levels);
    }

    public static string Source(string fileName, SheetRow row) => $"Nhập từ Excel: tệp “{fileName}”, sheet {row.Sheet}, dòng {row.Number}.";

    /// <summary>A unit row as read, before any rule.</summary>
    sealed record UnitLine(SheetRow Row, string Code, string? Name, UnitKind? Kind, string? Parent, string? Level, DateOnly? From,
        string? MergeInto, DateOnly? MergedOn);

    public sealed record UnitOutcome(IReadOnlyList<RowPlan> Plans, UnitTree Tree, IReadOnlyDictionary<string, SheetRow> Refused);

    sealed class UnitCheck(IReadOnlyList<SheetRow> rows, IReadOnlyCollection<Unit> stored, string fileName, Guid by, DateTimeOffset now,
        IReadOnlyList<CatalogLevel> levels)
    {
        readonly DateOnly _today = now.VietnamDate();

        public UnitOutcome Run()
        {
            var lines = rows.Select(Read).ToList();
            var byCode = new Dictionary<string, UnitLine>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Where(l => l.Code.Length > 0))
                if (!byCode.TryAdd(line.Code, line))
                    line.Row.Fail(DirectoryTemplate.Code, $"Mã đơn vị “{line.Code}” đã có ở dòng {byCode[line.Code].Row.Number}.");
            var order = TreeOrder(lines, byCode);

            // A row refused late (its merge, checked after every registration) may already have been taken as the parent or
            // the merge target of another row: the check runs again with it refused from the start, until nothing changes.
            var late = new Dictionary<SheetRow, List<(string Column, string Reason)>>();
            while (true)
            {
                var (plans, tree, failed) = Simulate(order, byCode, late);
                if (failed.Count == 0)
                {
                    foreach (var (row, errors) in late) foreach (var (column, reason) in errors) row.Fail(column, reason);
                    var refused = lines.Where(l => l.Code.Length > 0 && !l.Row.Ok && byCode.GetValueOrDefault(l.Code) == l)
                        .ToDictionary(l => l.Code, l => l.Row, StringComparer.OrdinalIgnoreCase);
                    return new UnitOutcome(plans, tree, refused);
                }
                foreach (var (row, errors) in failed) late[row] = errors;
            }
        }

        UnitLine Read(SheetRow row)
        {
            var code = Code(row.Text(DirectoryTemplate.Code)) ?? "";
            var name = row.Text(DirectoryTemplate.Name);
            var kind = row.Choice(DirectoryTemplate.Kind) is { } k ? DirectoryTemplate.KindOf(k) : (UnitKind?)null;
            var parent = Code(row.Text(DirectoryTemplate.Parent));
            var level = row.Choice(DirectoryTemplate.Level);
            var from = row.Date(DirectoryTemplate.From);
            var into = Code(row.Text(DirectoryTemplate.MergedInto));
            var mergedOn = row.Date(DirectoryTemplate.MergedOn);
            row.Fail(from > _today, DirectoryTemplate.From, "Ngày áp dụng không được sau hôm nay.");
            row.Fail(mergedOn > _today, DirectoryTemplate.MergedOn, "Ngày sáp nhập không được sau hôm nay.");
            row.Fail(into is not null && mergedOn is null && !row.Errors.Any(e => e.Column == DirectoryTemplate.MergedOn), DirectoryTemplate.MergedOn,
                "Ghi ngày sáp nhập khi đã ghi đơn vị tiếp nhận (ví dụ 01/07/2025).");
            row.Fail(from is not null && mergedOn < from, DirectoryTemplate.MergedOn, "Ngày sáp nhập không được trước ngày áp dụng.");
            row.Fail(into is null && mergedOn is not null, DirectoryTemplate.MergedInto, "Ghi mã đơn vị tiếp nhận khi đã ghi ngày sáp nhập.");
            row.Fail(into is not null && string.Equals(into, code, StringComparison.OrdinalIgnoreCase), DirectoryTemplate.MergedInto,
                "Không thể sáp nhập một đơn vị vào chính nó.");
            return new UnitLine(row, code, name, kind, parent, level, from, into, mergedOn);
        }

        static string? Code(string? text) => text is null ? null : text.ToUpperInvariant();

        /// <summary>Parents before children, whatever the file's order; a row on a cycle of parents is refused with the cycle.</summary>
        static List<UnitLine> TreeOrder(List<UnitLine> lines, Dictionary<string, UnitLine> byCode)
        {
            var order = new List<UnitLine>();
            var placed = new HashSet<UnitLine>();
            foreach (var start in lines)
            {
                var path = new List<UnitLine>();
                var onPath = new HashSet<UnitLine>();
                var line = start;
                while (line is not null && !placed.Contains(line) && onPath.Add(line))
                {
                    path.Add(line);
                    line = line.Parent is { } p && byCode.TryGetValue(p, out var parent) ? parent : null;
                }
                if (line is not null && onPath.Contains(line))
                {
                    var cycle = path.Skip(path.IndexOf(line)).ToList();
                    var text = string.Join(" → ", cycle.Append(line).Select(l => l.Code));
                    foreach (var c in cycle)
                        c.Row.Fail(DirectoryTemplate.Parent, $"Vòng lặp cấp trên: {text}. Một đơn vị không thể trực thuộc chính nó hay đơn vị cấp dưới của nó.");
                }
                for (var i = path.Count - 1; i >= 0; i--) if (placed.Add(path[i])) order.Add(path[i]);
            }
            return order;
        }

        (List<RowPlan> Plans, UnitTree Tree, Dictionary<SheetRow, List<(string, string)>> Failed) Simulate(List<UnitLine> order,
            Dictionary<string, UnitLine> byCode, Dictionary<SheetRow, List<(string Column, string Reason)>> late)
        {
            var tree = new UnitTree(stored);
            var storedTree = new UnitTree(stored);
            var refused = new HashSet<UnitLine>();
            var events = new Dictionary<UnitLine, (Unit Unit, bool New, List<object> Events, List<string> Notes)>();
            var failed = new Dictionary<SheetRow, List<(string, string)>>();

            bool Refused(UnitLine line) => refused.Contains(line) || !line.Row.Ok || late.ContainsKey(line.Row);
            Unit Apply(Unit unit, object e) => e switch
            {
                UnitRegistered r => Unit.Create(r),
                UnitRenamed r => unit.Apply(r) with { Version = unit.Version + 1 },
                UnitMoved m => unit.Apply(m) with { Version = unit.Version + 1 },
                UnitMerged m => unit.Apply(m) with { Version = unit.Version + 1 },
                _ => unit
            };
            // The row that names a code in the file, if that row is refused: what depends on it is refused with it.
            string? RefusedRow(string code) => byCode.TryGetValue(code, out var l) && Refused(l)
                ? $"Dòng {l.Row.Number} (mã “{l.Code}”) bị từ chối; hãy sửa dòng đó trước." : null;

            foreach (var line in order)
            {
                if (Refused(line)) { refused.Add(line); continue; }
                var errors = new List<(string Column, string Reason)>();
                Guid? parentId = null;
                if (line.Parent is { } p)
                {
                    if (RefusedRow(p) is { } why) errors.Add((DirectoryTemplate.Parent, $"Đơn vị cấp trên “{p}” chưa nhập được: {why}"));
                    else if (tree.FindCode(p) is { } parent) parentId = parent.Id;
                    else errors.Add((DirectoryTemplate.Parent, $"Không có đơn vị mã “{p}” trong tệp hay trong hệ thống."));
                }
                if (errors.Count > 0) { Refuse(line, errors); continue; }

                var existing = storedTree.FindCode(line.Code);
                var notes = new List<string>();
                var list = new List<object>();
                Unit unit;
                if (existing is null)
                {
                    var decision = RegisterUnitEndpoint.Decide(tree, new RegisterUnit(line.Code, line.Name!, line.Kind!.Value, parentId, line.Level, line.From ?? line.MergedOn),
                        DirectoryTemplate.UnitId(line.Code), by, now, levels);
                    if (!decision.Errors.Ok) { Refuse(line, Columns(decision.Errors)); continue; }
                    list.Add(decision.Event!);
                    unit = Apply(null!, decision.Event!);
                    notes.Add($"{UnitKinds.Label(unit.Kind)}{(line.Parent is null ? "" : $", trực thuộc {line.Parent}")}");
                }
                else
                {
                    unit = existing;
                    if (unit.Kind != line.Kind) errors.Add((DirectoryTemplate.Kind,
                        $"Đơn vị “{unit.Code}” đang là “{UnitKinds.Label(unit.Kind)}”; loại đơn vị không đổi được."));
                    if (unit.Kind == UnitKind.Board && line.Level != unit.CoversLevel) errors.Add((DirectoryTemplate.Level,
                        $"Ban “{unit.Code}” đang theo dõi {BoardLevels.Name(levels, unit.CoversLevel).ToLowerInvariant()}; cấp Ban theo dõi không đổi được bằng tệp."));
                    if (errors.Count > 0) { Refuse(line, errors); continue; }
                    var reason = Source(fileName, line.Row);
                    if (VietnameseText.Clean(line.Name) != unit.Name)
                    {
                        var renamed = RenameUnitEndpoint.Decide(unit, new RenameUnit(line.Name!, line.From, reason, unit.Version), by, now);
                        if (!renamed.Errors.Ok) { Refuse(line, Columns(renamed.Errors)); continue; }
                        notes.Add($"đổi tên từ “{unit.Name}”");
                        list.Add(renamed.Event!);
                        unit = Apply(unit, renamed.Event!);
                    }
                    if (parentId != unit.ParentId)
                    {
                        var moved = MoveUnitEndpoint.Decide(unit, tree, new MoveUnit(parentId, line.From, reason, unit.Version), by, now);
                        if (!moved.Errors.Ok) { Refuse(line, Columns(moved.Errors)); continue; }
                        notes.Add(parentId is null ? "thành đơn vị cấp cao nhất" : $"chuyển sang trực thuộc {line.Parent}");
                        list.Add(moved.Event!);
                        unit = Apply(unit, moved.Event!);
                    }
                    if (!unit.Active)
                    {
                        var into = tree.Find(unit.MergedInto);
                        if (!string.Equals(into?.Code, line.MergeInto, StringComparison.OrdinalIgnoreCase) || line.MergedOn != unit.MergedFrom)
                        {
                            Refuse(line, [(line.MergeInto is null ? DirectoryTemplate.MergedInto : DirectoryTemplate.MergedOn,
                                $"Đơn vị đã sáp nhập vào “{into?.Code}” từ ngày {Format.Date(unit.MergedFrom)}; sáp nhập không sửa hay hoàn tác được bằng tệp.")]);
                            continue;
                        }
                    }
                }
                tree.Put(unit);
                events[line] = (unit, existing is null, list, notes);
            }

            // Merges after every registration, oldest first: a target may come later in the file, and a unit merged in 2024
            // may itself take part in a 2025 merge.
            foreach (var line in events.Keys.Where(l => l.MergeInto is not null && events[l].Unit.Active).OrderBy(l => l.MergedOn).ThenBy(l => l.Row.Number).ToList())
            {
                var (unit, isNew, list, notes) = events[line];
                var target = line.MergeInto!;
                if (RefusedRow(target) is { } why) { Late(line, DirectoryTemplate.MergedInto, $"Đơn vị tiếp nhận “{target}” chưa nhập được: {why}"); continue; }
                if (tree.FindCode(target) is not { } into) { Late(line, DirectoryTemplate.MergedInto, $"Không có đơn vị mã “{target}” trong tệp hay trong hệ thống."); continue; }
                var merged = MergeUnitEndpoint.Decide(unit, tree, new MergeUnit(into.Id, line.MergedOn, Source(fileName, line.Row), unit.Version), by, now);
                if (!merged.Errors.Ok) { foreach (var (c, r) in Columns(merged.Errors)) Late(line, c, r); continue; }
                unit = Apply(unit, merged.Event!);
                tree.Put(unit);
                events[line] = (unit, isNew, [.. list, merged.Event!], [.. notes, $"sáp nhập vào {into.Code} từ {Format.Date(line.MergedOn)}"]);
            }

            var plans = order.Select(line =>
            {
                var title = line.Name ?? SheetRow.CellText(line.Row.Cells.GetValueOrDefault(DirectoryTemplate.Name));
                if (!events.TryGetValue(line, out var e) || failed.ContainsKey(line.Row))
                    return new RowPlan(line.Row, line.Code, title, RowFate.Refused, Guid.Empty, false, [], null);
                var fate = e.New ? RowFate.New : e.Events.Count > 0 ? RowFate.Updated : RowFate.Unchanged;
                var note = e.Notes.Count == 0 ? null : string.Join("; ", e.Notes);
                return new RowPlan(line.Row, line.Code, title, fate, e.Unit.Id, e.New, e.Events, note is null ? null : char.ToUpper(note[0]) + note[1..]);
            }).ToList();
            return (plans, tree, failed);

            void Refuse(UnitLine line, IEnumerable<(string Column, string Reason)> errors)
            {
                refused.Add(line);
                foreach (var (column, reason) in errors) line.Row.Fail(column, reason);
            }

            void Late(UnitLine line, string column, string reason)
            {
                if (!failed.TryGetValue(line.Row, out var list)) failed[line.Row] = list = [];
                list.Add((column, reason));
            }
        }

        static IEnumerable<(string Column, string Reason)> Columns(Errors errors) => errors.SelectMany(e => e.Value.Select(m => (e.Key switch
        {
            "code" => DirectoryTemplate.Code,
            "name" => DirectoryTemplate.Name,
            "kind" => DirectoryTemplate.Kind,
            "parentId" => DirectoryTemplate.Parent,
            "coversLevel" => DirectoryTemplate.Level,
            "effectiveFrom" => DirectoryTemplate.From,
            "intoUnitId" => DirectoryTemplate.MergedInto,
            _ => ""
        }, m)));
    }
}
