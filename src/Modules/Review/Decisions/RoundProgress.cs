using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Marten;

namespace Emulation.Review.Decisions;

/// <summary>The funnel's "self-assessed": the unit submitted its self-assessment.</summary>
public sealed class SelfAssessedProgress : IRoundProgress
{
    public string Stage => "self-assessed";

    public async Task<IReadOnlySet<Guid>> ModelsAsync(IQuerySession session, Guid roundId, CancellationToken ct) =>
        (await session.Query<ModelSelfAssessment>().Where(a => a.RoundId == roundId && a.State == SelfAssessmentState.Submitted)
            .Select(a => a.ModelId).ToListAsync(ct)).ToHashSet();
}

/// <summary>The funnel's "scored": at least one reviewer submitted a scorecard for the model.</summary>
public sealed class ScoredProgress : IRoundProgress
{
    public string Stage => "scored";

    public async Task<IReadOnlySet<Guid>> ModelsAsync(IQuerySession session, Guid roundId, CancellationToken ct) =>
        (await session.Query<Scorecard>().Where(c => c.RoundId == roundId && c.Submitted).Select(c => c.ModelId).ToListAsync(ct)).ToHashSet();
}
