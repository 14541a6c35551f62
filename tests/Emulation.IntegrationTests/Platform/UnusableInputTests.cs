using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Platform;

/// <summary>Inputs that bind but name nothing a command can act on (found by <c>tests/stranger/api.py</c>): a body that is
/// the JSON literal null and the all-zero GUID as a route id. Every endpoint of the running host is tried, so one added
/// later is covered too.</summary>
[Collection(AppCollection.Name)]
public sealed class UnusableInputTests(AppFixture app)
{
    [Fact]
    public async Task A_null_body_is_refused_in_vietnamese_by_every_write_endpoint_and_stores_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var endpoints = Endpoints().Where(e => e.Method != "GET" && e.Accepts).ToList();
        Assert.True(endpoints.Count >= 40, "the write endpoints were not found");
        var before = await DossiersDrafted();

        var failures = new List<string>();
        foreach (var (method, pattern, _) in endpoints)
        {
            var url = Url(pattern, Guid.NewGuid().ToString());
            foreach (var body in new[] { "null", "  null \n" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json")
                };
                using var response = await admin.Client.SendAsync(request);
                var raw = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || Vietnamese(raw, "$") is { } why)
                    failures.Add($"{method} {pattern} {JsonSerializer.Serialize(body)} → {(int)response.StatusCode}: {raw}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failed:\n" + string.Join("\n", failures.Take(20)));
        (await officer.PostRaw("/api/registry/models", "null")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await DossiersDrafted());
    }

    /// <summary>Dossiers ever drafted, read from the event store: the register's list is filled behind it, so a dossier
    /// another test drafted just before could reach the list between two reads of it.</summary>
    async Task<int> DossiersDrafted()
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<Emulation.Registry.Models.ModelDrafted>().CountAsync();
    }

    [Fact]
    public async Task The_all_zero_guid_in_a_route_is_not_found_everywhere_never_a_server_error()
    {
        using var admin = await app.As("quantri");
        var endpoints = Endpoints().Where(e => e.Pattern.StartsWith("/api/") && e.Pattern.Contains('{')).ToList();
        Assert.True(endpoints.Count >= 40, "the endpoints with ids were not found");
        var failures = new List<string>();
        foreach (var (method, pattern, accepts) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Url(pattern, Guid.Empty.ToString()));
            if (accepts) request.Content = new StringContent("""{"version":1}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await admin.Client.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || Vietnamese(raw, null) is { } why)
                failures.Add($"{method} {pattern} → {(int)response.StatusCode}: {raw}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failed:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task A_page_given_the_all_zero_guid_is_the_vietnamese_not_found_page()
    {
        using var officer = await app.As("canbo.phuong1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/mo-hinh/{Guid.Empty}");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await officer.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_holding_nul_is_refused_beside_its_field_in_a_body_a_dictionary_key_and_a_query_and_nothing_is_stored()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        // Counted in the event store, which a refused command would have written to in its own commit; the search list
        // fills behind it and once took in an earlier test's dossier between the two reads (142 ≠ 143).
        var before = await DossiersDrafted();

        var dossier = RegistryScenarios.Dossier(period, "Tên có\u0000ký tự rỗng");
        var named = (await officer.Post("/api/registry/models", dossier)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("U+0000", Assert.Single(named.Errors("name")));
        var nested = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Chỉ tiêu rỗng "));
        nested["targets"] = new[] { new { indicator = "Số\u0000hộ", unitOfMeasure = "hộ", baseline = 1, targetValue = 2, dueDate = "2026-12-01" } };
        Assert.Single((await officer.Post("/api/registry/models", nested)).Expect(HttpStatusCode.BadRequest).Errors("targets[0].indicator"));
        Assert.Equal(before, await DossiersDrafted());

        var key = (await admin.PutRaw($"/api/review/rounds/{Guid.NewGuid()}/decision-rules",
            """{"rule":"majority","members":5,"quotas":{"bang-khen\u0000":1},"version":1}""")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("U+0000", key.Detail);

        foreach (var url in new[] { "/api/monitoring/list?health=%00", "/api/registry/models?q=a%00b", "/api/monitoring/list?state=x%00" })
        {
            var query = (await admin.Get(url)).Expect(HttpStatusCode.BadRequest);
            var name = url.Split('?')[1].Split('=')[0];
            Assert.Contains("U+0000", Assert.Single(query.Errors(name)));
        }
        var surrogate = (await officer.PostRaw("/api/registry/models", """{"name":"\ud800"}""")).Expect(HttpStatusCode.BadRequest);
        Assert.Single(surrogate.Errors("name"));
    }

    static string Url(string pattern, string id) =>
        "/" + string.Join('/', pattern.Trim('/').Split('/').Select(s => s.StartsWith('{') ? id : s));

    /// <summary>Why the body is not a Vietnamese ProblemDetails (naming <paramref name="field"/> when given), or null.</summary>
    static string? Vietnamese(string raw, string? field)
    {
        if (raw.Length == 0) return "empty";
        if (raw.Contains("Emulation.") || raw.Contains("System.") || raw.Contains("error occurred") || raw.Contains("Path:")) return "developer text";
        using var doc = JsonDocument.Parse(raw);
        if (doc.RootElement.GetProperty("title").GetString() is not { } title || !title.Any(c => c > 127)) return "title not Vietnamese";
        if (field is null) return null;
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            && messages.EnumerateArray().All(m => m.GetString()!.Any(c => c > 127)) ? null : $"{field} not named";
    }

    IEnumerable<(string Method, string Pattern, bool Accepts)> Endpoints()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault();
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (method is null || !pattern.StartsWith("/api/")) continue;
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } a
                && a.ContentTypes.Any(c => c.Contains("json"));
            yield return (method, pattern, accepts);
        }
    }
}
