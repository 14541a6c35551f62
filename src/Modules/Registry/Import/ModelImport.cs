using System.Text.RegularExpressions;
using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Registry.Models;
using Marten;
using Npgsql;

namespace Emulation.Registry.Import;

/// <summary>What a check of the register workbook found: a plan per model, the rows of other sheets that name no model,
/// and what made the file or a sheet unreadable.</summary>
public sealed record ImportCheck(ModelTemplate Template, ImportWorkbook Workbook, IReadOnlyList<ImportPlan> Plans, IReadOnlyList<SheetRow> Orphans,
    IReadOnlyDictionary<string, ModelImportKey> Earlier)
{
    public IReadOnlyList<RowError> FileErrors => Workbook.FileErrors;

    public IReadOnlyList<PreviewRow> Preview() =>
    [
        .. Plans.Select(p => new PreviewRow(ModelTemplate.Dossiers, p.Model.Row.Number, p.Model.RowCode, p.Details.Name, p.Fate, p.Errors, p.Note)),
        .. Orphans.Select(o => new PreviewRow(o.Sheet, o.Number, SheetRow.CellText(o.Cells.GetValueOrDefault(ModelTemplate.RowCode)), "", RowFate.Refused, o.Errors))
    ];

    public FateCounts Counts => FateCounts.Of(Preview());

    /// <summary>The refused rows of every sheet (a model's targets and history go back with it), each with its reasons.</summary>
    public IReadOnlyList<TemplateWriter.SheetRows> Refused()
    {
        var refused = Plans.Where(p => p.Fate == RowFate.Refused).ToList();
        IReadOnlyDictionary<string, object?> Cells(SheetRow row, IEnumerable<RowError> errors) =>
            new Dictionary<string, object?>(row.Cells) { [TemplateWriter.ErrorColumn] = string.Join("\n", errors.Select(e => e.Text)) };
        var dossiers = refused.Select(p => Cells(p.Model.Row, p.Errors)).ToList();
        var targets = refused.SelectMany(p => p.Model.Targets.Select(t => Cells(t.Row, t.Row.Errors)))
            .Concat(Orphans.Where(o => o.Sheet == ModelTemplate.Targets).Select(o => Cells(o, o.Errors))).ToList();
        var history = refused.SelectMany(p => p.Model.History.Select(h => h.Row).Concat(p.Model.UnreadSteps).OrderBy(r => r.Number).Select(r => Cells(r, r.Errors)))
            .Concat(Orphans.Where(o => o.Sheet == ModelTemplate.History).Select(o => Cells(o, o.Errors))).ToList();
        return
        [
            new(Template.Sheets[0], dossiers, true), new(Template.Sheets[1], targets, true), new(Template.Sheets[2], history, true)
        ];
    }
}

/// <summary>Checks the register workbook against the store and stores it (ADR 0036). The check reads what it compares
/// with in a few set-based queries (keys, claims, codes, stream versions, near-duplicates), never one per row.</summary>
public static partial class ModelImport
{
    public static async Task<ImportCheck> CheckAsync(byte[] file, ModelContext context, IQuerySession session, DateOnly today, CancellationToken ct)
    {
        var template = new ModelTemplate(context, context.Access.SeesAll ? context.Access.Tree.All.Select(u => u.Id) : ModelImportRules.Units(context.Access));
        // Units outside the person's reach still resolve, so the refusal names the rule rather than "not in the list".
        var lookup = new ModelTemplate(context, context.Access.Tree.All.Select(u => u.Id));
        var workbook = WorkbookReader.Read(file, lookup.Sheets, [ModelTemplate.Dossiers]);
        var (models, orphans) = ModelRows.Read(workbook);
        var state = await StateAsync(models, context, session, ct);
        var plans = ModelImportRules.Decide(models, context, state, today);
        return new ImportCheck(template, workbook, plans, orphans, state.Earlier.ToDictionary(e => e.Key, e => e.Value.Key));
    }

