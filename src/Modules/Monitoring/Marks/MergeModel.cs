using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Marks;

public sealed record MergeModel(string? IntoCode, string? Reason, long? Version);

/// <summary>The covering board marks the model merged into another followed model, named by its registry code.</summary>
public static class MergeModelEndpoint
{
    [WolverinePost("/api/monitoring/models/{id}/merge"), Authorize(Policy = Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FollowedSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, MergeModel command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock)
    {
        var code = command.IntoCode?.Trim().ToUpperInvariant();
        // Read from the followed streams' snapshots (inline, current), not from the summary, which trails the commit.
        var into = string.IsNullOrEmpty(code) || code.Length > 50 ? null
            : await session.Query<FollowedModel>().FirstOrDefaultAsync(f => f.Facts.Code == code, ctx.RequestAborted);
        return await FollowedSteps.RunAsync(session, id, units, ctx, (m, access) => Decide(m, command, into, access, clock.GetUtcNow()));
    }

    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, MergeModel command, FollowedModel? into, MonitoringAccess access, DateTimeOffset now)
    {
        if (FollowedSteps.Refuse(m, access, StepBy.Board, m is null ? null : MarkRules.Refusal(m, "merge"), command.Version) is { } refusal) return (refusal, []);
        var errors = MarkRules.Reason(command.Reason)
            .Add(string.IsNullOrWhiteSpace(command.IntoCode), "intoCode", "Vui lòng nhập mã đăng ký của mô hình được sáp nhập vào.")
            .Add(!string.IsNullOrWhiteSpace(command.IntoCode) && into is null, "intoCode", $"Không tìm thấy mô hình đang được theo dõi có mã “{command.IntoCode?.Trim()}”.")
            .Add(into is not null && into.ModelId == m!.ModelId, "intoCode", "Mô hình không sáp nhập được vào chính nó.")
            .Add(into is not null && into.ModelId != m!.ModelId && into.Closed, "intoCode", $"Mô hình {into?.Facts.Code} đã dừng hoạt động hoặc đã sáp nhập.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        var merged = new ModelMerged(m!.ModelId, into!.Facts.Code!, into.ModelId, FollowedSteps.Clean(command.Reason)!, access.User.Id, now);
        return (Results.Ok(new FollowedSaved(m.ModelId, m.Version + 1)), [merged]);
    }
}
