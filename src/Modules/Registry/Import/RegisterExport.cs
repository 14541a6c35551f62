using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Registry.Models;
using Marten;
using T = Emulation.Registry.Import.ModelTemplate;

namespace Emulation.Registry.Import;

/// <summary>The register as the import workbook (ADR 0036): every model of a filter with its dossier, targets and
/// history on their original days, so what one database holds can be read back by another, or by this one, where the
/// models it imported come back "unchanged". A model registered on the form has no row code of the province; it gets
/// <c>MH-</c> and its id, by which an import into this register recognises it and refuses to store it twice.</summary>
public static class RegisterExport
{
    /// <summary>The rows a drop-down covers in the template; a larger register is exported a period or a unit at a time.</summary>
    public const int MaxModels = 20_000;

    public static async Task<byte[]> WriteAsync(IReadOnlyList<ModelSummary> models, ModelContext context, IQuerySession session, CancellationToken ct)
    {
        var streams = new Dictionary<Guid, List<object>>();
        foreach (var chunk in models.Select(m => m.Id).Chunk(1_000))
        {
            var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(chunk)).OrderBy(e => e.Sequence).ToListAsync(ct);
            foreach (var e in events)
            {
                if (!streams.TryGetValue(e.StreamId, out var list)) streams[e.StreamId] = list = [];
                list.Add(e.Data);
            }
        }
        var sources = models.Where(m => m.ReplicatesModelId is not null).Select(m => m.ReplicatesModelId!.Value).Distinct().ToArray();
        var codes = sources.Length == 0 ? new Dictionary<Guid, string?>()
            : (await session.LoadManyAsync<ModelSummary>(ct, sources)).ToDictionary(s => s.Id, s => s.RegistryCode);

        var template = new T(context, ModelImportRules.Units(context.Access));
        var tree = context.Access.Tree;
        var dossiers = new List<IReadOnlyDictionary<string, object?>>();
        var targets = new List<IReadOnlyDictionary<string, object?>>();
        var history = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var summary in models)
        {
            if (!streams.TryGetValue(summary.Id, out var events)) continue;
            var row = Row(summary, events, tree, context, codes);
            if (row is null) continue;
            dossiers.Add(row.Value.Dossier);
            targets.AddRange(row.Value.Targets);
            history.AddRange(row.Value.History);
        }
        return TemplateWriter.Write("Sổ đăng ký mô hình, điển hình “Dân vận khéo” theo mẫu nhập liệu",
            [new(template.Sheets[0], dossiers), new(template.Sheets[1], targets), new(template.Sheets[2], history)], T.Guidance);
    }

    const string FormPrefix = "MH-";

    public static string FormRowCode(Guid id) => FormPrefix + id.ToString("N").ToUpperInvariant();

    /// <summary>The model a row code written by <see cref="FormRowCode"/> names, if it is one.</summary>
    public static Guid? FormModelId(string? rowCode) =>
        rowCode is { Length: 35 } && rowCode.StartsWith(FormPrefix, StringComparison.OrdinalIgnoreCase)
        && Guid.TryParseExact(rowCode[3..], "N", out var id) ? id : null;

    /// <summary>One model's rows from its events (pure): the latest dossier, the day it was registered, each step on its day.</summary>
    public static (Dictionary<string, object?> Dossier, List<Dictionary<string, object?>> Targets, List<Dictionary<string, object?>> History)? Row(
        ModelSummary summary, IReadOnlyList<object> events, Units.RegistryUnitTree tree, ModelContext context, IReadOnlyDictionary<Guid, string?> codes)
    {
        ModelDetails? details = null;
        Guid unit = Guid.Empty;
        string? rowCode = null;
        DateOnly? registered = null;
        var steps = new List<(HistoryStep Step, DateOnly Date, string? Code, string? Reason)>();
        foreach (var e in events)
            switch (e)
            {
                case ModelImported x: rowCode = x.Source.RowCode; details = x.Details; unit = x.UnitId; break;
                case ModelDrafted x: details = x.Details; unit = x.UnitId; registered = x.At.VietnamDate(); break;
                case ModelEdited x: details = x.Details; break;
                case ModelSubmitted x: steps.Add((HistoryStep.Submitted, x.At.VietnamDate(), null, null)); break;
                case ModelAccepted x: steps.Add((HistoryStep.Accepted, x.At.VietnamDate(), x.RegistryCode, x.Note)); break;
                case ModelReturned x: steps.Add((HistoryStep.Returned, x.At.VietnamDate(), null, x.Reason)); break;
                case ModelRejected x: steps.Add((HistoryStep.Rejected, x.At.VietnamDate(), null, x.Reason)); break;
                case ModelWithdrawn x: steps.Add((HistoryStep.Withdrawn, x.At.VietnamDate(), null, x.Reason)); break;
            }
        if (details is null) return null;
        var code = rowCode ?? FormRowCode(summary.Id);
        var owner = tree.Find(unit);
        var dossier = new Dictionary<string, object?>
        {
            [T.RowCode] = code, [T.Kind] = ModelLabels.Kind(details.Kind), [T.Name] = details.Name, [T.Person] = details.PersonName,
            [T.Position] = details.PersonPosition, [T.Unit] = owner is null ? null : $"{owner.Name} ({owner.Code})",
            [T.Period] = context.Period(details.PeriodId)?.Label, [T.Field] = context.Catalog.FieldName(details.FieldCode),
            [T.Level] = context.Catalog.LevelName(details.LevelCode), [T.RegisteredOn] = registered,
            [T.Situation] = details.Situation, [T.Objectives] = details.Objectives, [T.Content] = details.ContentAndMethods, [T.Area] = details.Area,
            [T.TargetGroup] = details.TargetGroup, [T.Lead] = details.LeadForce, [T.Coordinating] = details.CoordinatingForces,
            [T.Participating] = details.ParticipatingForces, [T.Budget] = details.Budget, [T.Facilities] = details.Facilities,
            [T.Workdays] = details.Workdays, [T.Socialised] = details.SocialisedFunds, [T.Start] = details.StartDate, [T.Evaluation] = details.EvaluationDate,
            [T.Outputs] = details.Outputs, [T.Sustainability] = details.Sustainability,
            [T.Replicates] = details.ReplicatesModelId is { } source ? codes.GetValueOrDefault(source) : null
        };
        var targets = details.Targets.Select(t => new Dictionary<string, object?>
        {
            [T.RowCode] = code, [T.Indicator] = t.Indicator, [T.Measure] = t.UnitOfMeasure, [T.Baseline] = t.Baseline,
            [T.TargetValue] = t.TargetValue, [T.Due] = t.DueDate
        }).ToList();
        var history = steps.Select(s => new Dictionary<string, object?>
        {
            [T.RowCode] = code, [T.Step] = T.Steps.Label(s.Step.ToString()), [T.Date] = s.Date, [T.Code] = s.Code, [T.Reason] = s.Reason
        }).ToList();
        return (dossier, targets, history);
    }
}
