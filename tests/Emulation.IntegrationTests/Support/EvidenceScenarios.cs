using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

/// <summary>Reports with evidence, built through the API: a draft report of the current quarter, files sent as
/// multipart the way the browser sends them.</summary>
public static class EvidenceScenarios
{
    public static string Quarter { get { var d = DateTime.UtcNow.AddHours(7); return $"{d.Year}-Q{(d.Month - 1) / 3 + 1}"; } }
    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");

    /// <summary>Saves a draft report for this quarter; returns its id and the model's version after it.</summary>
    public static async Task<(Guid ReportId, long Version)> DraftReport(this Api officer, Guid modelId, long version = 1)
    {
        var reply = (await officer.Post($"/api/monitoring/models/{modelId}/reports/draft",
            new { period = Quarter, version, whatWasDone = "Họp dân, ra quân làm đường" })).Expect(HttpStatusCode.OK);
        return (reply.Body.GetProperty("reportId").GetGuid(), reply.Version);
    }

    public static async Task<Reply> SubmitReport(this Api officer, Guid modelId, long version, decimal value = 80) =>
        (await officer.Post($"/api/monitoring/models/{modelId}/reports", new
        {
            period = Quarter, version, whatWasDone = "Họp dân, ra quân làm đường", participants = "Hội Nông dân",
            readings = new[] { new { target = 1, value, measuredOn = Today } }
        })).Expect(HttpStatusCode.OK);

    public static string EvidenceUrl(Guid modelId, Guid reportId) => $"/api/monitoring/models/{modelId}/reports/{reportId}/evidence";

    public static async Task<Reply> Upload(this Api api, Guid modelId, Guid reportId, string fileName, Stream content, string declaredType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content, 64 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        using var response = await api.Client.PostAsync(EvidenceUrl(modelId, reportId), form);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw.StartsWith('{') || raw.StartsWith('[') ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }

    public static Task<Reply> Upload(this Api api, Guid modelId, Guid reportId, string fileName, byte[] content, string declaredType = "application/octet-stream") =>
        api.Upload(modelId, reportId, fileName, new MemoryStream(content), declaredType);

    public static async Task<JsonElement[]> Evidence(this Api api, Guid modelId, Guid reportId) =>
        (await api.Get(EvidenceUrl(modelId, reportId))).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToArray();
}
