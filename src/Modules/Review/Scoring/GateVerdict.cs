namespace Emulation.Review.Scoring;

/// <summary>Whether a model met the rubric's gate criteria (ADR 0064): each reviewer's scorecard says whether it met every
/// gate; the model meets them when more than half of its counted submitted scorecards do. Half is not enough: a gate is
/// a condition "whatever the total", and a split board has not found it met. No submitted scorecard: not known (null).</summary>
public static class GateVerdict
{
    public static bool? Of(IEnumerable<bool> cards)
    {
        int met = 0, count = 0;
        foreach (var c in cards) { count++; if (c) met++; }
        return count == 0 ? null : met * 2 > count;
    }

    public const string Failed = "Không đạt điều kiện bắt buộc";
}
