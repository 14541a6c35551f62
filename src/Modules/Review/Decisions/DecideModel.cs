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

/// <param name="Outcome">not-recognised, recognised, outstanding or proposed.</param>
/// <param name="Level">The form of commendation proposed (only with <c>proposed</c>).</param>
/// <param name="Revision">The model's decision revision as last read: 0 for a first decision.</param>
public sealed record DecideModel(string? Outcome, string? Level, int? Present, int? For, int? Against, string? Note, int? Revision);

public sealed record ModelDecisionSaved(Guid RoundId, Guid ModelId, int Revision, long Version);

/// <summary>The secretary records the meeting's decision on a model, with the vote. Under the round's decision lock, so
/// two decisions taken at once never propose more than a quota allows; a decision changed meanwhile by someone else
/// is refused by its revision.</summary>
public static class DecideModelEndpoint
{
    public const int MaxNote = 2000;

    [WolverinePost("/api/review/rounds/{id}/decisions/{modelId}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelDecisionSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, Guid modelId, DecideModel command, IDocumentSession session, ReviewUnits units, HttpContext ctx,
        TimeProvider clock)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (DecisionSteps.Refuse(round, access, StateRefusal) is { } refusal) return refusal;
        if (round!.Models.All(m => m.ModelId != modelId)) return Problems.NotFound("Mô hình này không thuộc đợt đánh giá.");
        var now = clock.GetUtcNow();
        // Scoring is over in deliberation, so the scores read here cannot change before the decision commits.
        var scores = await RoundScores.OfAsync(session, id, modelId, ctx.RequestAborted);
        var stream = await DecisionSteps.LockAsync(session, id, ctx.RequestAborted);
        var (result, events) = Decide(stream.Aggregate ?? RoundDecisions.Empty(id), modelId, command, access.User.Id, now, scores?.GatesMet);
        DecisionSteps.Append(stream, id, events, now);
        return result;
    }

    public static string? StateRefusal(RoundState state) => state switch
    {
        RoundState.Deliberation => null,
        RoundState.Closed => "Đợt đánh giá đã công bố kết quả: không sửa được quyết định.",
        _ => "Chỉ ghi kết quả khi đợt đánh giá ở bước họp xét."
    };

    public const string GateFailed = "Mô hình không đạt điều kiện bắt buộc của bộ tiêu chí (theo đa số phiếu chấm đã gửi): " +
                                     "chỉ ghi được kết quả “Không công nhận”, dù tổng điểm bao nhiêu.";

    /// <param name="gatesMet">Whether the model met the rubric's gate criteria by its reviewers' verdict (<see cref="Scoring.GateVerdict"/>);
    /// null when no scorecard was submitted, which leaves the decision to the board.</param>
    public static (IResult, IReadOnlyList<object>) Decide(RoundDecisions current, Guid modelId, DecideModel command, Guid by, DateTimeOffset now,
        bool? gatesMet = null)
    {
        var errors = new Errors();
        var outcome = OutcomeLabels.Parse(command.Outcome);
        errors.Add(outcome is null, "outcome", "Kết quả phải là not-recognised, recognised, outstanding hoặc proposed.");
        errors.Add(outcome is not (null or Outcome.NotRecognised) && gatesMet == false, "outcome", GateFailed);
        string? level = null;
        if (outcome == Outcome.Proposed)
        {
            level = command.Level;
            errors.Add(!CommendationLevels.All.Contains(level ?? ""), "level",
                "Hãy chọn hình thức khen thưởng đề nghị: " + string.Join(", ", CommendationLevels.All) + ".");
        }
        else errors.Add(!string.IsNullOrEmpty(command.Level), "level", "Chỉ ghi hình thức khen thưởng khi kết quả là đề nghị khen thưởng.");
        errors.Add(command.Present is null, "present", "Hãy nhập số thành viên có mặt.");
        errors.Add(command.For is null, "for", "Hãy nhập số phiếu tán thành.");
        errors.Add(command.Against is null, "against", "Hãy nhập số phiếu không tán thành.");
        var note = Kernel.Text.VietnameseText.NfcOrNull(command.Note);
        errors.Add(note?.Length > MaxNote, "note", $"Ghi chú dài quá {MaxNote} ký tự.");
        Vote? vote = null;
        if (command is { Present: { } p, For: { } f, Against: { } a })
        {
            vote = new Vote(p, f, a);
            foreach (var (field, message) in DecisionRules.VoteProblems(vote, current.Members)) errors.Add(true, field, message);
        }
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (outcome != Outcome.NotRecognised && !DecisionRules.Carries(current.Rule, vote!, current.Members))
            return (Problems.Validation("for", $"Số phiếu tán thành ({vote!.For}/{vote.Present}) chưa đạt {DecisionRules.RuleLabel(current.Rule).ToLowerInvariant()}: " +
                                               "không ghi được kết quả này; hãy ghi kết quả cuộc họp đã thông qua."), []);
        var previous = current.For(modelId);
        if (command.Revision is null) return (Problems.Validation("revision", "Thiếu số lần ghi quyết định (revision). Hãy tải lại trang và thử lại."), []);
        if (command.Revision != (previous?.Revision ?? 0))
            return (Problems.Conflict("Quyết định về mô hình này vừa được người khác ghi. Hãy tải lại trang để xem và ghi lại nếu cần."), []);
        if (outcome == Outcome.Proposed && current.Quotas.TryGetValue(level!, out var quota)
            && DecisionRules.Remaining(quota, current.Decisions.Select(d => (d.ModelId, d.Outcome, d.Level)), level!, modelId) <= 0)
            return (Problems.Conflict($"Đã đủ chỉ tiêu {CommendationLevels.Label(level!)} của đợt ({quota} mô hình): không đề nghị thêm được."), []);
        var revision = (previous?.Revision ?? 0) + 1;
        var started = current.Version == 0 ? 1 : 0;
        return (Results.Ok(new ModelDecisionSaved(current.RoundId, modelId, revision, current.Version + started + 1)),
            [new ModelDecided(current.RoundId, modelId, outcome!.Value, level, vote!, note, revision, by, now)]);
    }
}
