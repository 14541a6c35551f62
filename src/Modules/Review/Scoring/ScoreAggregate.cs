namespace Emulation.Review.Scoring;

/// <summary>What a model's submitted totals say together. <see cref="Spread"/> is the highest minus the lowest; above
/// the round's threshold the reviewers disagree and the model goes to discussion.</summary>
public sealed record ScoreAggregate(int Count, decimal Mean, decimal Median, decimal Min, decimal Max, decimal Spread, bool Disagreement)
{
    public static ScoreAggregate? Of(IReadOnlyCollection<decimal> totals, decimal threshold)
    {
        if (totals.Count == 0) return null;
        var sorted = totals.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        var spread = sorted[^1] - sorted[0];
        return new ScoreAggregate(sorted.Length, Math.Round(sorted.Average(), 2), median, sorted[0], sorted[^1], spread, spread > threshold);
    }
}
