using System.Text.Json.Serialization;

namespace Emulation.Review.Rubrics;

/// <summary>A band of scores with the words the board uses for it ("0–4 Chưa đạt", "5–7 Đạt", "8–10 Tốt").</summary>
public sealed record ScoreBand(decimal From, decimal To, string Label);

/// <summary>One criterion: scored from 0 to <paramref name="MaxPoints"/>, counting for <paramref name="Weight"/> of the
/// total out of 100 (weights are shares, normalised over the criteria that carry one). A gate criterion
/// (<paramref name="GateMinimum"/> set) must reach that score whatever the total.</summary>
public sealed record Criterion(string Code, string Name, decimal MaxPoints, decimal Weight, IReadOnlyList<ScoreBand> Bands,
    decimal? GateMinimum, string? Guidance)
{
    [JsonIgnore] public bool IsGate => GateMinimum is not null;

    public string? Band(decimal score) => Bands.FirstOrDefault(b => score >= b.From && score <= b.To)?.Label;
}

/// <summary>A numbered, complete set of criteria. Frozen once a round opened with it (<see cref="FrozenBy"/>): the rounds
/// that used it keep scoring against exactly these criteria.</summary>
public sealed record RubricVersion(int No, IReadOnlyList<Criterion> Criteria, string? Note, Guid By, DateTimeOffset At, IReadOnlyList<Guid> FrozenBy)
{
    [JsonIgnore] public bool Frozen => FrozenBy.Count > 0;
}

/// <param name="BoardId">The board that owns and edits it; none for a rubric the administrators keep for every board.</param>
public sealed record RubricCreated(Guid RubricId, string Name, Guid? BoardId, IReadOnlyList<Criterion> Criteria, Guid By, DateTimeOffset At);

/// <summary>A new version, numbered after the last one; the earlier versions stay as they were.</summary>
public sealed record RubricRevised(Guid RubricId, int No, IReadOnlyList<Criterion> Criteria, string? Note, Guid By, DateTimeOffset At);

/// <summary>A version no round has used yet was corrected in place.</summary>
public sealed record RubricVersionEdited(Guid RubricId, int No, IReadOnlyList<Criterion> Criteria, string? Note, Guid By, DateTimeOffset At);

/// <summary>A round opened with this version: from now on it is never changed.</summary>
public sealed record RubricVersionFrozen(Guid RubricId, int No, Guid RoundId, DateTimeOffset At);

/// <summary>A rubric ("Bộ tiêu chí chấm điểm mô hình cấp tỉnh") with all its versions. Immutable; folded by Marten.</summary>
public sealed partial record Rubric(Guid Id, string Name, Guid? BoardId, IReadOnlyList<RubricVersion> Versions, long Version)
{
    public static Rubric Create(RubricCreated e) => new(e.RubricId, e.Name, e.BoardId, [new RubricVersion(1, e.Criteria, null, e.By, e.At, [])], 1);

    public Rubric Apply(RubricRevised e) => this with { Versions = [.. Versions, new RubricVersion(e.No, e.Criteria, e.Note, e.By, e.At, [])] };

    public Rubric Apply(RubricVersionEdited e) =>
        this with { Versions = Versions.Select(v => v.No == e.No ? v with { Criteria = e.Criteria, Note = e.Note, By = e.By, At = e.At } : v).ToList() };

    public Rubric Apply(RubricVersionFrozen e) =>
        this with { Versions = Versions.Select(v => v.No == e.No && !v.FrozenBy.Contains(e.RoundId) ? v with { FrozenBy = [.. v.FrozenBy, e.RoundId] } : v).ToList() };

    [JsonIgnore] public RubricVersion Latest => Versions[^1];

    public RubricVersion? VersionNo(int no) => Versions.FirstOrDefault(v => v.No == no);
}
