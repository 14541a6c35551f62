using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.Rubrics;

public sealed record RubricSaved(Guid Id, int VersionNo, long Version);

/// <summary>What every change to a rubric checks first, in the order of ADR 0013: not found (404), not the caller's
/// (403), a missing (400) or stale (409) stream version.</summary>
public static class RubricSteps
{
    public const string NotFound = "Không tìm thấy bộ tiêu chí.";

    public static IResult? Refuse(Rubric? rubric, ReviewAccess access, long? version)
    {
        if (rubric is null || !access.CanSee(rubric)) return Problems.NotFound(NotFound);
        if (!access.CanEdit(rubric))
            return Problems.Forbidden(rubric.BoardId is null
                ? "Chỉ quản trị hệ thống được sửa bộ tiêu chí dùng chung."
                : "Chỉ thư ký của Ban sở hữu bộ tiêu chí được sửa bộ tiêu chí này.");
        if (version is null) return Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.");
        return rubric.Version != version ? Problems.Conflict(Problems.StaleVersion) : null;
    }

    public static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : Kernel.Text.VietnameseText.Clean(note);
}
