using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Emulation.Review.Rubrics;

/// <param name="VersionNo">The version the editor shows (the latest): a frozen or older one is refused.</param>
public sealed record EditRubricVersion(int? VersionNo, IReadOnlyList<CriterionInput?>? Criteria, string? Note, long? Version);

/// <summary>Corrects a version in place while no round has opened with it (a typo before the first use). A version a
/// round used is frozen: the edit is refused with 409 and the secretary makes a new version instead.</summary>
public static class EditRubricVersionEndpoint
{
    [WolverinePut("/api/review/rubrics/{id}/versions/latest"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RubricSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Put(Guid id, EditRubricVersion command, [WriteAggregate(Required = false)] Rubric? rubric,
        ReviewUnits units, HttpContext ctx, TimeProvider clock) =>
        Decide(rubric, command, await ReviewAccess.ForAsync(ctx, units), clock.GetUtcNow());

    public static (IResult, Events) Decide(Rubric? rubric, EditRubricVersion command, ReviewAccess access, DateTimeOffset now)
    {
        if (RubricSteps.Refuse(rubric, access, command.Version) is { } refusal) return (refusal, []);
        if (command.VersionNo is not { } no) return (Problems.Validation("versionNo", "Vui lòng cho biết sửa phiên bản số mấy (versionNo)."), []);
        var version = rubric!.VersionNo(no);
        if (version is null) return (Problems.NotFound($"Bộ tiêu chí không có phiên bản {no}."), []);
        if (version.Frozen)
            return (Problems.Conflict($"Phiên bản {no} đã được dùng cho đợt đánh giá đã mở nên không được sửa. " +
                "Hãy tạo phiên bản mới; các đợt đã mở vẫn giữ phiên bản cũ."), []);
        if (no != rubric.Latest.No)
            return (Problems.Conflict($"Chỉ sửa được phiên bản mới nhất ({rubric.Latest.No}); phiên bản {no} là lịch sử."), []);
        var errors = new Errors().Optional(command.Note, "note", "ghi chú phiên bản", RubricRules.MaxNote);
        var criteria = RubricRules.Criteria(command.Criteria, errors);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new RubricSaved(rubric.Id, no, rubric.Version + 1)),
            [new RubricVersionEdited(rubric.Id, no, criteria, RubricSteps.Note(command.Note), access.User.Id, now)]);
    }
}
