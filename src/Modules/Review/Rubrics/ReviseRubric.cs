using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Emulation.Review.Rubrics;

public sealed record ReviseRubric(IReadOnlyList<CriterionInput?>? Criteria, string? Note, long? Version);

/// <summary>Editing a rubric makes a new version; the versions rounds already use stay as they were.</summary>
public static class ReviseRubricEndpoint
{
    [WolverinePost("/api/review/rubrics/{id}/versions"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RubricSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, ReviseRubric command, [WriteAggregate(Required = false)] Rubric? rubric,
        ReviewUnits units, HttpContext ctx, TimeProvider clock) =>
        Decide(rubric, command, await ReviewAccess.ForAsync(ctx, units), clock.GetUtcNow());

    public static (IResult, Events) Decide(Rubric? rubric, ReviseRubric command, ReviewAccess access, DateTimeOffset now)
    {
        if (RubricSteps.Refuse(rubric, access, command.Version) is { } refusal) return (refusal, []);
        var errors = new Errors().Optional(command.Note, "note", "ghi chú phiên bản", RubricRules.MaxNote);
        var criteria = RubricRules.Criteria(command.Criteria, errors);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var no = rubric!.Latest.No + 1;
        return (Results.Ok(new RubricSaved(rubric.Id, no, rubric.Version + 1)),
            [new RubricRevised(rubric.Id, no, criteria, RubricSteps.Note(command.Note), access.User.Id, now)]);
    }
}
