using Emulation.Kernel;

namespace Emulation.Awards.Reports;

/// <summary>One model of the report's scope as the copy holds it.</summary>
public sealed record ReportRow(Guid Id, string? Code, string Name, string Kind, string Status, Guid UnitId, string LevelCode, string FieldCode,
    DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, Guid? ReplicatesModelId);

/// <summary>A board's decision on a model in a round whose results were published on <paramref name="PublishedOn"/>.</summary>
public sealed record OutcomeRow(Guid ModelId, string Outcome, DateOnly PublishedOn);

/// <summary>One collective or individual commended: by a signed decision of ours, or brought in from a province's register.
/// <paramref name="RevokedOn"/> is the day a later decision cancelled it, if one did.</summary>
public sealed record CommendationRow(Guid? ModelId, string RecipientKind, string FormName, DateOnly DecisionDate, DateOnly? RevokedOn)
{
    public Guid? UnitId { get; init; }
}

public sealed record LevelLine(string LevelCode, string Level, int Registered, int Accepted, int Models, int CollectiveExemplars, int IndividualExemplars);

public sealed record FieldLine(string FieldCode, string Field, int Accepted, IReadOnlyDictionary<string, int> ByLevel);

public sealed record FormLine(string Form, int Collectives, int Individuals)
{
    public int Total => Collectives + Individuals;
}

public sealed record OutstandingModel(Guid Id, string? Code, string Name, string Kind, Guid UnitId, string Level, string Field, bool Commended);

public sealed record ReplicatedModel(Guid Id, string? Code, string Name, int Replications);

/// <summary>The figures of a sơ kết / tổng kết report, as the provinces' own reports quote them.</summary>
public sealed record ReportTotals(
    int Registered, int Accepted, int Recognised, int Outstanding, int CommendedModels,
    int CommendedCollectives, int CommendedIndividuals, int Replications, int ReplicatedOriginals,
    IReadOnlyList<LevelLine> ByLevel, IReadOnlyList<FieldLine> ByField, IReadOnlyList<FormLine> ByForm,
    IReadOnlyList<OutstandingModel> OutstandingModels, IReadOnlyList<ReplicatedModel> MostReplicated)
{
    /// <summary>Grassroots and district together, the way the provinces' reports group them.</summary>
    public int AcceptedBelowProvince => ByLevel.Where(l => l.LevelCode is StandardLevels.Grassroots or StandardLevels.District).Sum(l => l.Accepted);

    public int AcceptedAt(string level) => ByLevel.FirstOrDefault(l => l.LevelCode == level)?.Accepted ?? 0;
}

/// <summary>A cell of the scope's tally: how many models of one level, field and kind were registered, and how many
/// accepted, by the end of the day.</summary>
public sealed record TallyLine(string LevelCode, string FieldCode, string Kind, int Registered, int Accepted);

/// <summary>How many models accepted by the day replicate one original, with the original's code and name when it is a
/// model of the scope.</summary>
public sealed record ReplicationLine(Guid OriginalId, int Replications, bool InScope, string? Code, string Name);

/// <summary>What the figures are computed from: the tally, the replications, and the rows of the models the report names
/// one by one (those with an outcome or a commendation). The database computes the first two for a large scope (ADR 0044).</summary>
public sealed record ReportInput(IReadOnlyList<TallyLine> Tally, IReadOnlyList<ReplicationLine> Replications, IReadOnlyList<ReportRow> Named);

/// <summary>Pure: the report's figures as of the end of a day, from the rows of its scope. A model counts as registered once
/// sent to a board on or before that day (a draft is not registered), as accepted once accepted on or before it; an outcome
/// counts once its round's results were published; a commendation once its decision is dated, unless revoked by then.
/// Dates are Vietnam's calendar days.</summary>
public static class ReportFigures
{
    /// <summary>The first moment after the day, in Vietnam: a date is on or before the day when it is earlier than this.</summary>
    public static DateTimeOffset Cutoff(DateOnly asOf) => new(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset);

    public static ReportTotals Compute(IReadOnlyList<ReportRow> rows, IReadOnlyList<OutcomeRow> outcomes,
        IReadOnlyList<CommendationRow> commendations, DateOnly asOf, IReadOnlyDictionary<string, string>? fieldNames = null) =>
        Compute(Summarise(rows, asOf), outcomes, commendations, asOf, fieldNames);

