using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Models;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Emulation.Review.Rounds;

/// <param name="To">self-assessment, scoring, deliberation or closed: always the step right after the current one.</param>
public sealed record MoveRound(string? To, long? Version);

/// <summary>The secretary moves the round one step on. Opening self-assessment freezes the rubric's latest version and
/// the list of covered models (the board's units' accepted models of the campaign's period at the round's levels) in
/// the event, and marks that rubric version frozen in the rubric's own stream, in the same transaction.</summary>
public static class MoveRoundEndpoint
{
    [WolverinePost("/api/review/rounds/{id}/move"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, MoveRound command, [WriteAggregate(Required = false)] Round? round,
        IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var now = clock.GetUtcNow();
        if (round is null || RoundRules.Parse(command.To) != RoundState.SelfAssessment || round.State != RoundState.Draft)
            return Decide(round, command, access, null, [], now);
        var rubric = await session.Events.FetchForWriting<Rubric>(round.RubricId, ctx.RequestAborted);
        var candidates = await Candidates(session, round, ctx.RequestAborted);
        var (result, events) = Decide(round, command, access, rubric.Aggregate, candidates, now);
        if (events.OfType<RoundOpened>().FirstOrDefault() is { } opened)
            rubric.AppendOne(new RubricVersionFrozen(opened.RubricId, opened.RubricVersion, round.Id, now));
        return (result, events);
    }

    public static async Task<IReadOnlyList<ReviewedModel>> Candidates(IQuerySession session, Round round, CancellationToken ct)
    {
        var levels = round.Levels.ToArray();
        return await session.Query<ReviewedModel>()
            .Where(m => m.Status == ModelStatusCodes.Accepted && m.CampaignId == round.CampaignId && m.PeriodId == round.PeriodId && levels.Contains(m.LevelCode))
            .ToListAsync(ct);
    }

    public static (IResult, Events) Decide(Round? round, MoveRound command, ReviewAccess access, Rubric? rubric,
        IReadOnlyList<ReviewedModel> candidates, DateTimeOffset now)
    {
        var to = RoundRules.Parse(command.To);
        if (round is not null && access.CanSee(round) && access.CanRun(round) && to is null)
            return (Problems.Validation("to", "Bước chuyển đến phải là self-assessment, scoring, deliberation hoặc closed."), []);
        var state = round is null || to is null ? null : RoundRules.MoveRefusal(round.State, to.Value);
        if (RoundSteps.Refuse(round, access, state, command.Version) is { } refusal) return (refusal, []);
        var ok = Results.Ok(new RoundSaved(round!.Id, round.Version + 1));
        if (to == RoundState.SelfAssessment)
            return Open(round, access, rubric, candidates, now) is { } opened
                ? (ok, [opened])
                : (Problems.Conflict(rubric is null
                    ? "Không tìm thấy bộ tiêu chí của đợt đánh giá."
                    : "Chưa có mô hình nào được công nhận ở các đơn vị Ban phụ trách, đúng đợt thi đua, giai đoạn và cấp đã chọn: chưa mở tự đánh giá được."), []);
        var by = access.User.Id;
        object moved = to switch
        {
            RoundState.Scoring => new ScoringStarted(round.Id, by, now),
            RoundState.Deliberation => new DeliberationStarted(round.Id, by, now),
            _ => new RoundClosed(round.Id, by, now)
        };
        return (ok, [moved]);
    }

    static RoundOpened? Open(Round round, ReviewAccess access, Rubric? rubric, IReadOnlyList<ReviewedModel> candidates, DateTimeOffset now)
    {
        if (rubric is null) return null;
        var covered = access.Tree.CoveredBy(round.BoardId);
        var models = candidates
            .Where(m => m.Accepted && m.CampaignId == round.CampaignId && m.PeriodId == round.PeriodId && round.Levels.Contains(m.LevelCode) && covered.Contains(m.UnitId))
            .OrderBy(m => m.Code).ThenBy(m => m.Name)
            .Select(m => new CoveredModel(m.Id, m.Name, m.Code, m.UnitId, m.FieldCode, m.LevelCode, m.ProvinceId, m.DistrictId, m.CommuneId))
            .ToList();
        if (models.Count == 0) return null;
        var version = rubric.Latest;
        return new RoundOpened(round.Id, rubric.Id, version.No, version.Criteria, models, access.User.Id, now);
    }
}
