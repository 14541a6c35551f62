using Emulation.Awards.Catalogue;
using Emulation.Awards.Decisions;
using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Scope;
using Microsoft.AspNetCore.Http;

namespace Emulation.Awards;

/// <summary>Who may do what with awards (ADR 0029), on the shared unit scope (ADR 0012). The secretary of the board whose
/// round proposed drafts; an approver at the form's issuing unit signs; the board, the approvers above the issuer and the
/// administrators read. A form's authority covers a round when the round's board lies under its issuing unit.</summary>
public sealed class AwardsAccess(CurrentUser user, AwardsUnitTree tree) : UnitScope<AwardsUnit>(user, tree)
{
    public AwardsUnitTree Tree => tree;

    public static async Task<AwardsAccess> ForAsync(HttpContext ctx, AwardsUnits units) =>
        new(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));

    public IReadOnlyList<Guid> SecretaryOf { get; } = user.UnitsFor(Roles.BoardSecretary).ToList();
    public IReadOnlyList<Guid> ApproverAt { get; } = user.UnitsFor(Roles.Approver).ToList();

    public bool CanSee(ProposalList list) => SeesAll || IsOnBoard(list.BoardId) || ApproverAt.Any(a => tree.Subtree(a).Contains(list.BoardId));

    public bool CanDraft(ProposalList list) => SecretaryOf.Contains(list.BoardId);

    public bool CanSee(AwardDecision d) => SeesAll || IsOnBoard(d.BoardId) || FullUnits.Contains(d.Form.IssuerUnitId);

    public bool CanDraft(AwardDecision d) => SecretaryOf.Contains(d.BoardId);

    public bool CanSign(AwardDecision d) => ApproverAt.Contains(d.Form.IssuerUnitId);

    public bool Covers(CommendationForm form, Guid boardId) => tree.Subtree(form.IssuerUnitId).Contains(boardId);
}
