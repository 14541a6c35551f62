using Emulation.Kernel.Import;
using Emulation.Kernel.Text;
using Emulation.Registry.Models;
using T = Emulation.Registry.Import.ModelTemplate;

namespace Emulation.Registry.Import;

/// <summary>A step of the register's history with its original date.</summary>
public sealed record HistoryEntry(HistoryStep Step, DateOnly Date, string? Code, string? Reason)
{
    public string Signature => $"{Step}|{Date:yyyy-MM-dd}|{Code}|{Reason}";
}

/// <summary>A model as one row of the register describes it, with the rows of the other sheets that belong to it.</summary>
public sealed record ImportedModel(
    SheetRow Row, string RowCode, string Key, Guid UnitId, ModelDetails Details, string? ReplicatesRef, DateOnly? RegisteredOn,
    IReadOnlyList<(SheetRow Row, Target Target)> Targets, IReadOnlyList<(SheetRow Row, HistoryEntry Entry)> History,
    IReadOnlyList<SheetRow> UnreadSteps)
{
    /// <summary>Every row of every sheet that belongs to this model, the history rows that could not be read included.</summary>
    public IEnumerable<SheetRow> AllRows => [Row, .. Targets.Select(t => t.Row), .. History.Select(h => h.Row), .. UnreadSteps];
    public IEnumerable<RowError> Errors => AllRows.SelectMany(r => r.Errors);
    public bool Ok => AllRows.All(r => r.Ok);
}

/// <summary>Reads the register workbook into models (pure): every cell through the kit's readers, targets and history
/// attached to their model by row code, and each reason tied to the sheet, row and column it came from.</summary>
public static class ModelRows
{
    public static string KeyOf(string rowCode) => VietnameseText.Fold(rowCode).Replace(' ', '-').ToUpperInvariant();

    public static (IReadOnlyList<ImportedModel> Models, IReadOnlyList<SheetRow> Orphans) Read(ImportWorkbook workbook)
    {
        var targets = workbook.Rows(T.Targets).Select(r => (Row: r, Key: Code(r))).ToList();
        var history = workbook.Rows(T.History).Select(r => (Row: r, Key: Code(r))).ToList();
        var targetsOf = targets.ToLookup(t => t.Key, t => t.Row);
        var historyOf = history.ToLookup(h => h.Key, h => h.Row);
        var models = new List<ImportedModel>();
        var seen = new Dictionary<string, int>();
        foreach (var row in workbook.Rows(T.Dossiers))
        {
            var rowCode = row.Text(T.RowCode) ?? "";
            var key = rowCode.Length == 0 ? "" : KeyOf(rowCode);
            if (key.Length > 0 && !seen.TryAdd(key, row.Number))
                row.Fail(T.RowCode, $"Mã dòng “{rowCode}” trùng với dòng {seen[key]}.");
            var kind = row.Choice(T.Kind);
            var details = new ModelDetails(
                kind is null ? ModelKind.Model : Enum.Parse<ModelKind>(kind), row.Text(T.Name) ?? "", row.Text(T.Person), row.Text(T.Position),
                Guid.TryParse(row.Choice(T.Period), out var period) ? period : Guid.Empty, row.Choice(T.Field) ?? "", row.Choice(T.Level) ?? "",
                row.LongText(T.Situation), row.LongText(T.Objectives), row.LongText(T.Content), row.LongText(T.Area), row.LongText(T.TargetGroup),
                row.LongText(T.Lead), row.LongText(T.Coordinating), row.LongText(T.Participating),
                row.Decimal(T.Budget), row.LongText(T.Facilities), row.Whole(T.Workdays), row.Decimal(T.Socialised),
                row.Date(T.Start), row.Date(T.Evaluation), [], [], row.LongText(T.Outputs), row.LongText(T.Sustainability), null);
            var unit = Guid.TryParse(row.Choice(T.Unit), out var u) ? u : Guid.Empty;
            var mine = key.Length == 0 ? [] : targetsOf[key].Select(r => (Row: r, ReadTarget(r))).ToList();
            var read = key.Length == 0 ? [] : historyOf[key].Select(r => (Row: r, Entry: ReadStep(r))).ToList();
            var steps = read.Where(h => h.Entry is not null).Select(h => (h.Row, h.Entry!)).ToList();
            details = details with { Targets = mine.Select(t => t.Item2).ToList() };
            models.Add(new ImportedModel(row, rowCode, key, unit, details, row.Text(T.Replicates)?.ToUpperInvariant(), row.Date(T.RegisteredOn),
                mine, steps.OrderBy(s => s.Item2.Date).ThenBy(s => s.Row.Number).ToList(), read.Where(h => h.Entry is null).Select(h => h.Row).ToList()));
        }
        var known = models.Select(m => m.Key).ToHashSet();
        var orphans = targets.Concat(history).Where(r => r.Key.Length > 0 && !known.Contains(r.Key)).Select(r => r.Row).ToList();
        foreach (var orphan in orphans)
            orphan.Fail(T.RowCode, $"Không có mô hình nào mang mã dòng “{orphan.Cells.GetValueOrDefault(T.RowCode)}” trong sheet {T.Dossiers}.");
        return (models, orphans);
    }

    static string Code(SheetRow row) => row.Text(T.RowCode) is { } code ? KeyOf(code) : "";

    static Target ReadTarget(SheetRow row) =>
        new(row.Text(T.Indicator) ?? "", row.Text(T.Measure) ?? "", row.Decimal(T.Baseline), row.Decimal(T.TargetValue), row.Date(T.Due));

    static HistoryEntry? ReadStep(SheetRow row)
    {
        var step = row.Choice(T.Step);
        var date = row.Date(T.Date);
        var code = row.Text(T.Code)?.ToUpperInvariant();
        var reason = row.LongText(T.Reason);
        return step is null || date is null ? null : new HistoryEntry(Enum.Parse<HistoryStep>(step), date.Value, code, reason);
    }
}
