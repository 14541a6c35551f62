namespace Emulation.Review.Reviewers;

/// <summary>The fields a reviewer knows (field codes of the Registry's catalog), which the automatic assignment prefers.
/// A plain document keyed by the person: a preference with no history anyone reviews, replaced whole.</summary>
public sealed class ReviewerExpertise
{
    public Guid Id { get; set; }
    public List<string> Fields { get; set; } = [];
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
