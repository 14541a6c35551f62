using Emulation.Kernel.Security;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.SelfAssessment;

public sealed record SubmitSelfAssessment(IReadOnlyList<ScoreInput?>? Scores, long? Version);

/// <summary>The unit's officer submits the self-assessment (taking the place of the draft): every criterion scored and
/// justified. After that it is the unit's word to the reviewers and does not change.</summary>
public static class SubmitSelfAssessmentEndpoint
{
    [WolverinePost("/api/review/rounds/{roundId}/self-assessments/{modelId}/submit"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<SelfAssessmentReply>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid roundId, Guid modelId, SubmitSelfAssessment command, IDocumentSession session, ReviewUnits units,
        HttpContext ctx, TimeProvider clock) =>
        SelfAssessmentSteps.RunAsync(session, roundId, modelId, units, ctx, (round, current, access, record) =>
            Decide(round, modelId, current, command, access, clock.GetUtcNow(), record));

    public static (IResult, IReadOnlyList<object>) Decide(Round? round, Guid modelId, ModelSelfAssessment? current, SubmitSelfAssessment command,
        ReviewAccess access, DateTimeOffset now, Following.FollowedRecord? record = null) =>
        SelfAssessmentSteps.Decide(round, modelId, current, command.Scores, command.Version, submitting: true, access, now, record);
}
