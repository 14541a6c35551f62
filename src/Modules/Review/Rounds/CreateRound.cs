using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Models;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Rounds;

/// <param name="Kind">yearly (đánh giá hằng năm), midterm (sơ kết) or final (tổng kết).</param>
/// <param name="Levels">Level codes of the models covered; by default the level the board covers.</param>
/// <param name="CampaignId">May be left out: the campaign the period belongs to.</param>
/// <param name="BoardId">By default the secretary's own board.</param>
public sealed record CreateRound(string? Name, string? Kind, Guid? CampaignId, Guid? PeriodId, IReadOnlyList<string>? Levels, Guid? RubricId,
    DateOnly? SelfAssessmentDue, DateOnly? ScoringDue, DateOnly? MeetingOn, Guid? BoardId = null);

/// <summary>A board secretary drafts a round over a campaign's period; it covers nothing until self-assessment opens.</summary>
public static class CreateRoundEndpoint
{
    [WolverinePost("/api/review/rounds"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(CreateRound command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        // The form names only the period (the feed's campaigns hold their periods): the campaign follows from it.
        var campaign = command.CampaignId is { } c ? await session.LoadAsync<ReviewCampaign>(c, ctx.RequestAborted)
            : command.PeriodId is { } p ? await session.Query<ReviewCampaign>().FirstOrDefaultAsync(x => x.PeriodIds.Contains(p), ctx.RequestAborted)
            : null;
        var rubric = command.RubricId is { } r ? await session.LoadAsync<Rubric>(r, ctx.RequestAborted) : null;
        var (result, created) = Decide(command, await ReviewAccess.ForAsync(ctx, units), campaign, rubric, Guid.NewGuid(), clock.GetUtcNow());
        if (created is not null) session.Events.StartStream<Round>(created.RoundId, created);
        return result;
    }

    public static RoundKind? Kind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "yearly" or "hang-nam" => RoundKind.Yearly,
        "midterm" or "so-ket" => RoundKind.Midterm,
        "final" or "tong-ket" => RoundKind.Final,
        _ => null
    };

    public static (IResult, RoundCreated?) Decide(CreateRound command, ReviewAccess access, ReviewCampaign? campaign, Rubric? rubric, Guid id, DateTimeOffset now)
    {
        if (access.SecretaryOf.Count == 0) return (Problems.Forbidden("Chỉ thư ký Ban được lập đợt đánh giá."), null);
        var board = command.BoardId ?? (access.SecretaryOf.Count == 1 ? access.SecretaryOf[0] : null);
        if (board is null) return (Problems.Validation("boardId", "Vui lòng chọn Ban phụ trách đợt đánh giá."), null);
        if (!access.SecretaryOf.Contains(board.Value)) return (Problems.Forbidden("Thư ký chỉ lập đợt đánh giá cho Ban của mình."), null);

        var name = VietnameseText.Clean(command.Name);
        var kind = Kind(command.Kind);
        var levels = (command.Levels ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).Distinct().ToList();
        if (levels.Count == 0 && access.Tree.Find(board)?.CoversLevel is { } covers) levels.Add(covers);
        var errors = new Errors().Required(name, "name", "tên đợt đánh giá", RoundRules.MaxName)
            .Add(kind is null, "kind", "Loại đợt đánh giá phải là đánh giá hằng năm (yearly), sơ kết (midterm) hoặc tổng kết (final).")
            .Add(command.CampaignId is null && command.PeriodId is null, "campaignId", "Vui lòng chọn phong trào, đợt thi đua.")
            .Add((command.CampaignId ?? command.PeriodId) is not null && campaign is null, command.CampaignId is null ? "periodId" : "campaignId", "Không tìm thấy đợt thi đua (chưa có mô hình nào được công nhận trong đợt này).")
            .Add(command.PeriodId is null, "periodId", "Vui lòng chọn giai đoạn của đợt thi đua.")
            .Add(campaign is not null && command.PeriodId is { } p && !campaign.PeriodIds.Contains(p), "periodId", "Giai đoạn này không thuộc đợt thi đua đã chọn.")
            .Add(levels.Count == 0, "levels", "Vui lòng chọn ít nhất một cấp mô hình.")
            .Add(levels.Any(l => !StandardLevels.IsKnown(l)), "levels", "Cấp mô hình không hợp lệ (co-so, huyen, tinh, trung-uong).")
            .Add(command.RubricId is null, "rubricId", "Vui lòng chọn bộ tiêu chí chấm điểm.")
            .Add(command.RubricId is not null && (rubric is null || !ReviewAccess.Usable(rubric, board.Value)), "rubricId",
                "Không tìm thấy bộ tiêu chí (chỉ dùng được bộ tiêu chí của Ban mình hoặc bộ dùng chung).");
        var dates = RoundRules.Dates(command.SelfAssessmentDue, command.ScoringDue, command.MeetingOn, errors);
        if (!errors.Ok) return (Problems.Validation(errors), null);
        var created = new RoundCreated(id, name, kind!.Value, campaign!.Id, campaign.Name, command.PeriodId!.Value, board.Value, levels, rubric!.Id,
            dates!, access.User.Id, now);
        return (Results.Created($"/api/review/rounds/{id}", new RoundSaved(id, 1)), created);
    }
}
