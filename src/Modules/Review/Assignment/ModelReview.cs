namespace Emulation.Review.Assignment;

/// <summary>How reviewers were put on a model: one by one, many at once, or by the automatic assignment.</summary>
public enum AssignedHow { Manual, Bulk, Automatic }

public sealed record ReviewersAssigned(Guid RoundId, Guid ModelId, IReadOnlyList<Guid> ReviewerIds, AssignedHow How, Guid By, DateTimeOffset At);

public sealed record ReviewerUnassigned(Guid RoundId, Guid ModelId, Guid ReviewerId, Guid By, DateTimeOffset At);

/// <summary>A conflict of interest declared by the reviewer or the secretary; it takes the reviewer off the model.</summary>
public sealed record ConflictDeclared(Guid RoundId, Guid ModelId, Guid ReviewerId, string Reason, Guid By, DateTimeOffset At);

public sealed record DiscussionCommented(Guid RoundId, Guid ModelId, Guid CommentId, string Text, Guid By, string ByName, DateTimeOffset At);

public sealed record DeclaredConflict(Guid ReviewerId, string Reason, Guid By, DateTimeOffset At);

public sealed record DiscussionComment(Guid Id, string Text, Guid By, string ByName, DateTimeOffset At);

/// <summary>One model in one round as the board's review sees it: who reviews it, who declared a conflict, the discussion.
/// Its own stream (<see cref="ReviewIds.ModelReview"/>), so work on one model never waits on another's.</summary>
public sealed partial record ModelReview(Guid Id, Guid RoundId, Guid ModelId, IReadOnlyList<Guid> Reviewers,
    IReadOnlyList<DeclaredConflict> Conflicts, IReadOnlyList<DiscussionComment> Discussion, long Version)
{
    static ModelReview Empty(Guid roundId, Guid modelId) => new(ReviewIds.ModelReview(roundId, modelId), roundId, modelId, [], [], [], 1);

    public static ModelReview Create(ReviewersAssigned e) => Empty(e.RoundId, e.ModelId).Apply(e);
    public static ModelReview Create(ConflictDeclared e) => Empty(e.RoundId, e.ModelId).Apply(e);
    public static ModelReview Create(DiscussionCommented e) => Empty(e.RoundId, e.ModelId).Apply(e);

    public ModelReview Apply(ReviewersAssigned e) => this with { Reviewers = [.. Reviewers, .. e.ReviewerIds.Where(r => !Reviewers.Contains(r))] };

    public ModelReview Apply(ReviewerUnassigned e) => this with { Reviewers = Reviewers.Where(r => r != e.ReviewerId).ToList() };

    public ModelReview Apply(ConflictDeclared e) => this with
    {
        Reviewers = Reviewers.Where(r => r != e.ReviewerId).ToList(),
        Conflicts = [.. Conflicts, new DeclaredConflict(e.ReviewerId, e.Reason, e.By, e.At)]
    };

    public ModelReview Apply(DiscussionCommented e) => this with { Discussion = [.. Discussion, new DiscussionComment(e.CommentId, e.Text, e.By, e.ByName, e.At)] };

    public bool Declared(Guid reviewer) => Conflicts.Any(c => c.ReviewerId == reviewer);
}
