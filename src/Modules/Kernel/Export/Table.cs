using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Emulation.Kernel;

namespace Emulation.Kernel.Export;

/// <summary>A column of an export: its heading and its width in characters (as a spreadsheet counts them).</summary>
public sealed record Column(string Header, double Width);

/// <summary>A sheet with a header row. Cells hold strings, numbers, dates (<see cref="DateOnly"/>) or times
/// (<see cref="DateTimeOffset"/>, shown in Vietnam time), so a spreadsheet can sort and sum them.</summary>
public sealed record Table(string SheetName, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    const string TimeFormat = "dd/mm/yyyy hh:mm", DateFormat = "dd/mm/yyyy";

    /// <summary>CSV with a byte-order mark, so spreadsheet programs read the Vietnamese text as UTF-8. A cell starting
    /// with = + - @ tab or CR is prefixed with an apostrophe, so a spreadsheet never runs it as a formula.</summary>
    public byte[] ToCsv()
    {
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(Columns.Select(c => c.Header).ToArray());
            foreach (var row in Rows)
            {
                foreach (var cell in row)
                    if (cell is string or null) csv.WriteField((string?)cell);
                    else csv.WriteField(CsvText(cell));
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    static string CsvText(object? cell) => cell switch
    {
        null => "",
        DateTimeOffset t => t.ToOffset(VietnamClock.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? ""
    };

    /// <summary>An .xlsx workbook: numbers and dates as typed cells with a date format, column widths, a frozen,
    /// filterable header row. Excel limits a sheet name to 31 characters.</summary>
    public byte[] ToXlsx() => Workbook([this]);

    /// <summary>Several tables as one workbook, a sheet each, in order. Sheet names are cut to Excel's 31 characters and
    /// made unique.</summary>
    public static byte[] Workbook(IReadOnlyList<Table> tables)
    {
        var sheets = new Dictionary<string, object>();
        var columns = new List<DynamicExcelColumn>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            // Keys are unique across the workbook: the configuration's columns are shared by every sheet.
            var keys = table.Columns.Select((_, i) => $"s{t}c{i}").ToArray();
            columns.AddRange(table.Columns.Select((c, i) => new DynamicExcelColumn(keys[i])
            {
                Name = c.Header, Width = c.Width, Format = table.Rows.Select(r => r[i]).FirstOrDefault(v => v is not null) switch
                {
                    DateTimeOffset => TimeFormat,
                    DateOnly => DateFormat,
                    _ => null
                }
            }));
            var rows = table.Rows.Select(r => (IDictionary<string, object?>)keys.Select((k, i) => (k, XlsxValue(r[i]))).ToDictionary(p => p.k, p => p.Item2)).ToList();
            var name = table.SheetName.Length > 31 ? table.SheetName[..31] : table.SheetName;
            for (var n = 2; sheets.ContainsKey(name); n++) name = $"{(table.SheetName.Length > 27 ? table.SheetName[..27] : table.SheetName)} ({n})";
            sheets[name] = rows;
        }
        var config = new OpenXmlConfiguration { Culture = CultureInfo.InvariantCulture, EnableSharedStringCache = false, DynamicColumns = columns.ToArray() };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: config);
        return buffer.ToArray();
    }

    // A time becomes the wall-clock time in Vietnam, which is what the sheet shows and sorts by.
    static object? XlsxValue(object? cell) => cell switch
    {
        DateTimeOffset t => t.ToOffset(VietnamClock.Offset).DateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        string s => new string(s.Where(XmlAllowed).ToArray()),
        _ => cell
    };

    static bool XmlAllowed(char c) => c is '\t' or '\n' or '\r' || c >= ' ' && c != '\uFFFE' && c != '\uFFFF';
}
