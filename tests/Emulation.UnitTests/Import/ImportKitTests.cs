using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Emulation.Kernel.Import;
using MiniExcelLibs;

namespace Emulation.UnitTests.Import;

/// <summary>The import kit (ADR 0036): what the template writes, the reader reads back the same; cells typed the
/// Vietnamese way are read, and what cannot be read is named by sheet, row and column.</summary>
public sealed class ImportKitTests
{
    static readonly CodeList Levels = new("Cấp", [("co-so", "Cấp cơ sở"), ("huyen", "Cấp huyện"), ("tinh", "Cấp tỉnh")]);

    static readonly SheetSpec Spec = new("Hồ sơ", "mỗi dòng một mô hình.",
    [
        new("Mã dòng", Required: true, MaxLength: 10), new("Tên", Required: true, MaxLength: 40), new("Cấp", CellKind.Choice, true, Choices: Levels),
        new("Kinh phí", CellKind.Number), new("Ngày công", CellKind.WholeNumber), new("Ngày", CellKind.Date)
    ]);

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_the_same()
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>
        {
            new Dictionary<string, object?> { ["Mã dòng"] = "1", ["Tên"] = "Dân vận khéo", ["Cấp"] = "Cấp tỉnh", ["Kinh phí"] = 1_500_000.5m, ["Ngày công"] = 12, ["Ngày"] = new DateOnly(2021, 3, 15) },
            new Dictionary<string, object?> { ["Mã dòng"] = "2", ["Tên"] = "Mẹ đỡ đầu", ["Cấp"] = "co-so", ["Kinh phí"] = null, ["Ngày công"] = null, ["Ngày"] = null }
        };
        var bytes = TemplateWriter.Write("Mẫu thử", [new TemplateWriter.SheetRows(Spec, rows)], ["Ghi chú thử"]);

