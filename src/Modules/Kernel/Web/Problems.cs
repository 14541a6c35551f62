using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Web;

/// <summary>ProblemDetails with Vietnamese titles: the UI shows them as they are.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail ?? errors.Values.SelectMany(v => v).FirstOrDefault(),
            title: "Dữ liệu chưa hợp lệ");

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Forbidden(string detail = "Bạn không có quyền thực hiện thao tác này.") =>
        Results.Problem(title: "Không có quyền", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string detail = "Không tìm thấy dữ liệu yêu cầu.") =>
        Results.Problem(title: "Không tìm thấy", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Problem(title: "Xung đột dữ liệu", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public const string StaleVersion =
        "Dữ liệu đã được người khác thay đổi trong lúc bạn thao tác. Hãy tải lại trang và thử lại.";
}

/// <summary>Collects field errors in one pass; empty means valid.</summary>
public sealed class Errors : Dictionary<string, string[]>
{
    public Errors() : base(StringComparer.OrdinalIgnoreCase) { }

    public Errors Add(bool failed, string field, string message)
    {
        if (!failed) return this;
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }

    public Errors Required(string? value, string field, string label, int max) =>
        Add(string.IsNullOrWhiteSpace(value), field, $"Vui lòng nhập {label}.")
            .Add(value is { Length: > 0 } && value.Length > max, field, $"{Capital(label)} không được dài quá {max} ký tự.");

    public Errors Optional(string? value, string field, string label, int max) =>
        Add(value is { Length: > 0 } && value.Length > max, field, $"{Capital(label)} không được dài quá {max} ký tự.");

    static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public bool Ok => Count == 0;
}
