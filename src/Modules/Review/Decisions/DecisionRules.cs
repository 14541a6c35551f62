namespace Emulation.Review.Decisions;

/// <summary>What the board decides for a model at the end of a round.</summary>
public enum Outcome { NotRecognised, Recognised, Outstanding, Proposed }

/// <summary>How many votes carry a decision. Present members vote; the rule is set per round before the meeting.</summary>
public enum MajorityRule { MoreThanHalfOfPresent, TwoThirdsOfPresent, MoreThanHalfOfMembers }

/// <summary>The vote as the minutes record it.</summary>
public sealed record Vote(int Present, int For, int Against)
{
    public int Abstained => Present - For - Against;

    /// <summary>The share of those present in favour, as the minutes print it (e.g. 85,7 %).</summary>
    public decimal ForPercent => Present == 0 ? 0m : Math.Round(For * 100m / Present, 1, MidpointRounding.AwayFromZero);
}

public static class OutcomeLabels
{
    public static string Code(Outcome o) => o switch
    {
        Outcome.NotRecognised => "not-recognised",
        Outcome.Recognised => "recognised",
        Outcome.Outstanding => "outstanding",
        Outcome.Proposed => "proposed",
        _ => throw new ArgumentOutOfRangeException(nameof(o), o, null)
    };

    public static Outcome? Parse(string? code) => Enum.GetValues<Outcome>().Select(o => (Outcome?)o).FirstOrDefault(o => Code(o!.Value) == code);

    public static string Label(Outcome o, string? level = null) => o switch
    {
        Outcome.NotRecognised => "Không công nhận",
        Outcome.Recognised => "Công nhận",
        Outcome.Outstanding => "Tiêu biểu",
        Outcome.Proposed => level is null ? "Đề nghị khen thưởng" : "Đề nghị " + CommendationLevels.Label(level),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o, null)
    };
}

/// <summary>Pure rules of the board's decision (ADR 0024), unit-tested directly.</summary>
public static class DecisionRules
{
    public static string RuleCode(MajorityRule r) => r switch
    {
        MajorityRule.MoreThanHalfOfPresent => "qua-ban-co-mat",
        MajorityRule.TwoThirdsOfPresent => "hai-phan-ba-co-mat",
        MajorityRule.MoreThanHalfOfMembers => "qua-ban-thanh-vien",
        _ => throw new ArgumentOutOfRangeException(nameof(r), r, null)
    };

    public static MajorityRule? ParseRule(string? code) =>
        Enum.GetValues<MajorityRule>().Select(r => (MajorityRule?)r).FirstOrDefault(r => RuleCode(r!.Value) == code);

    public static string RuleLabel(MajorityRule r) => r switch
    {
        MajorityRule.MoreThanHalfOfPresent => "Quá bán số thành viên có mặt",
        MajorityRule.TwoThirdsOfPresent => "Từ hai phần ba số thành viên có mặt",
        MajorityRule.MoreThanHalfOfMembers => "Quá bán tổng số thành viên Ban",
        _ => throw new ArgumentOutOfRangeException(nameof(r), r, null)
    };

    /// <summary>Whether the votes for carry the decision. Integer arithmetic: "more than half" of 6 is 4, two thirds of 7 is 5.</summary>
    public static bool Carries(MajorityRule rule, Vote vote, int members) => rule switch
    {
        MajorityRule.MoreThanHalfOfPresent => vote.For * 2 > vote.Present,
        MajorityRule.TwoThirdsOfPresent => vote.For * 3 >= vote.Present * 2,
        MajorityRule.MoreThanHalfOfMembers => vote.For * 2 > members,
        _ => false
    };

    /// <summary>What is wrong with a vote as typed, by field; empty when it can be recorded. A quorum of more than half
    /// the board's members must be present when the board's size is known.</summary>
    public static IReadOnlyList<(string Field, string Message)> VoteProblems(Vote vote, int members)
    {
        var problems = new List<(string, string)>();
        if (vote.Present < 1) problems.Add(("present", "Số thành viên có mặt phải từ 1 trở lên."));
        if (members > 0 && vote.Present > members) problems.Add(("present", $"Số thành viên có mặt ({vote.Present}) vượt quá số thành viên Ban ({members})."));
        if (members > 0 && vote.Present >= 1 && vote.Present * 2 <= members)
            problems.Add(("present", $"Cuộc họp chưa đủ quá bán thành viên Ban ({vote.Present}/{members}) nên chưa được biểu quyết."));
        if (vote.For < 0) problems.Add(("for", "Số phiếu tán thành không được âm."));
        if (vote.Against < 0) problems.Add(("against", "Số phiếu không tán thành không được âm."));
        if (vote.For >= 0 && vote.Against >= 0 && vote.For + vote.Against > vote.Present)
            problems.Add(("for", $"Tổng số phiếu tán thành và không tán thành ({vote.For + vote.Against}) vượt quá số thành viên có mặt ({vote.Present})."));
        return problems;
    }

    /// <summary>How many proposals a level still admits, given the round's quota and the decisions already taken for other
    /// models. Null quota: no limit.</summary>
    public static int? Remaining(int? quota, IEnumerable<(Guid ModelId, Outcome Outcome, string? Level)> decisions, string level, Guid exceptModel) =>
        quota is not { } q ? null : q - decisions.Count(d => d.ModelId != exceptModel && d.Outcome == Outcome.Proposed && d.Level == level);
}
