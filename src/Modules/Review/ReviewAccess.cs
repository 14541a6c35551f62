using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Units;
using Emulation.Scope;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review;

/// <summary>Who may do what in a review (ADR 0021), on the shared unit scope (ADR 0012). A round is its board's: members
/// see it, secretaries create and move it. A unit sees a round once it covers one of its models (or its subtree's), and
/// self-assesses only its own models. Administrators see everything and run no round (they act for no unit).</summary>
public sealed class ReviewAccess(CurrentUser user, ReviewUnitTree tree) : UnitScope<ReviewUnit>(user, tree)
{
    public ReviewUnitTree Tree => tree;

    public static async Task<ReviewAccess> ForAsync(HttpContext ctx, ReviewUnits units) =>
        new(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted));

    public IReadOnlyList<Guid> SecretaryOf { get; } = user.UnitsFor(Roles.BoardSecretary).ToList();

    public bool CanSee(Round r) => SeesAll || ReadsBoard(r.BoardId) || r.Models.Any(m => CanActFor(m.UnitId) || FullUnits.Contains(m.UnitId));

    /// <summary>The boards whose head the caller is: the approver at the board (the Trưởng Ban, who signs the board's own
    /// decisions and is told when scores are missing, ADR 0069).</summary>
    public IReadOnlyList<Guid> HeadOf { get; } = user.UnitsFor(Roles.Approver).ToList();

    /// <summary>Reads a board's rounds as its members do (progress, ranking, funnel, meeting, minutes): its members and
    /// its head. Scoring and running a round stay with the reviewers and the secretary.</summary>
    public bool ReadsBoard(Guid boardId) => IsOnBoard(boardId) || HeadOf.Contains(boardId);

    public bool CanRun(Round r) => SecretaryOf.Contains(r.BoardId);

    /// <summary>Rubrics are the public standard every unit is scored against: everyone signed in reads them.</summary>
    public bool CanSee(Rubric r) => User.IsAuthenticated;

    /// <summary>A board's secretary edits its rubrics; a shared rubric (no board) is the administrators'.</summary>
    public bool CanEdit(Rubric r) => r.BoardId is { } b ? SecretaryOf.Contains(b) : SeesAll;

    /// <summary>A round may use its board's own rubrics and the shared ones.</summary>
    public static bool Usable(Rubric r, Guid boardId) => r.BoardId is null || r.BoardId == boardId;
}
