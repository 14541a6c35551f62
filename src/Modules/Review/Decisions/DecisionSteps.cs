using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.Decisions;

/// <summary>What every change of a round's decisions does first: the round read, the caller's rights checked in the order
/// of ADR 0013, then the round's decision lock taken and the decisions stream loaded for writing.</summary>
public static class DecisionSteps
{
    public const string SecretaryOnly = "Chỉ thư ký của Ban phụ trách đợt đánh giá được ghi kết quả họp xét.";

    public static IResult? Refuse(Round? round, ReviewAccess access, Func<RoundState, string?> stateRefusal)
    {
        if (round is null || !access.CanSee(round)) return Problems.NotFound(RoundSteps.NotFound);
        if (!access.CanRun(round)) return Problems.Forbidden(SecretaryOnly);
        return stateRefusal(round.State) is { } state ? Problems.Conflict(state) : null;
    }

    /// <summary>Takes the round's transaction lock (held to the commit), then loads the decisions for writing.</summary>
    public static async Task<JasperFx.Events.IEventStream<RoundDecisions>> LockAsync(IDocumentSession session, Guid roundId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(?)) l", RoundDecisions.LockKey(roundId));
        return await session.Events.FetchForWriting<RoundDecisions>(RoundDecisions.StreamFor(roundId), ct);
    }

    /// <summary>Appends what was decided, starting the stream on its first change. A refusal decides nothing, so it
    /// stores nothing: not even the stream's start.</summary>
    public static void Append(JasperFx.Events.IEventStream<RoundDecisions> stream, Guid roundId, IReadOnlyList<object> events, DateTimeOffset now)
    {
        if (events.Count == 0) return;
        if (stream.Aggregate is null) stream.AppendOne(new DecisionsStarted(roundId, now));
        stream.AppendMany(events);
    }
}
