using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Emulation.Benchmarks;

/// <summary>One signed-in user over HTTP (bearer token), as an integration or the browser's script would call the API.</summary>
public sealed class Client(HttpClient http, string token)
{
    public string Token => token;

    public static async Task<Client> SignIn(HttpClient http, string userName, string password = Emulation.Directory.Seed.DirectoryDemoSeed.Password)
    {
        var reply = await http.PostAsJsonAsync("/api/auth/token", new { userName, password });
        reply.EnsureSuccessStatusCode();
        return new Client(http, (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
    }

    HttpRequestMessage Request(HttpMethod method, string url, object? body) => new(method, url)
    {
        Content = body is null ? null : JsonContent.Create(body),
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) }
    };

    public async Task<(HttpStatusCode Status, JsonElement Body, double Ms)> Send(HttpMethod method, string url, object? body = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var reply = await http.SendAsync(Request(method, url, body));
        var bytes = await reply.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var json = bytes.Length > 0 && reply.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? JsonSerializer.Deserialize<JsonElement>(bytes) : default;
        return (reply.StatusCode, json, ms);
    }

    public Task<(HttpStatusCode Status, JsonElement Body, double Ms)> Get(string url) => Send(HttpMethod.Get, url);
    public Task<(HttpStatusCode Status, JsonElement Body, double Ms)> Post(string url, object body) => Send(HttpMethod.Post, url, body);

    public async Task<JsonElement> Ok(HttpMethod method, string url, object? body = null)
    {
        var (status, json, _) = await Send(method, url, body);
        if ((int)status >= 300) throw new InvalidOperationException($"{method} {url}: {(int)status} {json}");
        return json;
    }
}
