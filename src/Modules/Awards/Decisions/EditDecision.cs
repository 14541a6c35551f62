using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Decisions;

/// <param name="Version">The decision's version as last read.</param>
public sealed record EditDecision(
    string? Number, string? Date, string? Place, string? SignerCapacity, string? SignerTitle, string? SignerName,
    List<string>? Grounds, string? Proposal, string? Executors, List<string>? CopiesTo, string? PrizeCollective, string? PrizeIndividual,
    List<AnnexInput>? Annex, long? Version)
{
    public DecisionInput Input => new(Number, Date, Place, SignerCapacity, SignerTitle, SignerName, Grounds, Proposal, Executors, CopiesTo,
        PrizeCollective, PrizeIndividual, Annex);
}

/// <summary>The secretary edits a draft: the number, the date, the signer, the grounds, the articles and the annex
/// (recipients only from the proposal). A signed decision never changes.</summary>
public static class EditDecisionEndpoint
{
    [WolverinePut("/api/awards/decisions/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, EditDecision command, IDocumentSession session, AwardsUnits units, HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var access = await AwardsAccess.ForAsync(ctx, units);
        var decision = await session.LoadAsync<AwardDecision>(id, ct);
        if (decision is null || !access.CanSee(decision)) return Problems.NotFound("Không tìm thấy quyết định khen thưởng này.");
        if (!access.CanDraft(decision)) return Problems.Forbidden("Chỉ thư ký của Ban đã đề nghị được sửa dự thảo quyết định.");
        if (decision.State == DecisionState.Signed) return Problems.Conflict($"Quyết định số {decision.Content.NumberAndSymbol} đã được ký: không sửa được. Hãy ra quyết định sửa đổi.");
        var date = command.Date is null ? decision.Content.Date : Kernel.Text.VietnameseDate.Parse(command.Date).Value ?? decision.Content.Date;
        await DecisionLocks.TakeAsync(session, ct, DecisionLocks.NumberKey(decision.Form.IssuerUnitId, date.Year));
        var stream = await session.Events.FetchForWriting<AwardDecision>(id, ct);
        var list = await session.LoadAsync<ProposalList>(decision.RoundId, ct);
        var others = await session.Query<AwardDecision>().Where(d => d.RoundId == decision.RoundId).ToListAsync(ct);
        var numbers = await DraftDecisionEndpoint.UsedNumbers(session, decision.Form.IssuerUnitId, date.Year, id, ct);
        var (result, edited) = Decide(stream.Aggregate!, command, list, others, numbers, access.User.Id, clock.GetUtcNow());
        if (edited is not null) stream.AppendOne(edited);
        return result;
    }

    public static (IResult, DecisionEdited?) Decide(AwardDecision d, EditDecision c, ProposalList? list, IReadOnlyList<AwardDecision> roundDecisions,
        IReadOnlyList<int> usedNumbers, Guid by, DateTimeOffset now)
    {
        if (d.State == DecisionState.Signed) return (Problems.Conflict($"Quyết định số {d.Content.NumberAndSymbol} đã được ký: không sửa được."), null);
        if (list is null) return (Problems.Conflict("Không còn danh sách đề nghị của đợt đánh giá này."), null);
        var (content, errors) = DecisionRules.Apply(d.Content, c.Input, d.Form, list, DecisionRules.Commended(roundDecisions), d.Corrects);
        if (content is null) return (Problems.Validation(errors), null);
        if (c.Version is null) return (Problems.Validation("version", "Thiếu phiên bản của quyết định (version). Hãy tải lại trang và thử lại."), null);
        if (c.Version != d.Version) return (Problems.Conflict(Problems.StaleVersion), null);
        if (usedNumbers.Contains(content.Number))
            return (Problems.Validation("number", $"Số {content.Number} năm {content.Date.Year} của {d.Form.IssuerName} đã được dùng cho một quyết định khác."), null);
        return (Results.Ok(new DecisionSaved(d.Id, d.Version + 1)), new DecisionEdited(d.Id, content, by, now));
    }
}
