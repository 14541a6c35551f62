using Emulation.Awards.Certificates;
using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Decisions;

/// <param name="Version">The decision's version the approver read and agrees to.</param>
public sealed record SignDecision(long? Version);

public sealed record DecisionSignedView(Guid Id, long Version, IReadOnlyList<int> GoldBookNumbers);

/// <summary>An approver at the form's issuing unit signs (ADR 0030). One transaction: the round's lock (a recipient is
/// commended once), then the gold book's lock (numbers in signing order, none repeated or skipped, because the counter
/// moves only in a transaction that commits), then the signed event carrying every certificate's facts, and on a
/// correction the earlier decision's note of it. The certificates side adds its issuing step here, in the same
/// transaction.</summary>
public static class SignDecisionEndpoint
{
    [WolverinePost("/api/awards/decisions/{id}/sign"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionSignedView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, SignDecision command, IDocumentSession session, AwardsUnits units, CertificateIssuer issuer,
        HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var access = await AwardsAccess.ForAsync(ctx, units);
        var seen = await session.LoadAsync<AwardDecision>(id, ct);
        if (seen is null || !access.CanSee(seen)) return Problems.NotFound("Không tìm thấy quyết định khen thưởng này.");
        if (!access.CanSign(seen)) return Problems.Forbidden($"Quyết định tặng “{seen.Form.Name}” chỉ do lãnh đạo có thẩm quyền của đơn vị tặng ký.");
        if (command.Version is null) return Problems.Validation("version", "Thiếu phiên bản của quyết định (version). Hãy tải lại trang và thử lại.");
        var year = seen.Content.Date.Year;
        await DecisionLocks.TakeAsync(session, ct, DecisionLocks.RoundKey(seen.RoundId), DecisionLocks.GoldBookKey(seen.Form.Code, year));
        var stream = await session.Events.FetchForWriting<AwardDecision>(id, ct);
        var decision = stream.Aggregate!;
        if (DecisionRules.SignRefusal(decision, command.Version) is { } refusal) return Problems.Conflict(refusal);
        var others = await session.Query<AwardDecision>().Where(d => d.RoundId == decision.RoundId && d.Id != id).ToListAsync(ct);
        var clash = DecisionRules.Commended(others).Values
            .Where(c => decision.Content.Annex.Any(a => a.ModelId == c.ModelId) && c.DecisionId != decision.Corrects?.DecisionId).ToList();
        if (clash.Count > 0)
            return Problems.Conflict($"{string.Join(", ", clash.Select(c => $"“{c.Name}”"))} đã được khen thưởng theo Quyết định số {clash[0].Number}: một thành tích chỉ khen thưởng một lần.");
        var book = await session.LoadAsync<GoldBook>(GoldBook.IdOf(decision.Form.Code, year), ct) ?? new GoldBook { Id = GoldBook.IdOf(decision.Form.Code, year) };
        var now = clock.GetUtcNow();
        var certificates = DecisionRules.Certificates(decision, book.Last + 1, year);
        book.Last += certificates.Count;
        if (certificates.Count > 0) session.Store(book);
        stream.AppendOne(new DecisionSigned(id, year, certificates, access.User.Id, access.User.FullName, now));
        await issuer.IssueAsync(session, certificates, access.User.Id, now, ct);
        if (decision.Corrects is { } corrects)
        {
            var modelIds = decision.Content.Annex.Select(a => a.ModelId).ToList();
            session.Events.Append(corrects.DecisionId, new DecisionCorrected(corrects.DecisionId, id, decision.Content.NumberAndSymbol, corrects.Kind, modelIds, now));
            // The earlier decision's certificates of these recipients stop standing: cancelled, or replaced by the amendment's.
            var earlier = others.FirstOrDefault(o => o.Id == corrects.DecisionId);
            var replaced = earlier?.Certificates.Where(c => modelIds.Contains(earlier.Content.Annex[c.AnnexOrder - 1].ModelId)).Select(c => c.CertificateId) ?? [];
            await CertificateIssuer.RevokeAsync(session, replaced, DecisionRules.CorrectionReason(decision), decision.Content.NumberAndSymbol,
                decision.Content.Date, access.User.Id, now, ct);
        }
        return Results.Ok(new DecisionSignedView(id, decision.Version + 1, certificates.Select(c => c.GoldBookNumber).ToList()));
    }
}
