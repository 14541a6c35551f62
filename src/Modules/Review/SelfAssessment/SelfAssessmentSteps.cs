using Emulation.Kernel.Web;
using Emulation.Review.Following;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.SelfAssessment;

public sealed record SelfAssessmentReply(Guid RoundId, Guid ModelId, long Version, decimal Total, bool GatesMet, string State);

/// <summary>One step on a self-assessment, the same for saving and submitting: the round read, the assessment's stream
/// loaded for writing (Marten refuses at commit if it moved meanwhile), the decision taken, what was decided appended.</summary>
public static class SelfAssessmentSteps
{
    public static async Task<IResult> RunAsync(IDocumentSession session, Guid roundId, Guid modelId, ReviewUnits units, HttpContext ctx,
        Func<Round?, ModelSelfAssessment?, ReviewAccess, FollowedRecord?, (IResult Result, IReadOnlyList<object> Events)> decide)
    {
        var round = await session.LoadAsync<Round>(roundId, ctx.RequestAborted);
        var stream = await session.Events.FetchForWriting<ModelSelfAssessment>(ModelSelfAssessment.StreamFor(roundId, modelId), ctx.RequestAborted);
        var record = await FollowedRecords.ForAsync(session, modelId, ctx.RequestAborted);
        var (result, events) = decide(round, stream.Aggregate, await ReviewAccess.ForAsync(ctx, units), record);
        stream.AppendMany(events);
        return result;
    }

    /// <summary>Saving and submitting decide alike; submitting asks every criterion scored and justified.</summary>
    public static (IResult, IReadOnlyList<object>) Decide(Round? round, Guid modelId, ModelSelfAssessment? current, IReadOnlyList<ScoreInput?>? input,
        long? version, bool submitting, ReviewAccess access, DateTimeOffset now, FollowedRecord? record = null)
    {
        if (SelfAssessmentRules.Refuse(round, modelId, current, access, version) is { } refusal) return (refusal, []);
        var errors = new Errors();
        var scores = SelfAssessmentRules.Scores(round!.Criteria, input, submitting, errors, record);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var result = ModelSelfAssessment.Result(round.Criteria, scores);
        var (id, unitId) = (ModelSelfAssessment.StreamFor(round.Id, modelId), round.Model(modelId)!.UnitId);
        object decided = submitting
            ? new SelfAssessmentSubmitted(id, round.Id, modelId, unitId, scores, result.Total, result.GatesMet, access.User.Id, now)
            : new SelfAssessmentSaved(id, round.Id, modelId, unitId, scores, result.Total, result.GatesMet, access.User.Id, now);
        return (Reply(round, modelId, current, result.Total, result.GatesMet, submitting), [decided]);
    }

    public static IResult Reply(Round round, Guid modelId, ModelSelfAssessment? current, decimal total, bool gates, bool submitted) =>
        Results.Ok(new SelfAssessmentReply(round.Id, modelId, (current?.Version ?? 0) + 1, total, gates, submitted ? "submitted" : "draft"));
}
