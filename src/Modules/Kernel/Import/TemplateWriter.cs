using System.Data;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Emulation.Kernel.Import;

/// <summary>Writes an import workbook: one sheet per <see cref="SheetSpec"/> with its Vietnamese header row (and rows,
/// for an export to re-import or the refused rows to fix), a "Hướng dẫn" sheet explaining every column, and a hidden
/// "Danh mục" sheet holding the code lists that the code columns offer as drop-down lists. MiniExcel writes the cells;
/// it has no data validation, so the package is then opened with the Open XML SDK to add the drop-downs.</summary>
public static class TemplateWriter
{
    public const string NotesSheet = "Hướng dẫn", ListsSheet = "Danh mục", ErrorColumn = "Lỗi cần sửa";

    /// <summary>Rows a drop-down covers below the header: a province's register fits, and Excel keeps the file small.</summary>
    const int ValidatedRows = 20_000;

    public sealed record SheetRows(SheetSpec Spec, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, bool WithErrors = false);

    public static byte[] Template(string title, IReadOnlyList<SheetSpec> specs, IReadOnlyList<string> guidance) =>
        Write(title, specs.Select(s => new SheetRows(s, [])).ToList(), guidance);

    public static byte[] Write(string title, IReadOnlyList<SheetRows> sheets, IReadOnlyList<string> guidance)
    {
        var lists = sheets.SelectMany(s => s.Spec.Columns).Select(c => c.Choices).OfType<CodeList>()
            .GroupBy(l => l.Name).Select(g => g.First()).ToList();
        var tables = new Dictionary<string, object>();
        var widths = new Dictionary<string, double>();
        var dateHeaders = new HashSet<string>();
        foreach (var sheet in sheets)
        {
            var table = new DataTable(sheet.Spec.Name);
            foreach (var column in sheet.Spec.Columns)
            {
                table.Columns.Add(column.Header, typeof(object));
                widths.TryAdd(column.Header, column.Width);
                if (column.Kind == CellKind.Date) dateHeaders.Add(column.Header);
            }
            if (sheet.WithErrors) { table.Columns.Add(ErrorColumn, typeof(string)); widths.TryAdd(ErrorColumn, 60); }
            foreach (var row in sheet.Rows)
            {
                var values = sheet.Spec.Columns.Select(c => Cell(row.GetValueOrDefault(c.Header), c.Kind)).ToList();
                if (sheet.WithErrors) values.Add(row.GetValueOrDefault(ErrorColumn) ?? DBNull.Value);
                table.Rows.Add(values.ToArray());
            }
            tables[Safe(sheet.Spec.Name)] = table;
        }
        tables[NotesSheet] = Notes(title, sheets.Select(s => s.Spec).ToList(), guidance);
        widths.TryAdd("Hướng dẫn nhập liệu", 120);
        tables[ListsSheet] = Lists(lists);
        foreach (var list in lists) widths.TryAdd(list.Name, 40);

        var config = new OpenXmlConfiguration
        {
            Culture = CultureInfo.InvariantCulture,
            EnableSharedStringCache = false,
            DynamicColumns = widths.Select(w => new DynamicExcelColumn(w.Key)
                { Width = w.Value, Format = dateHeaders.Contains(w.Key) ? "dd/mm/yyyy" : null }).ToArray()
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(tables, excelType: ExcelType.XLSX, configuration: config);
        AddDropDowns(buffer, sheets.Select(s => s.Spec).ToList(), lists);
        return buffer.ToArray();
    }

    static object Cell(object? value, CellKind kind) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset t => t.ToOffset(VietnamClock.Offset).DateTime,
        string s when kind == CellKind.Date => s,
        string s => new string(s.Where(c => c is '\t' or '\n' or '\r' || c >= ' ' && c != '\uFFFE' && c != '\uFFFF').ToArray()),
        _ => value
    };

    static string Safe(string name) => name.Length > 31 ? name[..31] : name;

