using System.Globalization;
using Emulation.Kernel.Text;

namespace Emulation.Kernel.Import;

/// <summary>Why a row (or the file) was refused, as the person who fixes the sheet needs it: sheet, row, column, reason.</summary>
public sealed record RowError(string Sheet, int Row, string Column, string Reason)
{
    public string Text => Sheet.Length == 0 ? Reason
        : Row <= 0 ? $"Sheet {Sheet}: {Reason}"
        : Column.Length == 0 ? $"Sheet {Sheet}, dòng {Row}: {Reason}"
        : $"Sheet {Sheet}, dòng {Row}, cột {Column}: {Reason}";
}

/// <summary>One data row of a sheet, with readers that turn cells into values the way people type them in Excel
/// (real numbers and dates, or text typed the Vietnamese way) and collect a Vietnamese reason for each cell they
/// cannot read. The raw cells are kept so a refused row can be written back exactly as it came.</summary>
public sealed class SheetRow(SheetSpec spec, int number, IReadOnlyDictionary<string, object?> cells)
{
    readonly List<RowError> _errors = [];

    public SheetSpec Spec => spec;
    public string Sheet => spec.Name;
    /// <summary>The row's number as Excel shows it (the header is row 1).</summary>
    public int Number => number;
    public IReadOnlyDictionary<string, object?> Cells => cells;
    public IReadOnlyList<RowError> Errors => _errors;
    public bool Ok => _errors.Count == 0;

    public bool IsBlank => cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s));

    public SheetRow Fail(string column, string reason)
    {
        _errors.Add(new RowError(Sheet, Number, column, reason));
        return this;
    }

    public SheetRow Fail(bool failed, string column, string reason) => failed ? Fail(column, reason) : this;

    object? Raw(string column) => cells.TryGetValue(column, out var v) ? v is string s && string.IsNullOrWhiteSpace(s) ? null : v : null;

    bool Missing(string column)
    {
        if (Raw(column) is not null) return false;
        if (spec.Column(column).Required) Fail(column, "Không được để trống.");
        return true;
    }

    /// <summary>Text in NFC, trimmed, inner spaces folded; a number typed into a text column reads as its digits.</summary>
    public string? Text(string column)
    {
        if (Missing(column)) return null;
        var text = CellText(Raw(column));
        var max = spec.Column(column).MaxLength;
        if (text.Length > max) { Fail(column, $"Dài {text.Length} ký tự, tối đa {max} ký tự."); return null; }
        return text;
    }

    /// <summary>A long text keeps its line breaks.</summary>
    public string? LongText(string column)
    {
        if (Missing(column)) return null;
        var text = VietnameseText.Nfc(Raw(column) is string s ? s : CellText(Raw(column))).Replace("\r\n", "\n").Trim();
        var max = spec.Column(column).MaxLength;
        if (text.Length > max) { Fail(column, $"Dài {text.Length} ký tự, tối đa {max} ký tự."); return null; }
        return text;
    }

    public decimal? Decimal(string column)
    {
        if (Missing(column)) return null;
        switch (Raw(column))
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15: return Math.Round((decimal)d, 10);
            case int or long or decimal: return Convert.ToDecimal(Raw(column), CultureInfo.InvariantCulture);
            case string s:
                var (value, error) = VietnameseNumber.Parse(s);
                if (error is not null) Fail(column, error);
                return value;
            default: Fail(column, $"“{CellText(Raw(column))}” không phải là số. {VietnameseNumber.Format}"); return null;
        }
    }

    public int? Whole(string column)
    {
        var value = Decimal(column);
        if (value is null) return null;
        if (value != decimal.Truncate(value.Value)) { Fail(column, $"“{CellText(Raw(column))}” phải là số nguyên (không có phần thập phân)."); return null; }
        if (value is < int.MinValue or > int.MaxValue) { Fail(column, $"“{CellText(Raw(column))}” quá lớn."); return null; }
        return (int)value.Value;
    }

    /// <summary>A date cell, a date typed as text (31/12/2026), or the serial number Excel keeps when a date lost its format.</summary>
    public DateOnly? Date(string column)
    {
        if (Missing(column)) return null;
        DateOnly? date = Raw(column) switch
        {
            DateTime t => DateOnly.FromDateTime(t),
            DateTimeOffset t => DateOnly.FromDateTime(t.DateTime),
            double d when d is >= 1 and < 2958466 && d == Math.Floor(d) => DateOnly.FromDateTime(DateTime.FromOADate(d)),
            string s => Parsed(s),
            _ => null
        };
        if (date is null && Raw(column) is not string) Fail(column, $"“{CellText(Raw(column))}” không phải là ngày hợp lệ. {VietnameseDate.Format}");
        else if (date is { Year: < VietnameseDate.FirstYear or > VietnameseDate.LastYear } d)
        {
            Fail(column, $"Năm {d.Year} nằm ngoài khoảng {VietnameseDate.FirstYear}–{VietnameseDate.LastYear}. {VietnameseDate.Format}");
            return null;
        }
        return date;

        DateOnly? Parsed(string s)
        {
            var (value, error) = VietnameseDate.Parse(s);
            if (error is not null) Fail(column, error);
            return value;
        }
    }

    /// <summary>The code of the list entry the cell names, by code or label, ignoring case and diacritics.</summary>
    public string? Choice(string column)
    {
        if (Missing(column)) return null;
        var list = spec.Column(column).Choices ?? throw new InvalidOperationException($"Column {column} has no code list.");
        var text = CellText(Raw(column));
        var code = list.Match(text);
        if (code is null) Fail(column, $"“{text}” không có trong danh mục {list.Name.ToLowerInvariant()}.");
        return code;
    }

    /// <summary>What the cell shows, as text: numbers without grouping, dates as dd/MM/yyyy.</summary>
    public static string CellText(object? value) => value switch
    {
        null => "",
        string s => VietnameseText.Clean(s),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "Có" : "Không",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => VietnameseText.Clean(value.ToString())
    };
}