    static async Task<ImportState> StateAsync(IReadOnlyList<ImportedModel> models, ModelContext context, IQuerySession session, CancellationToken ct)
    {
        var tree = context.Access.Tree;
        var keys = models.Where(m => m.UnitId != Guid.Empty && m.Key.Length > 0 && tree.Province(m.UnitId) is not null)
            .Select(m => ModelImportKey.For(tree.Province(m.UnitId)!.Id, m.Key)).Distinct().ToList();
        var found = keys.Count == 0 ? [] : await session.LoadManyAsync<ModelImportKey>(ct, keys);
        var versions = await VersionsAsync(session, found.Select(k => k.ModelId).ToList(), ct);
        var earlier = found.ToDictionary(k => k.Id, k => (k, versions.GetValueOrDefault(k.ModelId)));

        var claimKeys = models.Where(m => m.UnitId != Guid.Empty && m.Details.PeriodId != Guid.Empty && m.Details.Name.Length > 0)
            .Select(m => ModelNameClaim.Key(m.UnitId, m.Details.PeriodId, m.Details.Name)).Distinct().ToList();
        var claims = claimKeys.Count == 0 ? [] : await session.LoadManyAsync<ModelNameClaim>(ct, claimKeys);
        var codes = models.SelectMany(m => m.History.Select(h => h.Entry.Code)).Append(null)
            .Concat(models.Select(m => m.ReplicatesRef)).OfType<string>().Distinct().ToList();
        var accepted = codes.Count == 0 ? [] : await session.LoadManyAsync<AcceptedCode>(ct, codes);
        var named = models.Select(m => RegisterExport.FormModelId(m.RowCode)).OfType<Guid>().Distinct().ToArray();
        var onForm = named.Length == 0 ? [] : await session.Query<ModelSummary>().Where(s => s.Id.IsOneOf(named)).Select(s => s.Id).ToListAsync(ct);
        return new ImportState(earlier, claims.ToDictionary(c => c.Id, c => c.ModelId), accepted.ToDictionary(c => c.Id, c => c.ModelId),
            new Dictionary<string, IReadOnlyList<NearDuplicate>>()) { FormModels = onForm.ToHashSet() };
    }

    static async Task<Dictionary<Guid, long>> VersionsAsync(IQuerySession session, List<Guid> ids, CancellationToken ct)
    {
        var versions = new Dictionary<Guid, long>();
        if (ids.Count == 0) return versions;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id, version from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        return versions;
    }

    const string NearSql = $"""
        select k.i, d.id, d.data ->> 'Name', d.unit_id, d.registry_code, similarity(d.name_key, k.key)::float8 as score
        from unnest(@keys, @periods, @provinces, @selves, @sources) with ordinality as k(key, period, province, self, source, i)
        cross join lateral (
          select s.* from {RegistryModule.Schema}.mt_doc_modelsummary s
          where s.period_id = k.period and s.province_id = k.province and s.id <> k.self and s.id <> k.source
            and s.status not in ('Draft', 'Withdrawn', 'Rejected')
            and s.name_key % k.key and similarity(s.name_key, k.key) >= @threshold
          order by similarity(s.name_key, k.key) desc, s.id
          limit 10) d
        """;

