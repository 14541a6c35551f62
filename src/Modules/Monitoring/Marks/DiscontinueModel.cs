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
    public static Task<IResult> Post(Guid id, MarkModel command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock) =>
        FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, command, access, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, MarkModel command, MonitoringAccess access, DateTimeOffset now) =>
        MarkRules.Decide(m, command, access, "discontinue", StepBy.Board, reasonRequired: true,
            (model, reason) => new ModelDiscontinued(model.ModelId, reason!, access.User.Id, now));
}
