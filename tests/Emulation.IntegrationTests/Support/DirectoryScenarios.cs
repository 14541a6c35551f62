using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds directory state through the API, the way an administrator would.</summary>
public static class DirectoryScenarios
{
    public static string Unique(string prefix) => $"{prefix}{Random.Shared.Next(100000, 999999)}";

    public static async Task<JsonElement> Unit(this Api api, string code)
    {
        var units = (await api.Get("/api/directory/units")).Expect(HttpStatusCode.OK).Body;
        return units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);
    }

    public static async Task<Guid> UnitId(this Api api, string code) => (await api.Unit(code)).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateUnit(this Api admin, string code, string name, string kind, string? parentCode, string? coversLevel = null)
    {
        Guid? parent = parentCode is null ? null : await admin.UnitId(parentCode);
        var reply = await admin.Post("/api/directory/units", new { code, name, kind, parentId = parent, coversLevel, effectiveFrom = "2020-01-01" });
        return reply.Expect(HttpStatusCode.Created).Id;
    }

    public static async Task<Guid> CreatePerson(this Api admin, string userName, string fullName, string password, params (string Role, Guid? Unit)[] roles)
    {
        var reply = await admin.Post("/api/directory/people", new
        {
            userName, fullName, password,
            roles = roles.Select(r => new { role = r.Role, unitId = r.Unit }).ToArray()
        });
        return reply.Expect(HttpStatusCode.Created).Id;
    }
}
