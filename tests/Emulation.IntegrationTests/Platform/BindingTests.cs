using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Platform;

/// <summary>Every write endpoint, fed every kind of input it cannot bind, answers 400 in Vietnamese and names the
/// field; the endpoints are read from the running host, so a new one is covered the day it is added.</summary>
[Collection(AppCollection.Name)]
public sealed class BindingTests(AppFixture app)
{
    sealed record Case(string Method, string Url, string Body, string Field, string Kind);

    [Fact]
    public async Task Every_write_endpoint_answers_unreadable_input_in_vietnamese_naming_the_field()
    {
        var cases = WriteEndpoints().SelectMany(e => CasesFor(e.Method, e.Url, e.RequestType)).ToList();
        Assert.True(cases.Select(c => c.Url).Distinct().Count() >= 20, "the write endpoints were not found");
        Assert.Contains(cases, c => c.Kind == "decimal NaN");
        Assert.Contains(cases, c => c.Kind == "date day-month-year overflow");
        Assert.Contains(cases, c => c.Kind == "enum unknown");
        Assert.Contains(cases, c => c.Kind == "missing version");

        using var admin = await app.As("quantri");
        var failures = new List<string>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url)
            {
                Content = new StringContent(c.Body, System.Text.Encoding.UTF8, "application/json")
            };
            using var response = await admin.Client.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            var why = Judge(response.StatusCode, raw, c.Field);
            if (why is not null) failures.Add($"{c.Method} {c.Url} [{c.Kind}] {c.Body} → {(int)response.StatusCode} {why}: {raw}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Every_write_endpoint_names_all_of_its_unreadable_fields_in_one_answer()
    {
        var cases = new List<(string Method, string Url, string Body, string[] Fields)>();
        foreach (var (method, url, type) in WriteEndpoints())
        {
            var wrong = Properties(type).Select(p => (p.Name, Value: WrongValues(p.Type).FirstOrDefault().Value))
                .Where(p => p.Value is not null && p.Name != "version").Take(3).ToList();
            if (wrong.Count < 2) continue;
            var body = new JsonObject();
            foreach (var (name, value) in wrong) body[name] = value.DeepClone();
            cases.Add((method, url, body.ToJsonString(), wrong.Select(w => w.Name).ToArray()));
        }
        Assert.True(cases.Count >= 10, $"only {cases.Count} endpoints with two fields to get wrong were found");

        using var admin = await app.As("quantri");
        var failures = new List<string>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url)
            {
                Content = new StringContent(c.Body, System.Text.Encoding.UTF8, "application/json")
            };
            using var response = await admin.Client.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            var missing = c.Fields.Where(f => Judge(response.StatusCode, raw, f) is not null).ToList();
            if (missing.Count > 0) failures.Add($"{c.Method} {c.Url} {c.Body} → {(int)response.StatusCode}, not named: {string.Join(", ", missing)}: {raw}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task A_body_naming_a_field_twice_with_an_unreadable_value_is_refused_by_that_field_not_failed()
    {
        using var officer = await app.As("canbo.phuong1");
        var reply = (await officer.PostRaw("/api/registry/models", """{"startDate": "abc", "evaluationDate": "def", "startDate": "ghi"}"""))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(reply.Errors("startDate"));
    }

    [Fact]
    public async Task An_unparseable_query_value_and_a_huge_search_are_refused_by_name()
    {
        using var admin = await app.As("quantri");
        var page = await admin.Get("/api/registry/models?page=abc");
        Assert.Null(Judge(page.Status, page.Raw, "page"));

        var huge = await admin.Get("/api/registry/models?q=" + new string('a', 100_000));
        Assert.Null(Judge(huge.Status, huge.Raw, "q"));
        var hugeVietnamese = await admin.Get("/api/registry/models?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("Dân vận khéo ", 8_000))));
        Assert.Null(Judge(hugeVietnamese.Status, hugeVietnamese.Raw, "q"));
    }

    [Fact]
    public async Task A_change_without_its_version_is_a_missing_field_not_a_conflict()
    {
        using var admin = await app.As("quantri");
        var reply = (await admin.PostRaw($"/api/directory/units/{Guid.NewGuid()}/rename", """{"name":"Tên mới"}""")).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(reply.Errors("version"));
        Assert.Contains("phiên bản", reply.Errors("version").Single());
    }

    static string? Judge(HttpStatusCode status, string raw, string field)
    {
        if (status != HttpStatusCode.BadRequest) return "status";
        if (raw.Contains("Emulation.") || raw.Contains("System.") || raw.Contains("could not be converted") || raw.Contains("Invalid ") || raw.Contains("Path:"))
            return "developer text";
        using var doc = JsonDocument.Parse(raw);
        if (doc.RootElement.GetProperty("title").GetString() is not { } title || !title.Any(c => c > 127)) return "title not Vietnamese";
        if (!doc.RootElement.TryGetProperty("errors", out var errors)) return "no errors";
        var named = errors.EnumerateObject().FirstOrDefault(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        if (named.Value.ValueKind != JsonValueKind.Array) return $"field {field} not named";
        return named.Value.EnumerateArray().All(m => m.GetString()!.Any(c => c > 127)) ? null : "message not Vietnamese";
    }

    IEnumerable<(string Method, string Url, Type RequestType)> WriteEndpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault();
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (accepts?.RequestType is null || method is null or "GET" || !pattern.StartsWith("/api/")) continue;
            var url = "/" + string.Join('/', pattern.Trim('/').Split('/').Select(s => s.StartsWith('{') ? Guid.NewGuid().ToString() : s));
            yield return (method, url, accepts.RequestType);
        }
    }

    static IEnumerable<Case> CasesFor(string method, string url, Type type)
    {
        var properties = Properties(type).ToList();
        if (properties.Count == 0) yield break;
        var first = properties[0].Name;
        yield return new Case(method, url, $$"""{"{{first}}": }""", first, "malformed");
        if (properties.Any(p => p.Name == "version" && p.Type == typeof(long)))
            yield return new Case(method, url, "{}", "version", "missing version");
        foreach (var (name, propertyType) in properties)
            foreach (var (kind, value) in WrongValues(propertyType))
                yield return new Case(method, url, new JsonObject { [name] = value }.ToJsonString(), name, kind);
        foreach (var (name, propertyType) in properties)
        {
            var element = Element(propertyType);
            // Objects in a list have fields of their own; a list of values (ids, dates) is named by its index.
            if (element is null || element == typeof(string) || element.IsValueType) continue;
            foreach (var (inner, innerType) in Properties(element))
                foreach (var (kind, value) in WrongValues(innerType).Take(2))
                    yield return new Case(method, url, new JsonObject { [name] = new JsonArray(new JsonObject { [inner] = value }) }.ToJsonString(),
                        $"{name}[0].{inner}", "nested " + kind);
        }
    }

    static IEnumerable<(string Kind, JsonNode Value)> WrongValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) yield return ("string given an object", new JsonObject());
        else if (t == typeof(decimal) || t == typeof(double))
        {
            yield return ("decimal NaN", "NaN");
            yield return ("decimal 1e309", JsonNode.Parse("1e309")!);
            yield return ("decimal ambiguous 1.5", "1.5");
            yield return ("decimal words", "mười");
        }
        else if (t == typeof(int) || t == typeof(long))
        {
            yield return ("whole 12,5", "12,5");
            yield return ("whole 1e309", JsonNode.Parse("1e309")!);
            yield return ("whole boolean", true);
        }
        else if (t == typeof(DateOnly))
        {
            yield return ("date impossible", "31/02/2026");
            yield return ("date day-month-year overflow", "62027-12-31");
            yield return ("date words", "hôm nay");
        }
        else if (t.IsEnum) yield return ("enum unknown", "KHONG_CO");
        else if (t == typeof(Guid)) yield return ("guid malformed", "khong-phai-guid");
        else if (t == typeof(bool)) yield return ("boolean words", "có");
        else if (Element(t) is not null) yield return ("list given a string", "một");
    }

    static Type? Element(Type t) =>
        t == typeof(string) ? null
        : t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0]
        : null;

    static IEnumerable<(string Name, Type Type)> Properties(Type type) =>
        type.IsPrimitive || type == typeof(string) || Element(type) is not null ? []
        : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));
}
