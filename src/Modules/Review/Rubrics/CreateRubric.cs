using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Rubrics;

/// <param name="Preset">"tinh" starts from the provincial preset (then <paramref name="Criteria"/> is ignored).</param>
/// <param name="BoardId">The owning board; by default the secretary's own board, none (shared) for an administrator.</param>
public sealed record CreateRubric(string? Name, string? Preset, IReadOnlyList<CriterionInput?>? Criteria, Guid? BoardId = null);

/// <summary>A board secretary (or an administrator, for a shared rubric) writes a new rubric: version 1.</summary>
public static class CreateRubricEndpoint
{
    public const string ProvincialPreset = "tinh";

    [WolverinePost("/api/review/rubrics"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RubricSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(CreateRubric command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var (result, created) = Decide(command, await ReviewAccess.ForAsync(ctx, units), Guid.NewGuid(), clock.GetUtcNow());
        if (created is not null) session.Events.StartStream<Rubric>(created.RubricId, created);
        return result;
    }

    public static (IResult, RubricCreated?) Decide(CreateRubric command, ReviewAccess access, Guid id, DateTimeOffset now)
    {
        if (!access.SeesAll && access.SecretaryOf.Count == 0)
            return (Problems.Forbidden("Chỉ thư ký Ban hoặc quản trị hệ thống được lập bộ tiêu chí."), null);
        var board = command.BoardId ?? (access.SeesAll ? null : access.SecretaryOf.Count == 1 ? access.SecretaryOf[0] : null);
        if (!access.SeesAll && board is null) return (Problems.Validation("boardId", "Vui lòng chọn Ban sở hữu bộ tiêu chí."), null);
        if (board is { } b && !access.SecretaryOf.Contains(b))
            return (Problems.Forbidden("Thư ký chỉ lập bộ tiêu chí cho Ban của mình."), null);

        var errors = new Errors();
        var name = VietnameseText.Clean(command.Name);
        if (name.Length == 0 && command.Preset == ProvincialPreset) name = RubricPresets.ProvincialName;
        errors.Required(name, "name", "tên bộ tiêu chí", RubricRules.MaxName)
            .Add(command.Preset is { Length: > 0 } && command.Preset != ProvincialPreset, "preset", "Mẫu bộ tiêu chí không có (chỉ có mẫu \"tinh\").");
        var criteria = command.Preset == ProvincialPreset ? RubricPresets.Provincial : RubricRules.Criteria(command.Criteria, errors);
        if (!errors.Ok) return (Problems.Validation(errors), null);
        var created = new RubricCreated(id, name, board, criteria, access.User.Id, now);
        return (Results.Created($"/api/review/rubrics/{id}", new RubricSaved(id, 1, 1)), created);
    }
}
