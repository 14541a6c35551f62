namespace Emulation.Review.Ranking;

/// <param name="GatesMet">False when the model failed the rubric's gate criteria: it ranks below every model that did not.</param>
public sealed record RankInput(Guid ModelId, string Field, string Level, decimal? Score, bool GatesMet = true);

public sealed record Ranked(Guid ModelId, string Field, string Level, decimal? Score, int? Rank, bool Tied);

/// <summary>Rankings per field and level by the mean score, ties as ties ("1, 1, 3", standard competition ranking):
/// equal means share a rank and the next one skips. A model that failed the gate criteria ranks below every one that met
/// them, whatever its mean (ADR 0064). Models without a submitted score come last, unranked.</summary>
public static class Rankings
{
    public static IReadOnlyList<Ranked> Of(IEnumerable<RankInput> models)
    {
        var result = new List<Ranked>();
        foreach (var group in models.GroupBy(m => (m.Level, m.Field)).OrderBy(g => g.Key.Level, StringComparer.Ordinal).ThenBy(g => g.Key.Field, StringComparer.Ordinal))
        {
            var scored = group.Where(m => m.Score is not null).OrderByDescending(m => m.GatesMet).ThenByDescending(m => m.Score).ThenBy(m => m.ModelId).ToList();
            var counts = scored.GroupBy(m => (m.GatesMet, m.Score)).ToDictionary(g => g.Key, g => g.Count());
            int rank = 0;
            (bool, decimal?)? previous = null;
            for (var i = 0; i < scored.Count; i++)
            {
                var m = scored[i];
                if ((m.GatesMet, m.Score) != previous) rank = i + 1;
                previous = (m.GatesMet, m.Score);
                result.Add(new Ranked(m.ModelId, m.Field, m.Level, m.Score, rank, counts[(m.GatesMet, m.Score)] > 1));
            }
            result.AddRange(group.Where(m => m.Score is null).OrderBy(m => m.ModelId).Select(m => new Ranked(m.ModelId, m.Field, m.Level, null, null, false)));
        }
        return result;
    }
}
