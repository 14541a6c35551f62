using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Marks;

/// <summary>The covering board marks the model discontinued (dừng hoạt động): no report is taken any more.</summary>
public static class DiscontinueModelEndpoint
{
    [WolverinePost("/api/monitoring/models/{id}/discontinue"), Authorize(Policy = Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FollowedSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, MarkModel command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock)
    {
        var stream = await FollowedSteps.StreamAsync(session, id, ctx.RequestAborted);
        var (result, events) = Decide(stream.Aggregate, command, await MonitoringAccess.ForAsync(ctx, units), clock.GetUtcNow());
        stream.AppendMany(events);
        return result;
    }

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, MarkModel command, MonitoringAccess access, DateTimeOffset now)
    {
        if (FollowedSteps.Refuse(m, access, StepBy.Board, m is null ? null : MarkRules.Refusal(m, "discontinue"), command.Version) is { } refusal) return (refusal, []);
        var errors = MarkRules.Reason(command.Reason);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new FollowedSaved(m!.ModelId, m.Version + 1)), [new ModelDiscontinued(m.ModelId, FollowedSteps.Clean(command.Reason)!, access.User.Id, now)]);
    }
}
