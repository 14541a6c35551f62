using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;

namespace Emulation.IntegrationTests.Support;

/// <summary>The Directory's workbook as an administrator fills it (sheets Đơn vị, Người dùng, Vai trò), and its upload,
/// preview and confirmation through the API.</summary>
public sealed class DirectoryWorkbook
{
    public static readonly string[] UnitColumns =
        ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Cấp mô hình Ban theo dõi", "Ngày áp dụng", "Sáp nhập vào (mã đơn vị)", "Ngày sáp nhập"];
    public static readonly string[] PersonColumns = ["Tên đăng nhập", "Họ và tên", "Chức vụ", "Thư điện tử"];
    public static readonly string[] RoleColumns = ["Tên đăng nhập", "Vai trò", "Mã đơn vị"];

    public List<Dictionary<string, object?>> Units { get; } = [];
    public List<Dictionary<string, object?>> People { get; } = [];
    public List<Dictionary<string, object?>> Roles { get; } = [];

    public Dictionary<string, object?> Unit(string code, string name, string kind, string? parent, object? from = null, string? level = null,
        string? mergedInto = null, object? mergedOn = null)
    {
        var row = new Dictionary<string, object?>
        {
            ["Mã đơn vị"] = code, ["Tên đơn vị"] = name, ["Loại đơn vị"] = kind, ["Mã đơn vị cấp trên"] = parent, ["Cấp mô hình Ban theo dõi"] = level,
            ["Ngày áp dụng"] = from, ["Sáp nhập vào (mã đơn vị)"] = mergedInto, ["Ngày sáp nhập"] = mergedOn
        };
        Units.Add(row);
        return row;
    }

    public Dictionary<string, object?> Person(string userName, string fullName, string? position = null, string? email = null)
    {
        var row = new Dictionary<string, object?> { ["Tên đăng nhập"] = userName, ["Họ và tên"] = fullName, ["Chức vụ"] = position, ["Thư điện tử"] = email };
        People.Add(row);
        return row;
    }

    public Dictionary<string, object?> Role(string userName, string role, string unitCode)
    {
        var row = new Dictionary<string, object?> { ["Tên đăng nhập"] = userName, ["Vai trò"] = role, ["Mã đơn vị"] = unitCode };
        Roles.Add(row);
        return row;
    }

    public byte[] ToXlsx()
    {
        static List<Dictionary<string, object?>> Full(List<Dictionary<string, object?>> rows, string[] columns) => rows.Count == 0
            ? [columns.ToDictionary(c => c, _ => (object?)null)]
            : rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Đơn vị"] = Full(Units, UnitColumns), ["Người dùng"] = Full(People, PersonColumns), ["Vai trò"] = Full(Roles, RoleColumns)
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }
}

public static class DirectoryImportScenarios
{
    public static async Task<Reply> UploadDirectory(this Api api, byte[] file, string fileName = "don-vi.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", fileName);
        using var response = await api.Client.PostAsync("/api/directory/import", form);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw.StartsWith('{') ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }

    public static Task<Reply> ConfirmDirectory(this Api api, Guid id, string mode = "all-valid") =>
        api.Post($"/api/directory/import/{id}/confirm", new { mode });

    public static async Task<byte[]> Download(this Api api, string url)
    {
        using var response = await api.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The rows of one sheet of the preview, by their key.</summary>
    public static JsonElement Row(this Reply preview, string sheet, string key) =>
        preview.Rows().Single(r => r.GetProperty("sheet").GetString() == sheet && r.GetProperty("key").GetString() == key);
}
