using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Emulation.Kernel.Storage;

/// <summary>One column of a tally's key: the source row's column of that name, or <paramref name="Value"/>, SQL over the row
/// (<c>{0}</c> standing for it), e.g. <c>"{0}.board_id is not null"</c>.</summary>
public sealed record TallyKey(string Column, string SqlType, string? Value = null)
{
    public string Of(string row) => string.Format(Value ?? "{0}." + Column, row);
}

/// <summary>One count a tally keeps per key; <paramref name="Value"/> is SQL over a row, <c>{0}</c> standing for it
/// (<c>"1"</c> counts rows, <c>"(coalesce({0}.overdue_days, 0) > 0)::int"</c> counts the late ones).</summary>
public sealed record TallyMeasure(string Column, string Value);

/// <summary>How many rows of a document table share a key, kept by triggers on that table (ADR 0019, ADR 0058): every way a
/// row is written (a projection, its rebuild, a refresh, a bulk load) counts in the same transaction, and a figure reads a
/// few hundred or thousand rows instead of scanning every document. The triggers only append (+1 for the new key, −1 for
/// the old; an update that keeps the key appends nothing): writers never wait on each other, and appending costs less than
/// updating counter rows in place (50,000 inserts: 7.1-7.7 s appending, 10.9-18.7 s in place, 4.1-6.8 s with no trigger,
/// ADR 0058).
/// Readers sum; <see cref="CompactAsync"/> folds the
/// appended rows into one per key now and then.</summary>
public sealed record RunningTally(string Schema, string Name, string Function, string Source, IReadOnlyList<TallyKey> Key,
    IReadOnlyList<TallyMeasure> Measures)
{
    public string Table => $"{Schema}.{Name}";
    string KeyList => string.Join(", ", Key.Select(k => k.Column));
    string Of(string row) => string.Join(", ", Key.Select(k => k.Of(row)));
    string Ordinals => string.Join(", ", Key.Select((_, i) => i + 1));
    string Values(string row, string sign) => string.Join(", ", Measures.Select(m => sign + string.Format(m.Value, row)));

    public IEnumerable<ISchemaObject> SchemaObjects()
    {
        var table = new Table(Name_(Name));
        foreach (var k in Key) table.AddColumn(k.Column, k.SqlType);
        foreach (var m in Measures) table.AddColumn<long>(m.Column).NotNull();
        yield return table;

        string Insert(string row, string sign) => $"insert into {Table} values ({Of(row)}, {Values(row, sign)});";
        yield return Weasel.Postgresql.Functions.Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{Schema}}.{{Function}}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'UPDATE' and ({{Of("old")}}, {{Values("old", "")}}) is not distinct from ({{Of("new")}}, {{Values("new", "")}}) then
                return null;
              end if;
              if tg_op <> 'INSERT' then
                {{Insert("old", "-")}}
              end if;
              if tg_op <> 'DELETE' then
                {{Insert("new", "")}}
              end if;
              return null;
            end
            $function$;
            """);
        // Inserts and deletes in one trigger, updates in another: Weasel writes the events in the order INSERT, UPDATE, DELETE
        // and PostgreSQL reads them back as INSERT, DELETE, UPDATE, so one trigger for all three would be recreated (and
        // counted again) at every start.
        var backfill = $"delete from {Table}; insert into {Table} select {Of("d")}, " +
                       string.Join(", ", Measures.Select(m => $"sum({string.Format(m.Value, "d")})")) + $" from {Schema}.{Source} d group by {Ordinals};";
        yield return new CountingTrigger(Name_(Name), Name_(Source), $"{Schema}.{Function}()", backfill)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete, ForEachRow = true
        };
        yield return new Trigger(Name_(Name + "_update"), Name_(Source), $"{Schema}.{Function}()")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update, ForEachRow = true
        };
        yield return new Trigger(Name_(Name + "_clear"), Name_(Source), $"{Schema}.mt_tally_clear('{Table}')")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false
        };
    }

    /// <summary>Empties a tally when its source is truncated (a projection's rebuild); one per schema, shared by its tallies.</summary>
    public static ISchemaObject ClearFunction(string schema) => Weasel.Postgresql.Functions.Function.ForSql($$"""
        CREATE OR REPLACE FUNCTION {{schema}}.mt_tally_clear()
         RETURNS trigger
         LANGUAGE plpgsql
        AS $function$
        begin
          execute format('truncate %s', tg_argv[0]);
          return null;
        end
        $function$;
        """);

    /// <summary>Folds the appended +1/−1 rows into one row per key; keys that came to nothing go. Safe beside writers
    /// (rows committed meanwhile are not in the snapshot, so not deleted) and beside another compaction (a row already
    /// deleted is skipped, so counted once).</summary>
    public string CompactSql =>
        $"with gone as (delete from {Table} returning *) insert into {Table} select {KeyList}, " +
        string.Join(", ", Measures.Select(m => $"sum({m.Column})")) + $" from gone group by {KeyList} having " +
        string.Join(" or ", Measures.Select(m => $"sum({m.Column}) <> 0")) + ";";

    public static async Task CompactAsync(IDocumentStore store, IEnumerable<RunningTally> tallies, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Concat(tallies.Select(t => t.CompactSql));
        await command.ExecuteNonQueryAsync(ct);
    }

    PostgresqlObjectName Name_(string name) => new(Schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>A counting trigger added to a table that already has rows (an existing database) starts from their count.</summary>
    sealed class CountingTrigger(DbObjectName identifier, DbObjectName target, string call, string backfill) : Trigger(identifier, target, call)
    {
        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            writer.WriteLine(backfill);
        }
    }
}
