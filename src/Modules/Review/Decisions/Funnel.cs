namespace Emulation.Review.Decisions;

/// <summary>Where one covered model of a round has got to.</summary>
public sealed record FunnelEntry(Guid ModelId, string Level, string Field, bool Reporting, bool SelfAssessed, bool Scored, Outcome? Outcome);

/// <summary>A part of Review that knows which covered models of a round reached one of the funnel's middle stages
/// (<c>self-assessed</c>, <c>scored</c>): registered in DI by the part that owns the data.</summary>
public interface IRoundProgress
{
    string Stage { get; }
    Task<IReadOnlySet<Guid>> ModelsAsync(Marten.IQuerySession session, Guid roundId, CancellationToken ct);
}

public sealed record FunnelStage(string Key, string Label, int Count);

/// <summary>The round's funnel (issue 8): registered → reporting → self-assessed → scored → recognised → outstanding →
/// proposed. Registered counts every model sent to the board in the round's campaign, period, levels and covered units,
/// accepted or not (a registration refused or withdrawn was still registered); the later stages count the accepted
/// models the round covers. Outcomes are ordered: a proposed model was also found outstanding and recognised, so each
/// stage counts the models that reached it or went further.</summary>
public static class Funnel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Stages =
    [
        ("registered", "Đăng ký"), ("reporting", "Có báo cáo tiến độ"), ("self-assessed", "Đã tự đánh giá"), ("scored", "Đã chấm điểm"),
        ("recognised", "Được công nhận"), ("outstanding", "Tiêu biểu"), ("proposed", "Đề nghị khen thưởng")
    ];

    public static IReadOnlyList<FunnelStage> Of(IEnumerable<FunnelEntry> entries)
    {
        var list = entries as IReadOnlyCollection<FunnelEntry> ?? entries.ToList();
        int Count(Func<FunnelEntry, bool> reached) => list.Count(reached);
        var counts = new[]
        {
            list.Count, Count(e => e.Reporting), Count(e => e.SelfAssessed), Count(e => e.Scored),
            Count(e => e.Outcome is Outcome.Recognised or Outcome.Outstanding or Outcome.Proposed),
            Count(e => e.Outcome is Outcome.Outstanding or Outcome.Proposed),
            Count(e => e.Outcome is Outcome.Proposed)
        };
        return Stages.Select((s, i) => new FunnelStage(s.Key, s.Label, counts[i])).ToList();
    }

    /// <summary>The funnel of each group (a level, a field), in the order of the keys given, then any other key.</summary>
    public static IReadOnlyList<(string Key, IReadOnlyList<FunnelStage> Stages)> By(IEnumerable<FunnelEntry> entries, Func<FunnelEntry, string> key,
        IReadOnlyList<string>? order = null) =>
        entries.GroupBy(key)
            .OrderBy(g => order is null ? 0 : order.IndexOf(g.Key) is var i && i >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Of(g.ToList()))).ToList();

    static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
