using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;

namespace Emulation.Registry.Models;

/// <summary>What every step on a model checks first, in the order the caller is told: a model they may not see
/// does not exist (404), a step that is not theirs (403), a step the state does not allow (400), a stale version (409).
/// Commands carry <c>long? Version</c> on purpose: Wolverine's aggregate workflow then loads without an expected
/// version (it would answer 409 before we could answer 404), Marten still refuses at commit a stream that moved
/// since it was loaded, and a missing version is a 400 rather than a conflict.</summary>
public static class ModelSteps
{
    public const string NotFound = "Không tìm thấy mô hình, điển hình.";

    public static IResult? Refuse(Model? model, RegistryAccess access, string step, long? version)
    {
        if (model is null || !access.CanSee(model)) return Problems.NotFound(NotFound);
        var byUnit = step is "edit" or "submit" or "withdraw";
        if (byUnit ? !access.CanActFor(model.UnitId) : !access.CanDecide(model))
            return Problems.Forbidden(byUnit
                ? "Chỉ cán bộ của đơn vị đăng ký được thực hiện thao tác này."
                : "Chỉ thành viên Ban theo dõi mô hình này được quyết định.");
        if (ModelRules.Refusal(model.Status, step) is { } message)
            return Results.Problem(title: "Không thực hiện được", detail: message, statusCode: StatusCodes.Status400BadRequest);
        if (version is null) return Problems.Validation("version", "Thiếu phiên bản hồ sơ (version). Hãy tải lại trang và thử lại.");
        return model.Version != version ? Problems.Conflict(Problems.StaleVersion) : null;
    }

    public static string? Reason(string? r) => string.IsNullOrWhiteSpace(r) ? null : VietnameseText.Nfc(r).Trim();
}

public sealed record ModelSaved(Guid Id, long Version);