    static DataTable Notes(string title, IReadOnlyList<SheetSpec> specs, IReadOnlyList<string> guidance)
    {
        var table = new DataTable(NotesSheet);
        table.Columns.Add("Hướng dẫn nhập liệu", typeof(string));
        void Line(string text) => table.Rows.Add(text);
        Line(title);
        foreach (var g in guidance) Line(g);
        foreach (var spec in specs)
        {
            Line("");
            Line($"Sheet “{spec.Name}”: {spec.Purpose}");
            foreach (var c in spec.Columns)
                Line($"• {c.Header}{(c.Required ? " (bắt buộc)" : "")}: {KindWords(c)}{(c.Note is null ? "" : ". " + c.Note)}");
        }
        return table;
    }

    static string KindWords(ImportColumn c) => c.Kind switch
    {
        CellKind.Number => "số, ô số của Excel hoặc gõ kiểu Việt Nam (1.500.000 hoặc 12,5)",
        CellKind.WholeNumber => "số nguyên",
        CellKind.Date => "ngày, ô ngày của Excel hoặc gõ ngày/tháng/năm (31/12/2026)",
        CellKind.Choice => $"chọn trong danh sách “{c.Choices!.Name}” (gõ mã hoặc tên, không phân biệt hoa thường, có dấu hay không)",
        _ => $"chữ, tối đa {c.MaxLength} ký tự"
    };

    /// <summary>One column per code list, its labels from row 2 down; the drop-downs point at these ranges.</summary>
    static DataTable Lists(IReadOnlyList<CodeList> lists)
    {
        var table = new DataTable(ListsSheet);
        foreach (var list in lists) table.Columns.Add(list.Name, typeof(string));
        if (lists.Count == 0) table.Columns.Add("(không có)", typeof(string));
        var rows = lists.Count == 0 ? 0 : lists.Max(l => l.Entries.Count);
        for (var i = 0; i < rows; i++)
            table.Rows.Add(lists.Select(l => i < l.Entries.Count ? (object)l.Entries[i].Label : DBNull.Value).ToArray());
        return table;
    }

    static void AddDropDowns(MemoryStream buffer, IReadOnlyList<SheetSpec> specs, IReadOnlyList<CodeList> lists)
    {
        using var document = SpreadsheetDocument.Open(buffer, isEditable: true);
        var workbook = document.WorkbookPart!;
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            if (sheet.Name?.Value == ListsSheet) sheet.State = SheetStateValues.Hidden;
            var spec = specs.FirstOrDefault(s => Safe(s.Name) == sheet.Name?.Value);
            if (spec is null) continue;
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var validations = new DataValidations();
            for (var i = 0; i < spec.Columns.Count; i++)
            {
                if (spec.Columns[i].Choices is not { } list) continue;
                var index = lists.ToList().FindIndex(l => l.Name == list.Name);
                var letter = Letter(index);
                var column = Letter(i);
                validations.Append(new DataValidation(new Formula1($"'{ListsSheet}'!${letter}$2:${letter}${Math.Max(2, list.Entries.Count + 1)}"))
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = false, ShowInputMessage = true,
                    PromptTitle = list.Name.Length > 32 ? list.Name[..32] : list.Name, Prompt = "Chọn trong danh sách hoặc gõ mã, tên.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{ValidatedRows + 1}" }
                });
            }
            if (!validations.HasChildren) continue;
            validations.Count = (uint)validations.ChildElements.Count;
            var worksheet = part.Worksheet;
            // The schema fixes where dataValidations goes: after the sheet data and its filters, before margins and the rest.
            var before = worksheet.ChildElements.FirstOrDefault(e => e is Hyperlinks or PrintOptions or PageMargins or PageSetup or HeaderFooter
                or RowBreaks or ColumnBreaks or Drawing or LegacyDrawing or TableParts or ExtensionList);
            if (before is null) worksheet.Append(validations);
            else worksheet.InsertBefore(validations, before);
            worksheet.Save();
        }
        workbook.Workbook.Save();
    }

    static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
