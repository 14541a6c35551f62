using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds registry state through the API: periods, dossiers, and the steps of their life.</summary>
public static class RegistryScenarios
{
    public static async Task<Guid> OpenPeriod(this Api admin, DateOnly? closes = null)
    {
        var name = DirectoryScenarios.Unique("Đợt thử ");
        var campaign = (await admin.Post("/api/registry/campaigns", new { name, startYear = 2025, endYear = 2030 })).Expect(HttpStatusCode.Created).Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        return (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new
        {
            name = "Năm thử", kind = "Year", from = today.AddMonths(-6), to = today.AddMonths(6),
            registrationOpens = today.AddMonths(-1), registrationCloses = closes ?? today.AddMonths(2), codeYear = 2026, version = 1
        })).Expect(HttpStatusCode.OK).Id;
    }

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>The target falls due eight days from today, so a test can move the clock past it; a fixed date here
    /// turned Monitoring's health tests red the day it passed.</summary>
    public static Dictionary<string, object?> Dossier(Guid period, string name, string level = "co-so", string field = "kinh-te") => new()
    {
        ["kind"] = "Model", ["name"] = name, ["periodId"] = period, ["fieldCode"] = field, ["levelCode"] = level,
        ["situation"] = "Thu nhập của hộ dân còn thấp, đất ruộng bỏ trống sau vụ lúa.",
        ["objectives"] = "Nâng thu nhập hộ tham gia lên 100 triệu đồng/năm.",
        ["contentAndMethods"] = "Họp dân, tập huấn kỹ thuật, hỗ trợ giống.",
        ["area"] = "Các khóm trên địa bàn", ["targetGroup"] = "Hộ nông dân",
        ["startDate"] = "2026-01-15", ["evaluationDate"] = Today.AddMonths(1).ToString("yyyy-MM-dd"),
        ["targets"] = new[] { new { indicator = "Thu nhập bình quân hộ", unitOfMeasure = "triệu đồng/năm", baseline = 60, targetValue = 100, dueDate = Today.AddDays(8).ToString("yyyy-MM-dd") } }
    };

    public static async Task<(Guid Id, long Version)> Draft(this Api officer, Dictionary<string, object?> dossier)
    {
        var reply = (await officer.Post("/api/registry/models", dossier)).Expect(HttpStatusCode.Created);
        return (reply.Id, reply.Version);
    }

    public static async Task<Reply> Submit(this Api officer, Guid id, long version) =>
        (await officer.Post($"/api/registry/models/{id}/submit", new { version })).Expect(HttpStatusCode.OK);

    public static async Task<JsonElement> Model(this Api api, Guid id) =>
        (await api.Get($"/api/registry/models/{id}")).Expect(HttpStatusCode.OK).Body;

    /// <summary>The list is an asynchronous projection: wait (a few seconds at most) until it shows what the test expects.</summary>
    public static async Task<JsonElement> WaitForList(this Api api, string query, Func<JsonElement, bool> until)
    {
        JsonElement body = default;
        for (var i = 0; i < 100; i++)
        {
            body = (await api.Get("/api/registry/models?" + query)).Expect(HttpStatusCode.OK).Body;
            if (until(body)) return body;
            await Task.Delay(100);
        }
        Assert.Fail($"the list never satisfied the condition: {body}");
        return body;
    }

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
