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

    /// <summary>A query value longer than anything the application uses is refused by name before any endpoint
    /// parses it.</summary>
    public static void UseQueryLimits(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var tooLong = ctx.Request.QueryString.Value?.Length > MaxQueryValue
            ? ctx.Request.Query.FirstOrDefault(q => q.Key.Length > MaxQueryValue || q.Value.Any(v => v?.Length > MaxQueryValue))
            : default;
        if (tooLong.Key is null) { await next(); return; }
        var name = tooLong.Key.Length > 50 ? tooLong.Key[..50] + "…" : tooLong.Key;
        var message = $"Giá trị quá dài (tối đa {MaxQueryValue} ký tự).";
        ctx.Response.StatusCode = 400;
        await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] },
            title: "Dữ liệu chưa hợp lệ", detail: $"Tham số “{name}”: {message}").ExecuteAsync(ctx);
    });
}
