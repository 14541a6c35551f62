using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Marks;

/// <summary>The covering board lets a paused or discontinued model run again (asked by the unit or not); reporting
/// resumes with the periods after it.</summary>
public static class ResumeModelEndpoint
{
    [WolverinePost("/api/monitoring/models/{id}/resume"), Authorize(Policy = Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FollowedSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, MarkModel command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock) =>
        FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, command, access, clock.GetUtcNow()));

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, MarkModel command, MonitoringAccess access, DateTimeOffset now) =>
        MarkRules.Decide(m, command, access, "resume", StepBy.Board, reasonRequired: false,
            (model, reason) => new ModelResumed(model.ModelId, reason, access.User.Id, now));
}
