namespace Emulation.Review.Scoring;

/// <summary>Section <c>Review:Scoring</c>.</summary>
public sealed class ScoringOptions
{
    /// <summary>Highest minus lowest total (out of 100) above which the reviewers disagree and the model is discussed.</summary>
    public decimal DisagreementThreshold { get; set; } = 15m;
}
