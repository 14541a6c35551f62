using Emulation.Kernel.Security;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.SelfAssessment;

/// <param name="Version">0 for the first save, then the version the last reply gave.</param>
public sealed record SaveSelfAssessment(IReadOnlyList<ScoreInput?>? Scores, long? Version);

/// <summary>The unit's officer saves a draft of the self-assessment: scores may be missing, those given are checked.</summary>
public static class SaveSelfAssessmentEndpoint
{
    [WolverinePost("/api/review/rounds/{roundId}/self-assessments/{modelId}/draft"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<SelfAssessmentReply>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid roundId, Guid modelId, SaveSelfAssessment command, IDocumentSession session, ReviewUnits units,
        HttpContext ctx, TimeProvider clock) =>
        SelfAssessmentSteps.RunAsync(session, roundId, modelId, units, ctx, (round, current, access, record) =>
            Decide(round, modelId, current, command, access, clock.GetUtcNow(), record));

    public static (IResult, IReadOnlyList<object>) Decide(Round? round, Guid modelId, ModelSelfAssessment? current, SaveSelfAssessment command,
        ReviewAccess access, DateTimeOffset now, Following.FollowedRecord? record = null) =>
        SelfAssessmentSteps.Decide(round, modelId, current, command.Scores, command.Version, submitting: false, access, now, record);
}
