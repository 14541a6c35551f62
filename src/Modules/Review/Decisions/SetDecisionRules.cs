using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Decisions;

/// <param name="Rule">qua-ban-co-mat, hai-phan-ba-co-mat or qua-ban-thanh-vien.</param>
/// <param name="Members">How many members the board has (for the quorum and the "of members" rule).</param>
/// <param name="Quotas">The most models each form of commendation may be proposed for (code → number; null or absent: no limit).</param>
/// <param name="Version">The decisions' version as last read (0 before any).</param>
public sealed record SetDecisionRules(string? Rule, int? Members, Dictionary<string, int?>? Quotas, long? Version);

public sealed record DecisionsSaved(Guid RoundId, long Version);

/// <summary>The secretary sets how the meeting decides, any time before the round closes; quotas below what is already
/// proposed are refused.</summary>
public static class SetDecisionRulesEndpoint
{
    public const int MaxMembers = 500;

    [WolverinePut("/api/review/rounds/{id}/decision-rules"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionsSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, SetDecisionRules command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (DecisionSteps.Refuse(round, access, s => s == RoundState.Closed ? "Đợt đánh giá đã kết thúc: không đổi được cách biểu quyết." : null) is { } refusal)
            return refusal;
        var now = clock.GetUtcNow();
        var stream = await DecisionSteps.LockAsync(session, id, ctx.RequestAborted);
        var current = stream.Aggregate ?? RoundDecisions.Empty(id);
        var (result, events) = Decide(current, command, access.User.Id, now);
        DecisionSteps.Append(stream, id, events, now);
        return result;
    }

    public static (IResult, IReadOnlyList<object>) Decide(RoundDecisions current, SetDecisionRules command, Guid by, DateTimeOffset now)
    {
        var errors = new Errors();
        var rule = DecisionRules.ParseRule(command.Rule);
        errors.Add(rule is null, "rule", "Cách biểu quyết phải là qua-ban-co-mat, hai-phan-ba-co-mat hoặc qua-ban-thanh-vien.");
        errors.Add(command.Members is not { } m || m < 1 || m > MaxMembers, "members", $"Số thành viên Ban phải từ 1 đến {MaxMembers}.");
        // A form left blank on the page comes as null: no limit, as if it were not sent.
        var quotas = (command.Quotas ?? []).Where(q => q.Value is not null).ToDictionary(q => q.Key, q => q.Value!.Value);
        foreach (var (level, max) in quotas)
        {
            if (!CommendationLevels.All.Contains(level)) { errors.Add(true, $"quotas.{level}", $"Không có hình thức khen thưởng “{level}”."); continue; }
            var proposed = current.Decisions.Count(d => d.Outcome == Outcome.Proposed && d.Level == level);
            errors.Add(max < 0, $"quotas.{level}", "Chỉ tiêu không được âm.");
            errors.Add(max >= 0 && max < proposed, $"quotas.{level}",
                $"Đã đề nghị {proposed} mô hình {CommendationLevels.Label(level)}: chỉ tiêu không được thấp hơn số đó.");
        }
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại."), []);
        if (command.Version != current.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var started = current.Version == 0 ? 1 : 0;
        return (Results.Ok(new DecisionsSaved(current.RoundId, current.Version + started + 1)),
            [new DecisionRulesSet(current.RoundId, rule!.Value, command.Members!.Value, new Dictionary<string, int>(quotas), by, now)]);
    }
}
