using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Emulation.Host.Platform.Binding;

/// <summary>How request bodies and query strings are read (Wolverine.Http reads with ASP.NET Core's
/// <see cref="JsonOptions"/>), and what happens when they cannot be.</summary>
public static class BindingSetup
{
    /// <summary>Longest query string value accepted; search boxes and codes are far shorter.</summary>
    public const int MaxQueryValue = 500;

    /// <summary>The longest request line, and how far Kestrel reads a request ahead of its handler: room for a search of
    /// at least 57,000 characters of Vietnamese text percent-encoded (up to nine bytes each), half the default 1 MB read-ahead.</summary>
    public const int RequestReadAhead = 512 * 1024;

    public static IServiceCollection AddBinding(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<VietnameseConverters>();
        services.AddSingleton<IConfigureOptions<JsonOptions>, ConfigureJson>();
        // A long search must reach the application to be answered in Vietnamese, not as Kestrel's empty 414. Kestrel
        // buffers a request line whole, so its read-ahead can be no smaller than the line; both are kept at 512 KB rather
        // than 1 MB because an upload that streams into the database more slowly than the client sends holds the whole
        // read-ahead, in pinned blocks, for as long as it lasts, for every upload at once (ADR 0053).
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = (int)(o.Limits.MaxRequestBufferSize = RequestReadAhead));
        // Plain HTTP over sockets reads ahead by the transport's own limit (Kestrel's is for TLS and HTTP/2); the same size.
        services.Configure<SocketTransportOptions>(o => o.MaxReadBufferSize = RequestReadAhead);
        return services;
    }

    sealed class ConfigureJson(VietnameseConverters converters) : IConfigureOptions<JsonOptions>
    {
        public void Configure(JsonOptions o)
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            foreach (var converter in converters.All()) o.SerializerOptions.Converters.Add(converter);
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequireVersion);
        }
    }

    /// <summary>A change sent without the version it was based on would otherwise bind version 0 and be refused as
    /// "changed by someone else"; missing, it is named as missing.</summary>
    static void RequireVersion(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Emulation") != true) return;
        foreach (var property in type.Properties)
            if (property.Name == "version" && property.PropertyType == typeof(long)) property.IsRequired = true;
    }

    /// <summary>Longest body that could be the JSON literal <c>null</c> with whitespace around it; a longer body is an
    /// object, an array or something System.Text.Json refuses itself, so only these few bytes are ever buffered.</summary>
    const int LongestNullBody = 64;

    /// <summary>Two inputs that bind but name nothing a command can act on, refused before any endpoint runs (after
    /// sign-in and authorization, so a stranger still gets 401/403 first): the all-zero GUID as a route id (Marten
    /// refuses it as a stream id by throwing) answers 404 like any other unknown id, through the status pages so a
    /// browser gets the Vietnamese page; a body that is the JSON literal <c>null</c> (it binds a null command) answers
    /// 400 naming the whole body, as malformed JSON does.</summary>
    public static void UseUnusableInputChecks(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        foreach (var (_, value) in ctx.Request.RouteValues)
            if (value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        if (await IsNullBody(ctx.Request))
        {
            const string message = "Chưa gửi dữ liệu: thân yêu cầu là null, hãy gửi một đối tượng JSON với các trường cần thiết.";
            ctx.Response.StatusCode = 400;
            await Results.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [message] },
                title: "Dữ liệu chưa hợp lệ", detail: message).ExecuteAsync(ctx);
            return;
        }
        await next();
    });

    /// <summary>Longest JSON body kept in memory, so that when one of its fields cannot be read the others can be read
    /// again to name every unreadable field at once (<see cref="BindingProblems"/>); a form's body is a few kilobytes.</summary>
    public const int LongestRereadBody = 64 * 1024;

    /// <summary>Where a body of at most <see cref="LongestRereadBody"/> bytes is kept for the request.</summary>
    public const string BodyKey = "emulation.json-body";

    static async Task<bool> IsNullBody(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method)) return false;
        if (!request.HasJsonContentType() || request.ContentLength is 0) return false;
        if (request.ContentLength is { } length and <= LongestRereadBody)
        {
            var bytes = new byte[length];
            await request.Body.ReadExactlyAsync(bytes, request.HttpContext.RequestAborted);
            request.Body = new MemoryStream(bytes, writable: false);
            request.HttpContext.Items[BodyKey] = bytes;
            return length <= LongestNullBody && System.Text.Encoding.UTF8.GetString(bytes).Trim() == "null";
        }
        if (request.ContentLength is not null) return false;
        request.EnableBuffering();
        var buffer = new byte[LongestNullBody + 1];
        var read = 0;
        while (read < buffer.Length && await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted) is var n and > 0) read += n;
        request.Body.Position = 0;
        return read <= LongestNullBody && System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim() == "null";
    }

    /// <summary>A query value longer than anything the application uses is refused by name before any endpoint
    /// parses it.</summary>
    public static void UseQueryLimits(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var query = ctx.Request.QueryString.Value;
        var tooLong = query?.Length > MaxQueryValue
            ? ctx.Request.Query.FirstOrDefault(q => q.Key.Length > MaxQueryValue || q.Value.Any(v => v?.Length > MaxQueryValue))
            : default;
        // NUL cannot be stored or compared by PostgreSQL; a filter holding it would fail the query.
        var nul = tooLong.Key is null && query?.Contains("%00") == true
            ? ctx.Request.Query.FirstOrDefault(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true))
            : default;
        var refused = tooLong.Key is not null ? tooLong : nul;
        if (refused.Key is null) { await next(); return; }
        var key = refused.Key.Replace("\0", "");
        var name = key.Length > 50 ? key[..50] + "…" : key;
        var message = tooLong.Key is not null ? $"Giá trị quá dài (tối đa {MaxQueryValue} ký tự)." : "Không được chứa ký tự NUL (U+0000).";
        ctx.Response.StatusCode = 400;
        await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] },
            title: "Dữ liệu chưa hợp lệ", detail: $"Tham số “{name}”: {message}").ExecuteAsync(ctx);
    });
}
