using Emulation.Kernel.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using System.Text.RegularExpressions;

namespace Emulation.Host.Platform.Binding;

/// <summary>Wolverine answers a body it cannot read ("Invalid JSON format") or a query value it cannot parse
/// ("Invalid query string value") through <see cref="IProblemDetailsService"/>; here those answers become the
/// Vietnamese field errors the forms show, whichever endpoint they came from.</summary>
public static partial class BindingProblems
{
    public const string ReasonKey = "emulation.binding-reason";
    const string Title = "Dữ liệu chưa hợp lệ";

    [GeneratedRegex(@"Path: (\$\S*) \| LineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial Regex Where();

    [GeneratedRegex(@"could not be converted to (\S+?)\. Path")]
    private static partial Regex Target();

    [GeneratedRegex(@"missing required properties including: (.*)$")]
    private static partial Regex Missing();

    public static void Customize(ProblemDetailsContext ctx)
    {
        var problem = ctx.ProblemDetails;
        if (problem.Status != 400) return;
        if (problem.Title == "Invalid JSON format") Body(ctx.HttpContext, problem);
        else if (problem.Title == "Invalid query string value" && problem.Extensions.TryGetValue("parameter", out var name)) Query(problem, name?.ToString() ?? "");
    }

    static void Body(HttpContext http, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var detail = problem.Detail ?? "";
        var (field, message) = Missing().Match(detail) is { Success: true } missing
            ? (Names(missing.Groups[1].Value).FirstOrDefault() ?? "", "Thiếu trường này (bắt buộc phải gửi).")
            : Where().Match(detail) is { Success: true } where
                ? (Field(where.Groups[1].Value), Reason(http, detail, where))
                : ("", "Dữ liệu gửi lên không đúng định dạng JSON.");
        if (field == "version" && message.StartsWith("Thiếu"))
            message = "Thiếu phiên bản (version) của dữ liệu đang sửa: hãy tải lại trang rồi gửi lại.";
        Rewrite(problem, field, message);
        if (field.Length > 0 && Where().IsMatch(detail))
        {
            // The others are named as well as can be: a body System.Text.Json reads but JsonNode refuses (a repeated
            // property name) keeps the answer it already has, the first field.
            try { AddTheOthers(http, problem, field); }
            catch (Exception e) when (e is not OutOfMemoryException) { }
        }
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
    }

    /// <summary>System.Text.Json stops at the first value it cannot read, so a person who typed two numbers wrong would
    /// learn of the second only after fixing the first. The body is read again with each unreadable value set to null
    /// (or, if null is not allowed, left out) until it binds, and every value found unreadable on the way is named.</summary>
    static void AddTheOthers(HttpContext http, Microsoft.AspNetCore.Mvc.ProblemDetails problem, string first)
    {
        if (http.Items[BindingSetup.BodyKey] is not byte[] bytes
            || http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type) return;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        JsonNode? body;
        try { body = JsonNode.Parse(bytes); }
        catch (JsonException) { return; }
        var errors = (Dictionary<string, string[]>)problem.Extensions["errors"]!;
        var tries = new Dictionary<string, int>();
        for (var i = 0; i < MaxRereads; i++)
        {
            http.Items.Remove(ReasonKey);
            try { JsonSerializer.Deserialize(body, type, options); return; }
            catch (JsonException e) when (e.Path is { Length: > 1 } path && Where().Match(e.Message) is { Success: true } where)
            {
                var field = Field(path);
                var seen = tries.GetValueOrDefault(path);
                if (seen == 0 && field != first && !errors.ContainsKey(field)) errors[field] = [Reason(http, e.Message, where)];
                tries[path] = seen + 1;
                if (seen >= 2 || !Blank(body, path, remove: seen == 1)) return;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException) { return; }
        }
    }

    const int MaxRereads = 200;

    /// <summary>Sets the value at a System.Text.Json path ("$.targets[0].baseline", "$.scores.C1", "$['a b']") to null,
    /// or removes it from its object.</summary>
    static bool Blank(JsonNode? root, string path, bool remove)
    {
        var steps = Steps().Matches(path).Select(m => m.Groups[1].Success ? (object)int.Parse(m.Groups[1].Value)
            : m.Groups[2].Success ? m.Groups[2].Value.Replace("''", "'") : m.Groups[3].Value).ToList();
        if (steps.Count == 0) return false;
        var node = root;
        foreach (var step in steps[..^1])
            node = step is int index ? (node as JsonArray) is { } a && index < a.Count ? a[index] : null : Child(node as JsonObject, (string)step);
        switch (steps[^1], node)
        {
            case (int index, JsonArray array) when index < array.Count && !remove: array[index] = null; return true;
            case (string name, JsonObject obj) when Key(obj, name) is { } key:
                if (remove) obj.Remove(key); else obj[key] = null;
                return true;
            default: return false;
        }
    }

    static JsonNode? Child(JsonObject? obj, string name) => obj is not null && Key(obj, name) is { } key ? obj[key] : null;

    static string? Key(JsonObject obj, string name) =>
        obj.ContainsKey(name) ? name : obj.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\[(\d+)\]|\['((?:[^']|'')*)'\]|\.([^.\[]+)")]
    private static partial Regex Steps();

