using Emulation.Kernel.Text;

namespace Emulation.Kernel.Import;

/// <summary>What a column of an import sheet holds, so the template, the notes sheet and the reader say the same thing.</summary>
public enum CellKind { Text, Number, WholeNumber, Date, Choice }

/// <summary>A column of an import template: its Vietnamese heading (the key the reader matches, ignoring case and
/// diacritics), what it holds, whether a row needs it, the drop-down list of a code column and a line for the notes sheet.</summary>
public sealed record ImportColumn(string Header, CellKind Kind = CellKind.Text, bool Required = false, double Width = 20,
    CodeList? Choices = null, string? Note = null, int MaxLength = 4000);

/// <summary>One sheet of an import workbook: its name, its columns and an example row for the notes.</summary>
public sealed record SheetSpec(string Name, string Purpose, IReadOnlyList<ImportColumn> Columns)
{
    public ImportColumn Column(string header) => Columns.First(c => c.Header == header);
}

/// <summary>A code list of a template (kinds, levels, fields, units): a value matches an entry by its code or its
/// label, ignoring case, diacritics and spacing, so "cap xa", "Cấp xã" and "co-so" are all found when they exist.</summary>
public sealed class CodeList
{
    readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    /// <param name="aliases">Other names an entry is known by (a unit's bare name beside "name (code)"); an alias two
    /// entries share is ambiguous and matches neither, so the person is asked for the code instead of a guess.</param>
    public CodeList(string name, IEnumerable<(string Code, string Label)> entries, IEnumerable<(string Alias, string Code)>? aliases = null)
    {
        Name = name;
        Entries = entries.ToList();
        foreach (var (code, label) in Entries)
        {
            _byKey.TryAdd(VietnameseText.Fold(label), code);
            _byKey.TryAdd(VietnameseText.Fold(code), code);
        }
        foreach (var group in (aliases ?? []).GroupBy(a => VietnameseText.Fold(a.Alias)))
            if (group.Select(a => a.Code).Distinct().Count() == 1) _byKey.TryAdd(group.Key, group.First().Code);
    }

    /// <summary>The list's name on the template's hidden sheet of lists (e.g. "Cấp").</summary>
    public string Name { get; }

    public IReadOnlyList<(string Code, string Label)> Entries { get; }

    public string? Match(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : _byKey.GetValueOrDefault(VietnameseText.Fold(value));

    public string Label(string code) => Entries.FirstOrDefault(e => e.Code == code).Label ?? code;
}
