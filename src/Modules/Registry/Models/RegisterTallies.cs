using Emulation.Kernel.Storage;
using Emulation.Kernel.Text;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Emulation.Registry.Models;

/// <summary>The register's running counts for its statistics (ADR 0058): how many models share a period, kind, level, field
/// and status, and how many share a period, unit and status, each split by whether the dossier was ever sent to a board
/// (what visibility asks). Kept by triggers on the search model (<see cref="RunningTally"/>) and folded every minute
/// (<see cref="CompactRegisterTallies"/>), so the statistics of the whole register read a few thousand rows instead of
/// 200,000 summaries. The two are kept apart because together (with the unit) they have as many keys as models.</summary>
public sealed class RegisterTallies() : FeatureSchemaBase("registry-register-tallies", new PostgresqlMigrator())
{
    const string Schema = RegistryModule.Schema;
    static readonly TallyKey Sent = new("sent", "boolean", "{0}.board_id is not null");
    static readonly RunningTally Kinds = new(Schema, "model_tally", "mt_tally_model", "mt_doc_modelsummary",
        [new("period_id", "uuid"), new("kind", "varchar"), new("level_code", "varchar"), new("field_code", "varchar"), new("status", "varchar"), Sent],
        [new("models", "1")]);
    static readonly RunningTally Units = new(Schema, "unit_tally", "mt_tally_unit", "mt_doc_modelsummary",
        [new("period_id", "uuid"), new("unit_id", "uuid"), new("status", "varchar"), Sent], [new("models", "1")]);
    // The units over every period: a twelfth of the rows above for the unfiltered statistics (65,596 → 7,716 keys at 1,300 units).
    static readonly RunningTally UnitTotals = new(Schema, "unit_total_tally", "mt_tally_unit_total", "mt_doc_modelsummary",
        [new("unit_id", "uuid"), new("status", "varchar"), Sent], [new("models", "1")]);

    public override Type StorageType => typeof(RegisterTallies);

    public static Task CompactAsync(IDocumentStore store, CancellationToken ct) => RunningTally.CompactAsync(store, [Kinds, Units, UnitTotals], ct);

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
        [RunningTally.ClearFunction(Schema), .. Kinds.SchemaObjects(), .. Units.SchemaObjects(), .. UnitTotals.SchemaObjects()];

    /// <summary>The filters the tallies can answer: a period and a status. Text, a day in the past, a unit's subtree, a level,
    /// a field, a kind or a board's queue are counted from the rows (<see cref="ModelReports"/>).</summary>
    public static bool Answer(ModelFilter f) => f is { Cut: null, Board: null, Unit: null, Kind: null } && string.IsNullOrWhiteSpace(f.Level)
                                                && string.IsNullOrWhiteSpace(f.Field) && VietnameseText.Fold(f.Q).Length == 0;

    /// <summary>Which models a count takes: those sent to a board (what one who sees the whole register sees: no drafts, no
    /// draft withdrawn unsent), or only the accepted ones (what everyone sees).</summary>
    public enum Seen { Sent, Accepted }

    /// <summary>Adds to <paramref name="counts"/> the models the tallies count under a period and status filter. The caller
    /// adds or takes away what depends on the viewer's units (<see cref="ModelReports"/>); mirrors
    /// <see cref="ModelQueries.Filtered"/>, and a test holds the two answers equal for every kind of viewer.</summary>
    public static async Task CountAsync(IQuerySession session, Seen seen, ModelFilter f, ModelReports.Counts counts, CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new List<string> { seen == Seen.Sent ? "status <> 'Draft' and (status <> 'Withdrawn' or sent)" : "status = 'Accepted'" };
        if (f.Period is { } period) { command.Parameters.Add(new NpgsqlParameter("period", period)); where.Add("period_id = @period"); }
        if (f.Status is { } status) { command.Parameters.Add(new NpgsqlParameter("status", status.ToString())); where.Add("status = @status"); }
        var filter = " where " + string.Join(" and ", where);
        var units = f.Period is null ? UnitTotals.Table : Units.Table;
        command.CommandText = $"select kind, level_code, field_code, status, sum(models)::bigint from {Kinds.Table}{filter} group by 1, 2, 3, 4 having sum(models) <> 0;" +
                              $"select unit_id, sum(models)::bigint from {units}{filter} group by 1 having sum(models) <> 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts.Add(Enum.Parse<ModelKind>(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Enum.Parse<ModelStatus>(reader.GetString(3)), reader.GetInt64(4));
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            counts.Add(reader.GetGuid(0), reader.GetInt64(1));
    }
}

/// <summary>Folds the rows the register's tallies appended since the last time (<c>Registry:Tallies:Cron</c>, every minute by
/// default): a rebuild of the search model appends one row per model, a day of registrations a few hundred.</summary>
public sealed record CompactRegisterTallies;

public static class CompactRegisterTalliesHandler
{
    public static Task Handle(CompactRegisterTallies _, IDocumentStore store, CancellationToken ct) => RegisterTallies.CompactAsync(store, ct);
}