    static void Query(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string name)
    {
        var expected = (problem.Detail ?? "").Split("expected type ").LastOrDefault() ?? "";
        Rewrite(problem, name, $"Giá trị của tham số “{name}” không hợp lệ: {Expectation(expected)}");
    }

    static void Rewrite(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string field, string message)
    {
        problem.Title = Title;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Detail = field.Length == 0 ? message : $"Trường “{field}”: {message}";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Length == 0 ? "$" : field] = [message] };
    }

    static string Reason(HttpContext http, string detail, Match where)
    {
        if (http.Items.TryGetValue(ReasonKey, out var reason) && reason is string text) return text;
        if (Target().Match(detail) is { Success: true } target) return Expectation(target.Groups[1].Value);
        return $"Dữ liệu gửi lên không đúng định dạng JSON (dòng {int.Parse(where.Groups[2].Value) + 1}, vị trí {where.Groups[3].Value}).";
    }

    /// <summary>"$.targets[0].dueDate" is the name the form gave the input: "targets[0].dueDate".</summary>
    public static string Field(string path) => path == "$" ? "" : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    static IEnumerable<string> Names(string list) => list.Split(',').Select(n => n.Trim().Trim('\'', '.', ' ')).Where(n => n.Length > 0);

    /// <summary>What the field should hold, from the .NET type System.Text.Json names in its message.</summary>
    static string Expectation(string typeName)
    {
        var name = typeName.StartsWith("System.Nullable`1[") ? typeName[18..^1] : typeName;
        return name switch
        {
            "System.String" => "phải là một đoạn chữ.",
            "System.Guid" => "phải là một mã định danh (GUID).",
            "System.Boolean" or "bool" => "phải là true hoặc false.",
            "System.Int32" or "System.Int64" or "int" or "long" => "phải là một số nguyên.",
            "System.Decimal" or "System.Double" or "decimal" or "double" => "phải là một số. " + VietnameseNumber.Format,
            "System.DateOnly" or "System.DateTimeOffset" or "System.DateTime" or "DateOnly" => VietnameseDate.Format,
            _ when name.Contains("List`1") || name.EndsWith("[]") || name.Contains("Enumerable`1") => "phải là một danh sách.",
            _ when Enum(name) is { } e => $"phải là một trong các giá trị: {string.Join(", ", System.Enum.GetNames(e))}.",
            _ => "không đúng kiểu dữ liệu."
        };
    }

    static readonly ConcurrentDictionary<string, Type?> Enums = new();

    static Type? Enum(string name) => Enums.GetOrAdd(name, n => AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.FullName?.StartsWith("Emulation") == true)
        .Select(a => a.GetType(n)).FirstOrDefault(t => t is { IsEnum: true }));
}
