using System.Text.Json;

namespace Emulation.IntegrationTests.Platform;

/// <summary>A client generated from the document must know how to sign in and what each operation answers.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_document_declares_the_bearer_scheme_the_request_bodies_and_the_problems_of_each_operation()
    {
        using var client = app.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var paths = root.GetProperty("paths");
        var failures = new List<string>();
        foreach (var path in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/")))
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                var statuses = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
                var anonymous = path.Name == "/api/auth/token";
                var secured = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                var expected = new List<string>();
                if (operation.Name != "get") expected.Add("400");
                if (!anonymous) expected.AddRange(["401", "403"]);
                if (path.Name.Contains('{')) expected.Add("404");
                if (operation.Name != "get" && !anonymous) expected.Add("409");
                var missing = expected.Where(s => !statuses.Contains(s)).ToList();
                if (missing.Count > 0) failures.Add($"{operation.Name} {path.Name}: no {string.Join(", ", missing)}");
                if (secured == anonymous) failures.Add($"{operation.Name} {path.Name}: security {(secured ? "declared" : "missing")}");
                if (operation.Name is "post" or "put" && !operation.Value.TryGetProperty("requestBody", out _)) failures.Add($"{operation.Name} {path.Name}: no request body");
                if (statuses.Contains("400") && !responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _))
                    failures.Add($"{operation.Name} {path.Name}: 400 is not a problem");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("/api/registry/models/{id}/accept", paths.EnumerateObject().Select(p => p.Name));
    }

    /// <summary>Every API operation answers a body on success, so each must say which (an untyped IResult said nothing).</summary>
    [Theory]
    [InlineData("RenameUnit", "name", "string")]
    [InlineData("ModelInput", "name", "string")]
    [InlineData("ModelInput", "budget", "number")]
    [InlineData("ModelInput", "workdays", "integer")]
    [InlineData("ModelInput", "startDate", "string")]
    [InlineData("RenameUnit", "version", "integer")]
    public async Task Fields_read_by_the_vietnamese_converters_keep_their_type_in_the_document(string schema, string property, string type)
    {
        using var client = app.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var said = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(property);
        Assert.True(said.TryGetProperty("type", out var t), $"{schema}.{property} has no type: {said}");
        var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).ToArray() : [t.GetString()];
        Assert.Contains(type, types);
    }

    /// <summary>A list of texts lost its items (the stranger's script then sent numbers in it, and every other field's error was
    /// answered by the list's): every array in the document says what it holds.</summary>
    [Fact]
    public async Task Every_array_in_the_document_says_what_its_items_are()
    {
        using var client = app.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var failures = new List<string>();
        void Walk(string where, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                // "type" is also the name of some properties (then its value is a schema, an object).
                if (e.TryGetProperty("type", out var t)
                    && (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == "array")
                        : t.ValueKind == JsonValueKind.String && t.GetString() == "array")
                    && !e.TryGetProperty("items", out _))
                    failures.Add(where);
                foreach (var p in e.EnumerateObject()) Walk(where + "/" + p.Name, p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var (x, i) in e.EnumerateArray().Select((x, i) => (x, i))) Walk($"{where}/{i}", x);
        }
        Walk("", doc.RootElement);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var present = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RecordMeeting").GetProperty("properties")
            .GetProperty("present").GetProperty("items");
        Assert.Equal("string", present.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_api_operation_declares_its_success_status_and_the_schema_of_its_body()
    {
        using var client = app.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var checkedOperations = 0;
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/")))
            foreach (var operation in path.Value.EnumerateObject())
            {
                checkedOperations++;
                var success = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                if (success.Count == 0) { failures.Add($"{operation.Name} {path.Name}: no 2xx response"); continue; }
                // 204 is the one success that says "no body" by itself.
                if (success[0].Name == "204" && !success[0].Value.TryGetProperty("content", out _)) continue;
                var content = success[0].Value.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
                if (content.Count == 0) { failures.Add($"{operation.Name} {path.Name}: {success[0].Name} has no body"); continue; }
                foreach (var media in content)
                    if (!media.Value.TryGetProperty("schema", out var schema) || !Describes(schema, schemas))
                        failures.Add($"{operation.Name} {path.Name}: {success[0].Name} {media.Name} has no schema");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedOperations > 30);
    }

    /// <summary>A schema that says something: a type, items, or a reference to a component with properties.</summary>
    static bool Describes(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return name != "IResult" && schemas.TryGetProperty(name, out var target)
                   && (target.TryGetProperty("properties", out _) || target.TryGetProperty("type", out _) || target.TryGetProperty("items", out _));
        }
        return schema.TryGetProperty("type", out _) || schema.TryGetProperty("items", out _) || schema.TryGetProperty("properties", out _);
    }
}
