using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.Rounds;

public sealed record RoundSaved(Guid Id, long Version);

/// <summary>What every step on a round checks first, in the order of ADR 0013: a round the caller may not see does not
/// exist (404), a step only the board's secretary takes (403), a state that does not allow it (409: it conflicts with
/// where the round is now), a missing (400) or stale (409) version.</summary>
public static class RoundSteps
{
    public const string NotFound = "Không tìm thấy đợt đánh giá.";
    public const string SecretaryOnly = "Chỉ thư ký của Ban phụ trách đợt đánh giá được thực hiện thao tác này.";

    public static IResult? Refuse(Round? round, ReviewAccess access, string? stateRefusal, long? version)
    {
        if (round is null || !access.CanSee(round)) return Problems.NotFound(NotFound);
        if (!access.CanRun(round)) return Problems.Forbidden(SecretaryOnly);
        if (stateRefusal is not null) return Problems.Conflict(stateRefusal);
        if (version is null) return Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.");
        return round.Version != version ? Problems.Conflict(Problems.StaleVersion) : null;
    }
}
