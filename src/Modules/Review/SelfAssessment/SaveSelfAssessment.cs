using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
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
        SelfAssessmentSteps.RunAsync(session, roundId, modelId, units, ctx, (round, current, access) =>
            Decide(round, modelId, current, command, access, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(Round? round, Guid modelId, ModelSelfAssessment? current, SaveSelfAssessment command,
        ReviewAccess access, DateTimeOffset now)
    {
        if (SelfAssessmentRules.Refuse(round, modelId, current, access, command.Version) is { } refusal) return (refusal, []);
        var errors = new Errors();
        var scores = SelfAssessmentRules.Scores(round!.Criteria, command.Scores, submitting: false, errors);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var result = ModelSelfAssessment.Result(round.Criteria, scores);
        var model = round.Model(modelId)!;
        var saved = new SelfAssessmentSaved(ModelSelfAssessment.StreamFor(round.Id, modelId), round.Id, modelId, model.UnitId, scores,
            result.Total, result.GatesMet, access.User.Id, now);
        return (SelfAssessmentSteps.Reply(round, modelId, current, result.Total, result.GatesMet, false), [saved]);
    }
}
