using Emulation.Kernel.Text;
using MiniExcelLibs;

namespace Emulation.Kernel.Import;

/// <summary>The rows of an uploaded workbook, sheet by sheet, matched to a template's columns by their headings
/// (ignoring case, diacritics, spacing and order), and what made the file itself unreadable.</summary>
public sealed record ImportWorkbook(IReadOnlyDictionary<string, IReadOnlyList<SheetRow>> Sheets, IReadOnlyList<RowError> FileErrors)
{
    public IReadOnlyList<SheetRow> Rows(string sheet) => Sheets.TryGetValue(sheet, out var rows) ? rows : [];
}

public static class WorkbookReader
{
    /// <summary>A sheet may hold at most this many data rows: a province's register is a few thousand, and a file
    /// that claims a million rows is stopped before it is held in memory.</summary>
    public const int MaxRows = 60_000;

    /// <summary>Reads the sheets the template names; a sheet left out of the file reads as empty unless required.
    /// Blank rows are skipped; row numbers stay those Excel shows.</summary>
    public static ImportWorkbook Read(byte[] file, IReadOnlyList<SheetSpec> specs, IReadOnlyCollection<string>? requiredSheets = null)
    {
        var errors = new List<RowError>();
        var sheets = new Dictionary<string, IReadOnlyList<SheetRow>>();
        List<string> names;
        try
        {
            using var probe = new MemoryStream(file, writable: false);
            names = MiniExcel.GetSheetNames(probe);
        }
        // The file is whatever was uploaded: any failure of the reader on it is the file's, told as such, never a 500.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new ImportWorkbook(sheets, [new RowError("", 0, "", "Không đọc được tệp. Hãy gửi tệp Excel (.xlsx) tải từ mẫu nhập liệu.")]);
        }

        foreach (var spec in specs)
        {
            var name = names.FirstOrDefault(n => VietnameseText.Fold(n) == VietnameseText.Fold(spec.Name));
            if (name is null)
            {
                if (requiredSheets?.Contains(spec.Name) == true)
                    errors.Add(new RowError(spec.Name, 0, "", $"Tệp không có sheet “{spec.Name}”. Hãy dùng mẫu nhập liệu tải từ hệ thống."));
                sheets[spec.Name] = [];
                continue;
            }
            try { sheets[spec.Name] = ReadSheet(file, name, spec, errors); }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                errors.Add(new RowError(spec.Name, 0, "", "Không đọc được sheet này. Hãy kiểm tra tệp hoặc dùng mẫu nhập liệu tải từ hệ thống."));
                sheets[spec.Name] = [];
            }
        }
        return new ImportWorkbook(sheets, errors);
    }

    static IReadOnlyList<SheetRow> ReadSheet(byte[] file, string name, SheetSpec spec, List<RowError> errors)
    {
        using var stream = new MemoryStream(file, writable: false);
        var rows = new List<SheetRow>();
        Dictionary<string, string>? columnOf = null;
        var number = 0;
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: false, sheetName: name))
        {
            number++;
            if (columnOf is null)
            {
                columnOf = Headers(raw, spec, errors);
                if (columnOf is null) return [];
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                errors.Add(new RowError(spec.Name, number, "", $"Một sheet nhận tối đa {MaxRows:N0} dòng; hãy chia tệp.".Replace(',', '.')));
                break;
            }
            var cells = columnOf.ToDictionary(p => p.Key, p => raw.TryGetValue(p.Value, out var v) ? v : null);
            var row = new SheetRow(spec, number, cells);
            if (!row.IsBlank) rows.Add(row);
        }
        return rows;
    }

    /// <summary>Template heading → the sheet's column letter. A required heading that is missing refuses the sheet.</summary>
    static Dictionary<string, string>? Headers(IDictionary<string, object?> headerRow, SheetSpec spec, List<RowError> errors)
    {
        var byFolded = new Dictionary<string, string>();
        foreach (var (letter, value) in headerRow)
            if (value is not null && SheetRow.CellText(value) is { Length: > 0 } text) byFolded.TryAdd(VietnameseText.Fold(text), letter);
        var map = new Dictionary<string, string>();
        var missing = new List<string>();
        foreach (var column in spec.Columns)
        {
            if (byFolded.TryGetValue(VietnameseText.Fold(column.Header), out var letter)) map[column.Header] = letter;
            else if (column.Required) missing.Add(column.Header);
        }
        if (missing.Count == 0) return map;
        errors.Add(new RowError(spec.Name, 1, "", $"Thiếu cột {string.Join(", ", missing.Select(m => $"“{m}”"))} ở dòng tiêu đề."));
        return null;
    }
}
