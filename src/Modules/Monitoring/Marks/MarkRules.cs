using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Microsoft.AspNetCore.Http;

namespace Emulation.Monitoring.Marks;

public sealed record MarkModel(string? Reason, long? Version);

/// <summary>Which marks each state allows (ADR 0017). Pure.</summary>
public static class MarkRules
{
    public const int MaxReason = 1000;

    public static string? Refusal(FollowedModel m, string step)
    {
        if (m.Facts.SourceStatus != ModelStatusCodes.Accepted) return "Đăng ký mô hình không còn hiệu lực.";
        return (step, m.State) switch
        {
            ("pause", FollowState.Active) => null,
            ("pause", _) => $"Chỉ tạm dừng được mô hình đang hoạt động (hiện: {StateLabels.Words(m.State).ToLowerInvariant()}).",
            ("discontinue" or "merge", FollowState.Active or FollowState.Paused) => null,
            ("discontinue" or "merge", _) => $"Mô hình đã {StateLabels.Words(m.State).ToLowerInvariant()}.",
            ("request-resume", FollowState.Paused or FollowState.Discontinued) when m.PendingResume is not null => "Đơn vị đã đề nghị hoạt động lại; chờ Ban xem xét.",
            ("request-resume" or "resume", FollowState.Paused or FollowState.Discontinued) => null,
            ("request-resume" or "resume", _) => m.State == FollowState.Merged
                ? "Mô hình đã sáp nhập vào mô hình khác: không hoạt động lại được."
                : "Mô hình đang hoạt động.",
            _ => "Thao tác không hợp lệ."
        };
    }

    /// <summary>A mark with nothing but a reason (pause, discontinue, ask to resume, resume): who may take it, whether the
    /// state allows it, the reason, then the one event it records.</summary>
    public static (IResult, IReadOnlyList<object>) Decide(FollowedModel? m, MarkModel command, MonitoringAccess access, string step, StepBy by,
        bool reasonRequired, Func<FollowedModel, string?, object> mark)
    {
        if (FollowedSteps.Refuse(m, access, by, m is null ? null : Refusal(m, step), command.Version) is { } refusal) return (refusal, []);
        var errors = Reason(command.Reason, reasonRequired);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new FollowedSaved(m!.ModelId, m.Version + 1)), [mark(m, FollowedSteps.Clean(command.Reason))]);
    }

    public static Errors Reason(string? reason, bool required = true) => required
        ? new Errors().Required(reason, "reason", "lý do", MaxReason)
        : new Errors().Optional(reason, "reason", "ghi chú", MaxReason);
}
