using Emulation.Awards.Catalogue;
using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Decisions;

/// <param name="Recipients">The proposal's models or exemplars to commend (all or some of those proposed for the form).</param>
/// <param name="Number">Number and symbol, e.g. "125/QĐ-UBND": unique per issuer and year.</param>
/// <param name="Date">The decision's date (31/12/2026).</param>
/// <param name="Corrects">An earlier signed decision of the round this one amends or revokes.</param>
/// <param name="CorrectionKind">amend or revoke (with <paramref name="Corrects"/>).</param>
public sealed record DraftDecision(
    Guid? RoundId, string? FormCode, List<Guid>? Recipients, string? Number, string? Date,
    string? SignerCapacity, string? SignerTitle, string? SignerName, string? PrizeCollective, string? PrizeIndividual,
    Guid? Corrects, string? CorrectionKind);

public sealed record DecisionSaved(Guid Id, long Version);

/// <summary>The secretary of the board whose round proposed drafts a decision from the published proposal list, for one
/// form of the catalogue whose issuer's authority covers the round. The text is prefilled (the law, the proposal, the
/// annex from the proposal) and stays editable until signing.</summary>
public static class DraftDecisionEndpoint
{
    [WolverinePost("/api/awards/decisions"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(DraftDecision command, IDocumentSession session, AwardsUnits units, HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var access = await AwardsAccess.ForAsync(ctx, units);
        var list = command.RoundId is { } roundId ? await session.LoadAsync<ProposalList>(roundId, ct) : null;
        if (list is null || !access.CanSee(list) && !access.CanDraft(list))
            return command.RoundId is null ? Problems.Validation("roundId", "Hãy chọn danh sách đề nghị khen thưởng (đợt đánh giá).")
                : Problems.NotFound("Không tìm thấy danh sách đề nghị khen thưởng này.");
        if (!access.CanDraft(list)) return Problems.Forbidden("Chỉ thư ký của Ban đã đề nghị được dự thảo quyết định khen thưởng.");
        if (!list.Published) return Problems.Conflict("Đợt đánh giá chưa công bố kết quả: chưa dự thảo quyết định khen thưởng được.");
        var catalogue = await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ct) ?? AwardCatalogue.Empty;
        AwardDecision? earlier = command.Corrects is { } c ? await session.LoadAsync<AwardDecision>(c, ct) : null;
        var date = VietnameseDate.Parse(command.Date);
        var year = date.Value?.Year ?? clock.GetUtcNow().VietnamDate().Year;
        var form = earlier?.Form ?? catalogue.Form(command.FormCode);
        if (form is not null) await DecisionLocks.TakeAsync(session, ct, DecisionLocks.NumberKey(form.IssuerUnitId, year));
        var others = await session.Query<AwardDecision>().Where(d => d.RoundId == list.Id).ToListAsync(ct);
        var numbers = form is null ? [] : await UsedNumbers(session, form.IssuerUnitId, year, null, ct);
        var board = access.Tree.Name(list.BoardId);
        var (result, drafted) = Decide(command, list, board, catalogue, earlier, others, numbers, access, clock.GetUtcNow(), Guid.NewGuid());
        if (drafted is not null) session.Events.StartStream<AwardDecision>(drafted.DecisionId, drafted);
        return result;
    }

    public static async Task<IReadOnlyList<int>> UsedNumbers(IQuerySession session, Guid issuer, int year, Guid? except, CancellationToken ct)
    {
        var same = await session.Query<AwardDecision>().Where(d => d.Form.IssuerUnitId == issuer).ToListAsync(ct);
        return same.Where(d => d.Id != except && d.Content.Date.Year == year).Select(d => d.Content.Number).ToList();
    }

    /// <summary>The annex is what a draft's recipients become: a refusal of one of them (already commended, another level)
    /// names the field the draft was sent with, not one it does not have.</summary>
    static Errors InDraftTerms(Errors problems)
    {
        var renamed = new Errors();
        foreach (var (field, messages) in problems)
            foreach (var message in messages)
                renamed.Add(true, field.StartsWith("annex", StringComparison.OrdinalIgnoreCase) ? "recipients" : field, message);
        return renamed;
    }

    public static (IResult, DecisionDrafted?) Decide(DraftDecision c, ProposalList list, string boardName, AwardCatalogue catalogue, AwardDecision? earlier,
        IReadOnlyList<AwardDecision> roundDecisions, IReadOnlyList<int> usedNumbers, AwardsAccess access, DateTimeOffset now, Guid id)
    {
        var errors = new Errors();
        Correction? corrects = null;
        if (c.Corrects is not null)
        {
            var kind = c.CorrectionKind;
            errors.Add(kind is not (CorrectionKinds.Amend or CorrectionKinds.Revoke), "correctionKind", "Hãy chọn sửa đổi (amend) hoặc hủy bỏ (revoke).");
            errors.Add(earlier is null || earlier.RoundId != list.Id || earlier.State != DecisionState.Signed, "corrects",
                "Chỉ sửa đổi, hủy bỏ được một quyết định đã ký của cùng đợt đánh giá.");
            if (earlier is not null) corrects = new Correction(earlier.Id, earlier.Content.NumberAndSymbol, kind ?? "");
        }
        else errors.Add(c.CorrectionKind is not null, "correctionKind", "Chỉ ghi loại đính chính khi chọn quyết định được sửa đổi, hủy bỏ.");
        var form = earlier?.Form ?? catalogue.Form(c.FormCode);
        if (earlier is null)
        {
            errors.Add(form is null || !form.Active, "formCode", "Hãy chọn hình thức khen thưởng trong danh mục.");
            errors.Add(form is { ProposedUpward: true }, "formCode", $"{form?.Name} do cấp trên quyết định: chỉ đề nghị lên, không ra quyết định ở đây.");
            errors.Add(form is not null && !access.Covers(form, list.BoardId), "formCode",
                $"Thẩm quyền của {form?.IssuerName} không bao gồm Ban đã đề nghị: không ra quyết định được.");
        }
        var number = DecisionRules.ParseNumber(c.Number);
        errors.Add(number is null, "number", "Số, ký hiệu quyết định có dạng 125/QĐ-UBND.");
        var (date, dateError) = VietnameseDate.Parse(c.Date);
        errors.Add(dateError is not null, "date", dateError ?? "");
        errors.Add(string.IsNullOrWhiteSpace(c.SignerTitle), "signerTitle", "Vui lòng nhập chức vụ người ký.");
        errors.Add(string.IsNullOrWhiteSpace(c.SignerName), "signerName", "Vui lòng nhập họ tên người ký.");
        var ids = (c.Recipients ?? []).Distinct().ToList();
        errors.Add(ids.Count == 0, "recipients", "Hãy chọn ít nhất một tập thể hoặc cá nhân trong danh sách đề nghị.");
        var missing = ids.Where(m => list.Proposal(m) is null).ToList();
        errors.Add(missing.Count > 0, "recipients", $"{Emulation.Kernel.Web.Format.Number(missing.Count)} tập thể, cá nhân được chọn không có trong danh sách đề nghị khen thưởng của đợt.");
        if (!errors.Ok || form is null) return (Problems.Validation(errors), null);
        if (usedNumbers.Contains(number!.Value.Number))
            return (Problems.Validation("number", $"Số {number.Value.Number} năm {date!.Value.Year} của {form.IssuerName} đã được dùng cho một quyết định khác."), null);
        var chosen = ids.Select(m => list.Proposal(m)!).ToList();
        var start = DecisionRules.Prefilled(form, list, boardName, chosen, number.Value.Number, date!.Value, null, "", "", corrects);
        var input = new DecisionInput(c.Number, null, null, c.SignerCapacity ?? "", c.SignerTitle, c.SignerName, null, null, null, null,
            c.PrizeCollective, c.PrizeIndividual, null);
        var (content, problems) = DecisionRules.Apply(start, input, form, list, DecisionRules.Commended(roundDecisions), corrects);
        if (content is null) return (Problems.Validation(InDraftTerms(problems)), null);
        var drafted = new DecisionDrafted(id, list.Id, list.Name, list.BoardId, form, content, corrects, access.User.Id, now);
        return (Results.Created($"/api/awards/decisions/{id}", new DecisionSaved(id, 1)), drafted);
    }
}
