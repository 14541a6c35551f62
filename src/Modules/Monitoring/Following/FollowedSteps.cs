using Emulation.Kernel.Web;
using Emulation.Monitoring.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;

namespace Emulation.Monitoring.Following;

public enum StepBy { Unit, Board }

/// <summary>What every step on a followed model checks first, in the order of ADR 0013: a model not followed does not
/// exist (404), a step that is not the caller's (403), a stale version (409), a state that does not allow it (400), a
/// missing version (400). Commands carry <c>long? Version</c>: the followed stream's version. A stale version comes before
/// the state (ADR 0068): a caller who read the model before someone else's step is told to reload, as every other loser of
/// the same race is, not that the state it never saw forbids the step.</summary>
public static class FollowedSteps
{
    // The feed starts following a model a moment after the Registry accepts it: a caller who acts in that moment is told
    // to try again, not that the model is not accepted.
    public const string NotFound = "Không tìm thấy mô hình đang được theo dõi (chỉ mô hình đã được công nhận đăng ký mới được theo dõi; " +
        "mô hình vừa được công nhận thì hãy thử lại sau vài giây).";
    public const string UnitOnly = "Chỉ cán bộ của đơn vị đăng ký mô hình được thực hiện thao tác này.";
    public const string BoardOnly = "Chỉ thành viên Ban đã công nhận mô hình (khi Ban còn phụ trách đơn vị) được thực hiện thao tác này.";

    public static IResult? Refuse(FollowedModel? model, MonitoringAccess access, StepBy by, string? stateRefusal, long? version)
    {
        if (model is null || !access.CanSee(model)) return Problems.NotFound(NotFound);
        if (by == StepBy.Unit ? !access.IsModelUnit(model) : !access.BoardCoversModel(model))
            return Problems.Forbidden(by == StepBy.Unit ? UnitOnly : BoardOnly);
        if (version is not null && model.Version != version) return Problems.Conflict(Problems.StaleVersion);
        if (stateRefusal is not null)
            return Results.Problem(title: "Không thực hiện được", detail: stateRefusal, statusCode: StatusCodes.Status400BadRequest);
        return version is null ? Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.") : null;
    }

    /// <summary>One step on a followed model, the same for every command: its stream loaded for writing, the decision
    /// taken with the caller's access, what was decided appended (Marten refuses at commit if the stream moved meanwhile).</summary>
    public static async Task<IResult> RunAsync(IDocumentSession session, Guid modelId, MonitoringUnits units, HttpContext ctx,
        Func<FollowedModel?, MonitoringAccess, (IResult Result, IReadOnlyList<object> Events)> decide)
    {
        var ct = ctx.RequestAborted;
        var stream = await StreamAsync(session, modelId, ct);
        var access = await MonitoringAccess.ForAsync(ctx, units);
        IResult Take(JasperFx.Events.IEventStream<FollowedModel> s)
        {
            var (result, events) = decide(s.Aggregate, access);
            s.AppendMany(events);
            return result;
        }
        if (stream.Aggregate is not null || !await AcceptedMeanwhileAsync(ctx)) return Take(stream);
        // The feed has copied the model meanwhile (ADR 0070). This session already holds the stream as missing, and a
        // second load in it would append as a second writer and lose to itself at commit, so the step is taken and
        // committed in a session of its own; this one has nothing left to write. Only this rare path pays for the
        // wait: every other step reads the stream once.
        await using var own = session.DocumentStore.LightweightSession();
        var answer = Take(await StreamAsync(own, modelId, ct));
        await own.SaveChangesAsync(ct);
        return answer;
    }

    /// <summary>How long a step on a model not followed yet waits for the Registry's feed before answering 404.</summary>
    public static readonly TimeSpan FeedWait = TimeSpan.FromSeconds(5);

    /// <summary>The feed starts following a model a moment after the Registry accepts it (ADR 0070): a unit that opens
    /// or reports on the model it just saw accepted waits for what the Registry committed so far to be copied, instead
    /// of being told the model does not exist. True when the feed caught up (look again); quick when nothing is pending.</summary>
    public static Task<bool> AcceptedMeanwhileAsync(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Registry, FeedWait, ctx.RequestAborted);

    /// <summary>Loads the followed stream of a model for writing; Marten refuses at commit if it moved meanwhile.</summary>
    public static Task<JasperFx.Events.IEventStream<FollowedModel>> StreamAsync(IDocumentSession session, Guid modelId, CancellationToken ct) =>
        session.Events.FetchForWriting<FollowedModel>(FollowedModel.StreamFor(modelId), ct);

    public static string? Clean(string? text) => Kernel.Text.VietnameseText.NfcOrNull(text);
}

public sealed record FollowedSaved(Guid Id, long Version);
