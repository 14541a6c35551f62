using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Reviewers;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Review.Assignment;

/// <summary>A round as the review's assignment and scoring see it, for one caller: whether they run it (the board's
/// secretary), sit on its board, or serve it as an invited expert, and whether they are conflicted with a model
/// (declared on the model's review, or from the roles they hold, ADR 0022).</summary>
public sealed class ReviewRound(Round round, ReviewAccess access)
{
    public const string NotFound = Rounds.RoundSteps.NotFound;
    public const string ModelNotFound = "Không tìm thấy mô hình trong đợt đánh giá này.";
    public const string SecretaryOnly = "Chỉ thư ký của Ban phụ trách đợt đánh giá được phân công người thẩm định.";

    public Round Round => round;
    public ReviewAccess Access => access;
    public CurrentUser User => access.User;
    public ReviewUnitTree Tree => access.Tree;

    public bool IsSecretary => access.CanRun(round);
    /// <summary>On the round's board, or its head (ADR 0069): reads what the board reads.</summary>
    public bool IsBoard => access.ReadsBoard(round.BoardId);
    public bool IsExpert => User.UnitsFor(Roles.Expert).Contains(round.BoardId);

    /// <summary>Administrators read every round; the board and its experts read theirs. Units read their own results
    /// through the round's own pages (ADR 0021), not these.</summary>
    public bool Sees => access.SeesAll || IsBoard || IsExpert;

    /// <summary>The caller's units for conflict rules, read from their current roles.</summary>
    public IReadOnlyList<Guid> MyTies => RoundReviewers.Ties(User.Assignments.Select(a => (a.Role, a.UnitId)), Tree, round.BoardId);

    public bool Conflicted(ModelReview? review, CoveredModel model, Guid reviewer, IReadOnlyList<Guid> ties) =>
        review?.Declared(reviewer) == true || new Conflicts<ReviewUnit>(Tree, [new ReviewerTies(reviewer, ties)], []).Automatic(reviewer, model.UnitId);

    public bool IConflict(ModelReview? review, CoveredModel model) => Conflicted(review, model, User.Id, MyTies);

    public static async Task<ReviewRound?> LoadAsync(Guid roundId, IQuerySession session, ReviewUnits units, HttpContext ctx) =>
        For(await ctx.RequestServices.GetRequiredService<RoundCache>().LoadAsync(session, roundId, ctx.RequestAborted), await ReviewAccess.ForAsync(ctx, units));

    /// <param name="version">The round's stream version, read by the caller with its other reads; null when there is no such stream.</param>
    public static async Task<ReviewRound?> LoadAsync(Guid roundId, long? version, IQuerySession session, ReviewUnits units, HttpContext ctx) =>
        version is { } v
            ? For(await ctx.RequestServices.GetRequiredService<RoundCache>().LoadAsync(session, roundId, v, ctx.RequestAborted), await ReviewAccess.ForAsync(ctx, units))
            : null;

    static ReviewRound? For(Round? round, ReviewAccess access) => round is not null && new ReviewRound(round, access) is { Sees: true } r ? r : null;

    public static Task<IReadOnlyList<ModelReview>> ReviewsAsync(IQuerySession session, Guid roundId, CancellationToken ct) =>
        session.Query<ModelReview>().Where(m => m.RoundId == roundId).ToListAsync(ct);

    /// <summary>Assignment changes only while the round is being prepared, self-assessed or scored.</summary>
    public string? AssignmentStateRefusal => round.State switch
    {
        RoundState.Draft => "Đợt đánh giá chưa mở: danh sách mô hình chỉ có khi mở tự đánh giá.",
        RoundState.Deliberation or RoundState.Closed => "Đợt đánh giá đã qua bước chấm điểm: không thay đổi phân công được nữa.",
        _ => null
    };

    public static IResult Missing() => Problems.NotFound(NotFound);
}