    /// <summary>The tally and the replications of the scope's rows, as the report's SQL computes them in the database.</summary>
    public static ReportInput Summarise(IReadOnlyList<ReportRow> rows, DateOnly asOf)
    {
        var cutoff = Cutoff(asOf);
        bool By(DateTimeOffset? t) => t < cutoff;
        var registered = rows.Where(r => By(r.SubmittedAt) || By(r.AcceptedAt)).ToList();
        var tally = registered.GroupBy(r => (r.LevelCode, r.FieldCode, r.Kind))
            .Select(g => new TallyLine(g.Key.LevelCode, g.Key.FieldCode, g.Key.Kind, g.Count(), g.Count(r => By(r.AcceptedAt)))).ToList();
        var byId = rows.ToDictionary(r => r.Id);
        var replications = registered.Where(r => By(r.AcceptedAt) && r.ReplicatesModelId is not null).GroupBy(r => r.ReplicatesModelId!.Value)
            .Select(g => byId.TryGetValue(g.Key, out var o) ? new ReplicationLine(g.Key, g.Count(), true, o.Code, o.Name) : new ReplicationLine(g.Key, g.Count(), false, null, ""))
            .ToList();
        return new ReportInput(tally, replications, rows);
    }

    public static ReportTotals Compute(ReportInput input, IReadOnlyList<OutcomeRow> outcomes, IReadOnlyList<CommendationRow> commendations,
        DateOnly asOf, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        var cutoff = Cutoff(asOf);
        var tally = input.Tally.Where(l => l.Registered > 0).ToList();
        var accepted = tally.Where(l => l.Accepted > 0).ToList();
        var inScope = input.Named.Where(r => r.AcceptedAt < cutoff).ToDictionary(r => r.Id);

        var levels = StandardLevels.All.Select(l => l.Code)
            .Concat(tally.Select(l => l.LevelCode).Distinct().Order(StringComparer.Ordinal)).Distinct().ToList();
        var byLevel = levels.Select(code =>
        {
            var at = accepted.Where(l => l.LevelCode == code).ToList();
            int Kind(string kind) => at.Where(l => l.Kind == kind).Sum(l => l.Accepted);
            return new LevelLine(code, StandardLevels.Name(code), tally.Where(l => l.LevelCode == code).Sum(l => l.Registered), at.Sum(l => l.Accepted),
                Kind(ModelKindCodes.Model), Kind(ModelKindCodes.CollectiveExemplar), Kind(ModelKindCodes.IndividualExemplar));
        }).ToList();

        string FieldName(string code) => fieldNames?.GetValueOrDefault(code) ?? StandardFields.Name(code);
        var byField = accepted.GroupBy(l => l.FieldCode).Select(g => (Code: g.Key, Count: g.Sum(l => l.Accepted), Lines: g))
            .OrderByDescending(f => f.Count).ThenBy(f => FieldName(f.Code), StringComparer.Ordinal)
            .Select(f => new FieldLine(f.Code, FieldName(f.Code), f.Count,
                f.Lines.GroupBy(l => l.LevelCode).ToDictionary(x => x.Key, x => x.Sum(l => l.Accepted)))).ToList();

        // The latest published outcome of each model stands (a tổng kết after a sơ kết supersedes it).
        var standing = outcomes.Where(o => o.PublishedOn <= asOf && inScope.ContainsKey(o.ModelId))
            .GroupBy(o => o.ModelId).ToDictionary(g => g.Key, g => g.MaxBy(o => o.PublishedOn)!.Outcome);

        var given = commendations.Where(c => c.DecisionDate <= asOf && !(c.RevokedOn <= asOf)).ToList();
        var commendedModels = given.Where(c => c.ModelId is { } id && inScope.ContainsKey(id)).Select(c => c.ModelId!.Value).ToHashSet();
        var byForm = given.GroupBy(c => c.FormName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FormLine(g.Key, g.Count(c => c.RecipientKind == RecipientKinds.Collective), g.Count(c => c.RecipientKind == RecipientKinds.Individual)))
            .ToList();

        var outstanding = inScope.Values.Where(r => standing.TryGetValue(r.Id, out var o) && OutcomeCodes.IsOutstanding(o))
            .OrderBy(r => LevelOrder(r.LevelCode)).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new OutstandingModel(r.Id, r.Code, r.Name, r.Kind, r.UnitId, StandardLevels.Name(r.LevelCode), FieldName(r.FieldCode),
                commendedModels.Contains(r.Id)))
            .ToList();

        var mostReplicated = input.Replications.Where(l => l.InScope)
            .OrderByDescending(l => l.Replications).ThenBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.OriginalId).Take(10)
            .Select(l => new ReplicatedModel(l.OriginalId, l.Code, l.Name, l.Replications)).ToList();

        return new ReportTotals(tally.Sum(l => l.Registered), accepted.Sum(l => l.Accepted),
            standing.Count(s => OutcomeCodes.IsRecognised(s.Value)), standing.Count(s => OutcomeCodes.IsOutstanding(s.Value)),
            commendedModels.Count, given.Count(c => c.RecipientKind == RecipientKinds.Collective), given.Count(c => c.RecipientKind == RecipientKinds.Individual),
            input.Replications.Sum(l => l.Replications), input.Replications.Count,
            byLevel, byField, byForm, outstanding, mostReplicated);
    }

    static int LevelOrder(string code)
    {
        for (var i = 0; i < StandardLevels.All.Count; i++) if (StandardLevels.All[i].Code == code) return StandardLevels.All.Count - i;
        return 0;
    }
}
