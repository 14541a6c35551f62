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

/// <summary>Pure: the report's figures as of the end of a day, from the rows of its scope. A model counts as registered once
/// sent to a board on or before that day (a draft is not registered), as accepted once accepted on or before it; an outcome
/// counts once its round's results were published; a commendation once its decision is dated, unless revoked by then.
/// Dates are Vietnam's calendar days.</summary>
public static class ReportFigures
{
    public static ReportTotals Compute(IReadOnlyList<ReportRow> rows, IReadOnlyList<OutcomeRow> outcomes,
        IReadOnlyList<CommendationRow> commendations, DateOnly asOf, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        bool By(DateTimeOffset? t) => t is { } v && v.VietnamDate() <= asOf;
        var registered = rows.Where(r => By(r.SubmittedAt) || By(r.AcceptedAt)).ToList();
        var accepted = registered.Where(r => By(r.AcceptedAt)).ToList();
        var inScope = accepted.ToDictionary(r => r.Id);

        var levels = StandardLevels.All.Select(l => l.Code).Concat(registered.Select(r => r.LevelCode)).Distinct().ToList();
        var byLevel = levels.Select(code =>
        {
            var at = accepted.Where(r => r.LevelCode == code).ToList();
            return new LevelLine(code, StandardLevels.Name(code), registered.Count(r => r.LevelCode == code), at.Count,
                at.Count(r => r.Kind == ModelKindCodes.Model), at.Count(r => r.Kind == ModelKindCodes.CollectiveExemplar),
                at.Count(r => r.Kind == ModelKindCodes.IndividualExemplar));
        }).ToList();

        string FieldName(string code) => fieldNames?.GetValueOrDefault(code) ?? StandardFields.Name(code);
        var byField = accepted.GroupBy(r => r.FieldCode).OrderByDescending(g => g.Count()).ThenBy(g => FieldName(g.Key), StringComparer.Ordinal)
            .Select(g => new FieldLine(g.Key, FieldName(g.Key), g.Count(),
                g.GroupBy(r => r.LevelCode).ToDictionary(x => x.Key, x => x.Count()))).ToList();

        // The latest published outcome of each model stands (a tổng kết after a sơ kết supersedes it).
        var standing = outcomes.Where(o => o.PublishedOn <= asOf && inScope.ContainsKey(o.ModelId))
            .GroupBy(o => o.ModelId).ToDictionary(g => g.Key, g => g.MaxBy(o => o.PublishedOn)!.Outcome);

        var given = commendations.Where(c => c.DecisionDate <= asOf && !(c.RevokedOn <= asOf)).ToList();
        var commendedModels = given.Where(c => c.ModelId is { } id && inScope.ContainsKey(id)).Select(c => c.ModelId!.Value).ToHashSet();
        var byForm = given.GroupBy(c => c.FormName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FormLine(g.Key, g.Count(c => c.RecipientKind == RecipientKinds.Collective), g.Count(c => c.RecipientKind == RecipientKinds.Individual)))
            .ToList();

        var outstanding = accepted.Where(r => standing.TryGetValue(r.Id, out var o) && OutcomeCodes.IsOutstanding(o))
            .OrderBy(r => LevelOrder(r.LevelCode)).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new OutstandingModel(r.Id, r.Code, r.Name, r.Kind, r.UnitId, StandardLevels.Name(r.LevelCode), FieldName(r.FieldCode),
                commendedModels.Contains(r.Id)))
            .ToList();

        var replicas = accepted.Where(r => r.ReplicatesModelId is not null).ToList();
        var names = rows.ToDictionary(r => r.Id);
        var mostReplicated = replicas.GroupBy(r => r.ReplicatesModelId!.Value)
            .Select(g => names.TryGetValue(g.Key, out var o) ? new ReplicatedModel(o.Id, o.Code, o.Name, g.Count()) : null)
            .OfType<ReplicatedModel>().OrderByDescending(m => m.Replications).ThenBy(m => m.Code, StringComparer.Ordinal).Take(10).ToList();

        return new ReportTotals(registered.Count, accepted.Count,
            standing.Count(s => OutcomeCodes.IsRecognised(s.Value)), standing.Count(s => OutcomeCodes.IsOutstanding(s.Value)),
            commendedModels.Count, given.Count(c => c.RecipientKind == RecipientKinds.Collective), given.Count(c => c.RecipientKind == RecipientKinds.Individual),
            replicas.Count, replicas.Select(r => r.ReplicatesModelId).Distinct().Count(),
            byLevel, byField, byForm, outstanding, mostReplicated);
    }

    static int LevelOrder(string code)
    {
        for (var i = 0; i < StandardLevels.All.Count; i++) if (StandardLevels.All[i].Code == code) return StandardLevels.All.Count - i;
        return 0;
    }
}
