using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;

namespace Emulation.IntegrationTests.Support;

/// <summary>A register workbook as a province fills it (headings in Vietnamese, cells as Excel holds them), and the
/// upload, preview and confirmation of it through the API.</summary>
public sealed class RegisterWorkbook
{
    public static readonly string[] DossierColumns =
    [
        "Mã dòng", "Loại", "Tên mô hình, điển hình", "Họ tên cá nhân", "Chức vụ", "Đơn vị", "Kỳ thi đua", "Lĩnh vực", "Cấp", "Ngày đăng ký",
        "Thực trạng, lý do", "Mục tiêu, tiêu chí", "Nội dung, cách làm", "Địa bàn", "Đối tượng", "Lực lượng chủ trì", "Lực lượng phối hợp",
        "Lực lượng tham gia", "Kinh phí (đồng)", "Cơ sở vật chất", "Ngày công", "Kinh phí xã hội hóa (đồng)", "Ngày bắt đầu", "Ngày đánh giá",
        "Sản phẩm kiểm chứng", "Khả năng duy trì, nhân rộng", "Nhân rộng từ"
    ];
    public static readonly string[] TargetColumns = ["Mã dòng", "Chỉ tiêu", "Đơn vị tính", "Giá trị hiện tại", "Giá trị mục tiêu", "Thời hạn"];
    public static readonly string[] HistoryColumns = ["Mã dòng", "Bước", "Ngày", "Mã đăng ký", "Lý do, ghi chú"];

    public List<Dictionary<string, object?>> Dossiers { get; } = [];
    public List<Dictionary<string, object?>> Targets { get; } = [];
    public List<Dictionary<string, object?>> History { get; } = [];

    /// <summary>A model of Phường 1 at grassroots level in the given period; the cells left out are blank.</summary>
    public Dictionary<string, object?> Model(string rowCode, string name, string period, string unit = "CM-P1", string level = "Cấp cơ sở",
        object? registeredOn = null)
    {
        var row = new Dictionary<string, object?>
        {
            ["Mã dòng"] = rowCode, ["Loại"] = "Mô hình", ["Tên mô hình, điển hình"] = name, ["Đơn vị"] = unit, ["Kỳ thi đua"] = period,
            ["Lĩnh vực"] = "Kinh tế", ["Cấp"] = level, ["Ngày đăng ký"] = registeredOn ?? new DateTime(2021, 1, 10),
            ["Thực trạng, lý do"] = "Thu nhập hộ dân còn thấp", ["Địa bàn"] = "Khóm 3", ["Kinh phí (đồng)"] = "1.500.000"
        };
        Dossiers.Add(row);
        return row;
    }

    public void Target(string rowCode, string indicator = "Thu nhập bình quân hộ", object? baseline = null, object? target = null, object? due = null) =>
        Targets.Add(new() { ["Mã dòng"] = rowCode, ["Chỉ tiêu"] = indicator, ["Đơn vị tính"] = "triệu đồng/năm",
            ["Giá trị hiện tại"] = baseline ?? 60d, ["Giá trị mục tiêu"] = target ?? "100", ["Thời hạn"] = due ?? "31/12/2023" });

    public void Step(string rowCode, string step, object date, string? code = null, string? reason = null) =>
        History.Add(new() { ["Mã dòng"] = rowCode, ["Bước"] = step, ["Ngày"] = date, ["Mã đăng ký"] = code, ["Lý do, ghi chú"] = reason });

    public byte[] ToXlsx()
    {
        static List<Dictionary<string, object?>> Full(IEnumerable<Dictionary<string, object?>> rows, string[] columns) =>
            rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Hồ sơ"] = Dossiers.Count == 0 ? new[] { DossierColumns.ToDictionary(c => c, _ => (object?)null) }.ToList() : Full(Dossiers, DossierColumns),
            ["Chỉ tiêu"] = Targets.Count == 0 ? new[] { TargetColumns.ToDictionary(c => c, _ => (object?)null) }.ToList() : Full(Targets, TargetColumns),
            ["Lịch sử"] = History.Count == 0 ? new[] { HistoryColumns.ToDictionary(c => c, _ => (object?)null) }.ToList() : Full(History, HistoryColumns)
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }
}

public static class ImportScenarios
{
    /// <summary>A campaign of past years with a sơ kết period 2020-2023 (code year 2021), as a province had it, still taking
    /// registrations (so the form can be used beside the import); returns its id and the label the workbook names it by.</summary>
    public static async Task<(Guid Id, string Label)> HistoricPeriod(this Api admin, int codeYear = 2021)
    {
        var name = DirectoryScenarios.Unique("Dân vận khéo 2020-2025 nhập ");
        var campaign = (await admin.Post("/api/registry/campaigns", new { name, startYear = 2020, endYear = 2025 })).Expect(HttpStatusCode.Created).Id;
        var id = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new
        {
            name = "Sơ kết 2020-2023 (sổ nhập)", kind = "Preliminary", from = "2020-01-01", to = "2023-12-31",
            registrationOpens = "2020-01-01", registrationCloses = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), codeYear, version = 1
        })).Expect(HttpStatusCode.OK).Id;
        return (id, $"{name} — Sơ kết 2020-2023 (sổ nhập)");
    }

    public static async Task<Reply> Upload(this Api api, byte[] file, string fileName = "so-dang-ky.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", fileName);
        using var response = await api.Client.PostAsync("/api/registry/import", form);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw.StartsWith('{') ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }

    public static async Task<Reply> Confirm(this Api api, Guid id, string mode = "all-valid") =>
        await api.Post($"/api/registry/import/{id}/confirm", new { mode });

    public static JsonElement Counts(this Reply reply) => reply.Body.GetProperty("counts");

    public static int Count(this Reply reply, string fate) => reply.Counts().GetProperty(fate).GetInt32();

    public static JsonElement[] Rows(this Reply reply) => reply.Body.GetProperty("rows").EnumerateArray().ToArray();

    /// <summary>The reasons of the preview's refused rows, as "Sheet X, dòng N, cột Y: ..." lines.</summary>
    public static string[] Reasons(this Reply reply) =>
        reply.Rows().SelectMany(r => r.GetProperty("errors").EnumerateArray()).Select(e => e.GetProperty("text").GetString()!).ToArray();
}
