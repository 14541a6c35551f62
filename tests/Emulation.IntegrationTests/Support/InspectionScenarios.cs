using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds inspections through the API, the way a board and a unit would.</summary>
public static class InspectionScenarios
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static async Task<Guid> Schedule(this Api board, params Guid[] models) =>
        (await board.Post("/api/monitoring/inspections", new { kind = "Inspection", plannedOn = Today, purpose = "Kiểm tra việc duy trì mô hình", modelIds = models }))
        .Expect(HttpStatusCode.Created).Id;

    public static object Visit(DateOnly visitedOn, IEnumerable<Guid> models, params (Guid Model, string Description, DateOnly? Due)[] actions) => new
    {
        visitedOn, members = new[] { "Trương Thị Ngọc, Thư ký Ban Chỉ đạo", "Nguyễn Văn An, thành viên" },
        findings = models.Select(m => new { modelId = m, findings = "Mô hình duy trì đều, sổ sách đầy đủ.", rating = "Fair" }).ToArray(),
        actions = actions.Select(a => new { modelId = a.Model, description = a.Description, dueOn = a.Due }).ToArray(), version = 1
    };

    public static async Task<JsonElement> Inspection(this Api api, Guid id) =>
        (await api.Get($"/api/monitoring/inspections/{id}")).Expect(HttpStatusCode.OK).Body;

    public static Guid ActionId(this JsonElement inspection, int n = 0) => inspection.GetProperty("actions")[n].GetProperty("actionId").GetGuid();
}

/// <summary>A clock standing at a chosen moment, to run the reminder job days ahead of today.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