        var book = WorkbookReader.Read(bytes, [Spec]);
        Assert.Empty(book.FileErrors);
        var read = book.Rows("Hồ sơ");
        Assert.Equal([2, 3], read.Select(r => r.Number));
        var first = read[0];
        Assert.Equal("1", first.Text("Mã dòng"));
        Assert.Equal("Dân vận khéo", first.Text("Tên"));
        Assert.Equal("tinh", first.Choice("Cấp"));
        Assert.Equal(1_500_000.5m, first.Decimal("Kinh phí"));
        Assert.Equal(12, first.Whole("Ngày công"));
        Assert.Equal(new DateOnly(2021, 3, 15), first.Date("Ngày"));
        Assert.True(first.Ok);
        Assert.Equal("co-so", read[1].Choice("Cấp"));
        Assert.Null(read[1].Date("Ngày"));
    }

    [Fact]
    public void The_template_has_the_notes_sheet_a_hidden_lists_sheet_and_drop_downs_on_code_columns()
    {
        var bytes = TemplateWriter.Template("Mẫu thử", [Spec], ["Ghi chú thử"]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Hồ sơ", TemplateWriter.NotesSheet, TemplateWriter.ListsSheet], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        var data = (WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!);
        var validation = Assert.Single(data.Worksheet.Descendants<DataValidation>());
        Assert.Equal("C2:C20001", validation.SequenceOfReferences!.InnerText);
        Assert.Equal($"'{TemplateWriter.ListsSheet}'!$A$2:$A$4", validation.Formula1!.Text);
        var lists = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: TemplateWriter.ListsSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Cấp cơ sở", "Cấp huyện", "Cấp tỉnh"], lists.Select(r => (string)r["Cấp"]));
        var notes = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: TemplateWriter.NotesSheet)
            .Cast<IDictionary<string, object>>().Select(r => r.Values.First() as string).ToList();
        Assert.Contains(notes, n => n is not null && n.StartsWith("• Cấp (bắt buộc): chọn trong danh sách “Cấp”"));
    }

    [Fact]
    public void Cells_typed_the_Vietnamese_way_are_read_and_the_rest_are_named_by_sheet_row_and_column()
    {
        var sheet = new Dictionary<string, object>
        {
            ["ho so"] = new List<Dictionary<string, object?>>
            {
                new() { ["NGÀY"] = "31/12/2026", ["kinh phi"] = "1.500.000", ["Cap"] = "cap huyen", ["ma dong"] = 7d, ["tên"] = "  Ca\u0301  chi\u0300nh ", ["Ngày công"] = "3" },
                new() { ["NGÀY"] = null, ["kinh phi"] = null, ["Cap"] = null, ["ma dong"] = null, ["tên"] = null, ["Ngày công"] = null },
                new() { ["NGÀY"] = "31/02/2026", ["kinh phi"] = "1,500", ["Cap"] = "cap xa", ["ma dong"] = "12345678901", ["tên"] = null, ["Ngày công"] = "12,5" }
            }
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, excelType: ExcelType.XLSX);

        var rows = WorkbookReader.Read(buffer.ToArray(), [Spec]).Rows("Hồ sơ");
        Assert.Equal([2, 4], rows.Select(r => r.Number));
        var good = rows[0];
        Assert.Equal(new DateOnly(2026, 12, 31), good.Date("Ngày"));
        Assert.Equal(1_500_000m, good.Decimal("Kinh phí"));
        Assert.Equal("huyen", good.Choice("Cấp"));
        Assert.Equal("7", good.Text("Mã dòng"));
        Assert.Equal("Cá chình", good.Text("Tên"));
        Assert.True(good.Ok);

        var bad = rows[1];
        bad.Date("Ngày"); bad.Decimal("Kinh phí"); bad.Choice("Cấp"); bad.Text("Mã dòng"); bad.Text("Tên"); bad.Whole("Ngày công");
        var texts = bad.Errors.Select(e => e.Text).ToList();
        Assert.Contains("Sheet Hồ sơ, dòng 4, cột Cấp: “cap xa” không có trong danh mục cấp.", texts);
        Assert.Contains(texts, t => t.StartsWith("Sheet Hồ sơ, dòng 4, cột Ngày: “31/02/2026” không phải là ngày hợp lệ."));
        Assert.Contains(texts, t => t.StartsWith("Sheet Hồ sơ, dòng 4, cột Kinh phí: “1,500” có thể hiểu theo hai cách."));
        Assert.Contains("Sheet Hồ sơ, dòng 4, cột Mã dòng: Dài 11 ký tự, tối đa 10 ký tự.", texts);
        Assert.Contains("Sheet Hồ sơ, dòng 4, cột Tên: Không được để trống.", texts);
        Assert.Contains(texts, t => t.StartsWith("Sheet Hồ sơ, dòng 4, cột Ngày công: “12,5” phải là số nguyên"));
    }

    [Fact]
    public void A_sheet_without_a_required_heading_or_a_file_that_is_not_a_workbook_is_refused_as_a_whole()
    {
        var sheet = new Dictionary<string, object> { ["Hồ sơ"] = new List<Dictionary<string, object?>> { new() { ["Tên"] = "Mẹ đỡ đầu" } } };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, excelType: ExcelType.XLSX);
        var book = WorkbookReader.Read(buffer.ToArray(), [Spec]);
        Assert.Equal("Sheet Hồ sơ, dòng 1: Thiếu cột “Mã dòng”, “Cấp” ở dòng tiêu đề.", Assert.Single(book.FileErrors).Text);

        var missing = WorkbookReader.Read(buffer.ToArray(), [Spec with { Name = "Lịch sử" }], ["Lịch sử"]);
        Assert.Contains("không có sheet “Lịch sử”", Assert.Single(missing.FileErrors).Text);
        Assert.StartsWith("Không đọc được tệp", Assert.Single(WorkbookReader.Read("PK\u0003\u0004 rác"u8.ToArray(), [Spec]).FileErrors).Text);
    }

    [Fact]
    public void A_code_list_matches_codes_labels_and_unambiguous_aliases_ignoring_case_and_diacritics()
    {
        var units = new CodeList("Đơn vị", [("1", "Phường 1 (CM-P1)"), ("2", "Phường 1 (BL-P1)"), ("3", "Xã Khánh Hội (CM-KH)")],
            [("Phường 1", "1"), ("Phường 1", "2"), ("Xã Khánh Hội", "3"), ("CM-KH", "3")]);
        Assert.Equal("3", units.Match("xa khanh hoi"));
        Assert.Equal("3", units.Match("cm-kh"));
        Assert.Equal("2", units.Match("PHƯỜNG 1 (BL-P1)"));
        Assert.Null(units.Match("Phường 1"));
        Assert.Equal("huyen", Levels.Match("Cấp  Huyện"));
        Assert.Null(Levels.Match(""));
    }
}
