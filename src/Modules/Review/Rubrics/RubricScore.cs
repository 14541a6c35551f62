namespace Emulation.Review.Rubrics;

/// <param name="Total">Out of 100, rounded to two decimals; a criterion not scored counts as zero.</param>
/// <param name="FailedGates">Codes of the gate criteria not met (not scored counts as not met).</param>
/// <param name="Missing">Codes of the criteria not scored yet.</param>
public sealed record RubricResult(decimal Total, bool GatesMet, IReadOnlyList<string> FailedGates, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;

    /// <summary>Passes only when every gate is met, whatever the total.</summary>
    public bool Passes(decimal threshold) => GatesMet && Total >= threshold;
}

/// <summary>The weighted total of a set of scores on a rubric: each criterion's share of its maximum, weighted, out of 100.</summary>
public static class RubricScore
{
    public static RubricResult Total(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, decimal> scores)
    {
        var weights = criteria.Where(c => c.Weight > 0).Sum(c => c.Weight);
        var total = 0m;
        var missing = new List<string>();
        var failed = new List<string>();
        foreach (var c in criteria)
        {
            var has = scores.TryGetValue(c.Code, out var score);
            if (!has) missing.Add(c.Code);
            if (c.IsGate && (!has || score < c.GateMinimum)) failed.Add(c.Code);
            if (has && c.Weight > 0 && c.MaxPoints > 0 && weights > 0)
                total += Math.Clamp(score, 0, c.MaxPoints) / c.MaxPoints * c.Weight / weights * 100m;
        }
        return new RubricResult(Math.Round(total, 2, MidpointRounding.AwayFromZero), failed.Count == 0, failed, missing);
    }
}