    /// <summary>The register's near-duplicates of each model that is sent to a board by this import, as the form's
    /// submission finds them (<see cref="NearDuplicates"/>), in one statement for the whole file.</summary>
    public static async Task<Dictionary<Guid, List<NearDuplicate>>> NearDuplicatesAsync(IDocumentStore store, IReadOnlyList<ImportPlan> plans, CancellationToken ct)
    {
        var found = new Dictionary<Guid, List<NearDuplicate>>();
        var submitted = plans.Where(p => p.Stores && p.NewSteps.Any(s => s.Step == HistoryStep.Submitted)).ToList();
        if (submitted.Count == 0) return found;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var command = new NpgsqlBatchCommand(NearSql);
        command.Parameters.AddWithValue("keys", submitted.Select(p => Similarity.Key(p.Details.Name)).ToArray());
        command.Parameters.AddWithValue("periods", submitted.Select(p => p.Details.PeriodId).ToArray());
        command.Parameters.AddWithValue("provinces", submitted.Select(p => p.ProvinceId).ToArray());
        command.Parameters.AddWithValue("selves", submitted.Select(p => p.ModelId).ToArray());
        command.Parameters.AddWithValue("sources", submitted.Select(p => p.Details.ReplicatesModelId ?? Guid.Empty).ToArray());
        command.Parameters.AddWithValue("threshold", Similarity.Threshold);
        await using var batch = Similarity.Batch(connection, command);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var plan = submitted[(int)reader.GetInt64(0) - 1];
            if (!found.TryGetValue(plan.ModelId, out var list)) found[plan.ModelId] = list = [];
            list.Add(new NearDuplicate(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                Math.Round(reader.GetDouble(5), 2)));
        }
        return found;
    }

    /// <summary>Stores one row: for a new model the import event, then the registration and each step of its history at
    /// the register's own dates, with its key, name claim and the accepted code the inline projection would have written,
    /// all collected in <paramref name="fresh"/> for the caller to write by COPY (<see cref="StreamCopy"/>); for an
    /// updated one the edit and the steps added since, its key and claim, in the session.</summary>
    public static void Append(IDocumentSession session, NewModels fresh, ImportPlan p, ModelImportSource source, Guid by, DateTimeOffset now,
        IReadOnlyList<NearDuplicate> duplicates, ModelImportKey? earlier)
    {
        var events = new List<object>();
        var id = p.ModelId;
        var unit = p.Model.UnitId;
        if (earlier is null)
        {
            events.Add(new ModelImported(id, unit, p.ProvinceId, p.Details, source, by, now));
            events.Add(new ModelDrafted(id, unit, p.ProvinceId, p.Details, by, ModelImportRules.Moment(p.RegisteredOn)));
        }
        else if (p.Edit) events.Add(new ModelEdited(id, p.Details, by, now));
        var first = earlier?.History.Count ?? 0;
        for (var i = 0; i < p.NewSteps.Count; i++)
        {
            var s = p.NewSteps[i];
            var at = ModelImportRules.Moment(s.Date, first + i + 1);
            events.Add(s.Step switch
            {
                HistoryStep.Submitted => new ModelSubmitted(id, p.BoardId!.Value, duplicates, by, at),
                HistoryStep.Accepted => new ModelAccepted(id, s.Code!, s.Reason, by, at),
                HistoryStep.Returned => new ModelReturned(id, s.Reason!, by, at),
                HistoryStep.Rejected => new ModelRejected(id, s.Reason!, by, at),
                _ => new ModelWithdrawn(id, s.Reason, by, at)
            });
        }
        var before = earlier?.Status ?? ModelStatus.Draft;
        var after = p.FinalStatus(before);
        var version = p.ExpectedVersion + events.Count;
        // Withdrawn and rejected dossiers hold no name, as on the form.
        var oldClaim = earlier?.ClaimId;
        var newClaim = after is ModelStatus.Withdrawn or ModelStatus.Rejected ? null : ModelNameClaim.Key(unit, p.Details.PeriodId, p.Details.Name);
        var key = new ModelImportKey
        {
            Id = ModelImportKey.For(p.ProvinceId, p.Model.Key), ModelId = id, UnitId = unit,
            DossierHash = ModelImportKey.Hash(unit, p.Details, p.RegisteredOn),
            History = p.Model.History.Select(h => h.Entry.Signature).ToList(),
            Version = earlier is null ? events.Count : version, Status = after, ClaimId = newClaim, BatchId = source.BatchId, ImportedAt = now
        };
        if (earlier is null)
        {
            fresh.Streams.Add((id, events));
            fresh.Keys.Add(key);
            if (newClaim is not null) fresh.Claims.Add(new ModelNameClaim { Id = newClaim, ModelId = id });
            fresh.Codes.AddRange(events.OfType<ModelAccepted>().Select(a => new AcceptedCode { Id = a.RegistryCode, ModelId = id }));
            return;
        }
        session.Events.Append(id, version, events.ToArray());
        if (oldClaim is not null && oldClaim != newClaim) session.Delete<ModelNameClaim>(oldClaim);
        if (newClaim is not null && newClaim != oldClaim) session.Store(new ModelNameClaim { Id = newClaim, ModelId = id });
        session.Store(key);
    }

    /// <summary>What a batch stores for models the store does not hold yet: new rows only, so COPY can write them.</summary>
    public sealed class NewModels
    {
        public List<(Guid Id, IReadOnlyList<object> Events)> Streams { get; } = [];
        public List<ModelImportKey> Keys { get; } = [];
        public List<ModelNameClaim> Claims { get; } = [];
        public List<AcceptedCode> Codes { get; } = [];

        public async Task CopyDocumentsAsync(IDocumentStore store, NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
        {
            await StreamCopy.InsertAsync(store, connection, RegistryModule.Schema, Keys, k => k.Id, now, ct);
            await StreamCopy.InsertAsync(store, connection, RegistryModule.Schema, Claims, c => c.Id, now, ct);
            await StreamCopy.InsertAsync(store, connection, RegistryModule.Schema, Codes, c => c.Id, now, ct);
        }
    }

    /// <summary>An imported code of this deployment's shape (province-year-number) moves the counter past it, so
    /// <see cref="ModelLookups.NextCodeAsync"/> never mints it again; other shapes cannot collide with minted codes.</summary>
    public static void AdvanceCounters(IDocumentSession session, IEnumerable<string> codes)
    {
        var highest = new Dictionary<string, int>();
        foreach (var code in codes)
        {
            var m = Shape().Match(code);
            if (!m.Success || !int.TryParse(m.Groups[3].Value, out var n)) continue;
            var key = $"{m.Groups[1].Value}-{m.Groups[2].Value}";
            highest[key] = Math.Max(highest.GetValueOrDefault(key), n);
        }
        // In one order, so two confirmations at once wait for each other's counters instead of deadlocking.
        foreach (var (key, last) in highest.OrderBy(h => h.Key, StringComparer.Ordinal))
            session.QueueSqlCommand(
                $"insert into {RegistryModule.Schema}.code_counter as c (key, last) values (?, ?) on conflict (key) do update set last = greatest(c.last, excluded.last)",
                key, last);
    }

    [GeneratedRegex(@"^(.+)-(\d{4})-(\d{1,9})$")]
    private static partial Regex Shape();
}
