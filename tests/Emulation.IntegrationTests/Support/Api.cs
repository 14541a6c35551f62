using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

public sealed record Reply(HttpStatusCode Status, JsonElement Body, string Raw)
{
    public string? Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var d) ? d.GetString() : null;

    public string[] Errors(string field) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var e) &&
        e.EnumerateObject().FirstOrDefault(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.Array } p
            ? p.Value.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : [];

    public Guid Id => Body.GetProperty("id").GetGuid();
    public long Version => Body.GetProperty("version").GetInt64();

    public Reply Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status} but got {(int)Status}: {Raw}");
        return this;
    }
}

/// <summary>A thin JSON client: every call returns the status and the parsed body, whatever the status.</summary>
public sealed class Api(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public Task<Reply> Get(string url) => Send(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Reply> Post(string url, object body) =>
        Send(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) });

    public Task<Reply> Put(string url, object body) =>
        Send(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) });

    public Task<Reply> PostRaw(string url, string json) =>
        Send(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public Task<Reply> PutRaw(string url, string json) =>
        Send(new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    async Task<Reply> Send(HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var body = raw.Length > 0 && raw.TrimStart().StartsWith('{') || raw.TrimStart().StartsWith('[')
            ? JsonDocument.Parse(raw).RootElement.Clone()
            : default;
        return new Reply(response.StatusCode, body, raw);
    }

    public void Dispose() => client.Dispose();
}
