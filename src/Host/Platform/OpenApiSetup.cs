using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Emulation.Host.Platform;

/// <summary>The OpenAPI document says what an integrator needs to generate a client: how to authenticate, and which
/// problems each operation can answer (they are RFC 9457 ProblemDetails with Vietnamese texts).</summary>
public static class OpenApiSetup
{
    const string Bearer = "Bearer";

    /// <summary>The binding layer reads these types with converters of its own (Vietnamese numbers and dates, text without
    /// NUL), and the schema generator describes a property read by a custom converter as untyped: the types are said again
    /// here so that a generated client still knows a text from a number.</summary>
    static readonly Dictionary<Type, (JsonSchemaType Type, string? Format)> Converted = new()
    {
        [typeof(string)] = (JsonSchemaType.String, null),
        [typeof(decimal)] = (JsonSchemaType.Number, "double"),
        [typeof(double)] = (JsonSchemaType.Number, "double"),
        [typeof(int)] = (JsonSchemaType.Integer, "int32"),
        [typeof(long)] = (JsonSchemaType.Integer, "int64"),
        [typeof(DateOnly)] = (JsonSchemaType.String, "date")
    };

    static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
          ?.GetGenericArguments()[0];

    public static void Configure(OpenApiOptions o)
    {
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            var underlying = Nullable.GetUnderlyingType(type);
            if (schema.Type is null && Converted.TryGetValue(underlying ?? type, out var said))
            {
                schema.Type = underlying is null ? said.Type : said.Type | JsonSchemaType.Null;
                schema.Format ??= said.Format;
            }
            // A list of such a type loses its items altogether (the element's schema is empty and left out), so a client
            // would not know a list of texts from a list of anything: the element is said here too.
            if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Array) && schema.Items is null && ElementType(underlying ?? type) is { } element
                && Converted.TryGetValue(Nullable.GetUnderlyingType(element) ?? element, out var item))
                schema.Items = new OpenApiSchema { Type = item.Type, Format = item.Format };
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Emulation API — Phong trào thi đua “Dân vận khéo”";
            doc.Info.Description = "API for integrations. Sign in with POST /api/auth/token and send the access token as 'Authorization: Bearer …'. " +
                                   "Errors are RFC 9457 ProblemDetails with Vietnamese titles and messages; field errors are in 'errors', keyed by the field's JSON path.";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/token (valid 8 hours; ends when the password changes or the account is disabled)."
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var method = context.Description.HttpMethod ?? "GET";
            var path = context.Description.RelativePath ?? "";
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var writes = method is not "GET" and not "HEAD";
            var problem = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct);

            operation.Responses ??= new OpenApiResponses();
            var field = metadata.OfType<Emulation.Monitoring.Evidence.MultipartFileAttribute>().FirstOrDefault()?.Field
                        ?? metadata.OfType<Emulation.Kernel.Import.UploadedWorkbookAttribute>().FirstOrDefault()?.Field;
            if (field is not null)
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object, Required = new HashSet<string> { field },
                                Properties = new Dictionary<string, IOpenApiSchema> { [field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }
                            }
                        }
                    }
                };
            void Problem(int status, string description)
            {
                if (operation.Responses.ContainsKey(status.ToString())) return;
                operation.Responses[status.ToString()] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } }
                };
            }

            if (writes || context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Query"))
                Problem(400, "Dữ liệu chưa hợp lệ: 'errors' names each field.");
            if (!anonymous)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
                Problem(401, "Chưa đăng nhập, hoặc phiên đăng nhập đã hết hiệu lực.");
                Problem(403, "Không có quyền với dữ liệu này.");
            }
            if (path.Contains('{')) Problem(404, "Không tìm thấy.");
            if (writes && !anonymous) Problem(409, "Dữ liệu đã được người khác thay đổi (phiên bản cũ) hoặc đã tồn tại.");
            if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any()) Problem(429, "Thử quá nhiều lần; xem Retry-After.");
            Problem(503, "Cơ sở dữ liệu tạm không trả lời; xem Retry-After.");
        });
    }
}
