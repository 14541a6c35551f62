using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Emulation.Monitoring.Dashboards;

/// <summary>The dashboards' running counts (ADR 0019, docs/performance.md): how many followed models share a board, unit,
/// health, field, district and commune (and of those how many have no report and how many are late), and how many
/// reports each board and unit received per month. Kept by triggers on the summary and report tables, so every way a row
/// is written (the core's subscription, the daily refresh, a projection, a bulk load) counts, in the same transaction,
/// and a dashboard reads a few hundred rows instead of scanning 200,000 summaries and a million reports.
/// The triggers only append (+1 for the new key, −1 for the old): concurrent writers never wait on each other or
/// deadlock over a shared counter. <see cref="CompactAsync"/> folds the appended rows into one per key (hourly, after the
/// summaries' refresh); readers sum either way, so a figure is exact before and after.</summary>
public sealed class DashboardTallies() : FeatureSchemaBase("monitoring-dashboard-tallies", new PostgresqlMigrator())
{
    const string Schema = MonitoringModule.Schema;
    public const string SummaryTally = Schema + ".summary_tally";
    public const string ReportTally = Schema + ".report_month_tally";
    const string SummaryKey = "board_id, unit_id, health, field_code, district_id, commune_id";
    const string ReportKey = "board_id, unit_id, month";

    public override Type StorageType => typeof(DashboardTallies);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var summaries = new Table(new PostgresqlObjectName(Schema, "summary_tally", SchemaUtils.IdentifierUsage.General));
        summaries.AddColumn<Guid>("board_id");
        summaries.AddColumn<Guid>("unit_id");
        summaries.AddColumn<string>("health");
        summaries.AddColumn<string>("field_code");
        summaries.AddColumn<Guid>("district_id");
        summaries.AddColumn<Guid>("commune_id");
        summaries.AddColumn<long>("models").NotNull();
        summaries.AddColumn<long>("never").NotNull();
        summaries.AddColumn<long>("late").NotNull();
        yield return summaries;

        var reports = new Table(new PostgresqlObjectName(Schema, "report_month_tally", SchemaUtils.IdentifierUsage.General));
        reports.AddColumn<Guid>("board_id");
        reports.AddColumn<Guid>("unit_id");
        reports.AddColumn<string>("month");
        reports.AddColumn<long>("reports").NotNull();
        yield return reports;

        // A row counts once; "no report yet" and "late" are the list's filters (ReportsCount = 0, OverdueDays > 0).
        const string never = "(coalesce({0}.reports_count, 0) = 0)::int";
        const string late = "(coalesce({0}.overdue_days, 0) > 0)::int";
        string Keyed(string row) => string.Join(", ", SummaryKey.Split(", ").Select(c => $"{row}.{c}"));
        yield return Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{Schema}}.mt_tally_summary()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'UPDATE' and ({{Keyed("old")}}, {{string.Format(never, "old")}}, {{string.Format(late, "old")}})
                  is not distinct from ({{Keyed("new")}}, {{string.Format(never, "new")}}, {{string.Format(late, "new")}}) then
                return null;
              end if;
              if tg_op <> 'INSERT' then
                insert into {{SummaryTally}} values ({{Keyed("old")}}, -1, -{{string.Format(never, "old")}}, -{{string.Format(late, "old")}});
              end if;
              if tg_op <> 'DELETE' then
                insert into {{SummaryTally}} values ({{Keyed("new")}}, 1, {{string.Format(never, "new")}}, {{string.Format(late, "new")}});
              end if;
              return null;
            end
            $function$;
            """);
        yield return Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{Schema}}.mt_tally_report()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'UPDATE' and (old.board_id, old.unit_id, old.month) is not distinct from (new.board_id, new.unit_id, new.month) then
                return null;
              end if;
              if tg_op <> 'INSERT' then insert into {{ReportTally}} values (old.board_id, old.unit_id, old.month, -1); end if;
              if tg_op <> 'DELETE' then insert into {{ReportTally}} values (new.board_id, new.unit_id, new.month, 1); end if;
              return null;
            end
            $function$;
            """);
        yield return Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{Schema}}.mt_tally_clear()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              execute format('truncate %s', tg_argv[0]);
              return null;
            end
            $function$;
            """);

        yield return RowTrigger("summary_tally", "mt_doc_monitoringsummary", "mt_tally_summary()",
            $"delete from {SummaryTally}; insert into {SummaryTally} select {SummaryKey}, count(*), sum((coalesce(reports_count, 0) = 0)::int), " +
            $"sum((coalesce(overdue_days, 0) > 0)::int) from {Schema}.mt_doc_monitoringsummary group by {SummaryKey};");
        yield return UpdateTrigger("summary_tally_update", "mt_doc_monitoringsummary", "mt_tally_summary()");
        yield return RowTrigger("report_month_tally", "mt_doc_submittedreport", "mt_tally_report()",
            $"delete from {ReportTally}; insert into {ReportTally} select {ReportKey}, count(*) from {Schema}.mt_doc_submittedreport group by {ReportKey};");
        yield return UpdateTrigger("report_month_tally_update", "mt_doc_submittedreport", "mt_tally_report()");
        yield return ClearTrigger("summary_tally_clear", "mt_doc_monitoringsummary", SummaryTally);
        yield return ClearTrigger("report_month_tally_clear", "mt_doc_submittedreport", ReportTally);
    }

    // Inserts and deletes in one trigger, updates in another: Weasel writes the events in the order INSERT, UPDATE, DELETE
    // and PostgreSQL reads them back as INSERT, DELETE, UPDATE, so one trigger for all three would be recreated (and
    // counted again) at every start.
    static Trigger RowTrigger(string name, string table, string call, string backfill) =>
        new CountingTrigger(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General),
            new PostgresqlObjectName(Schema, table, SchemaUtils.IdentifierUsage.General), $"{Schema}.{call}", backfill)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete, ForEachRow = true
        };

    static Trigger UpdateTrigger(string name, string table, string call) =>
        new(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General),
            new PostgresqlObjectName(Schema, table, SchemaUtils.IdentifierUsage.General), $"{Schema}.{call}")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update, ForEachRow = true
        };

    static Trigger ClearTrigger(string name, string table, string tally) =>
        new(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General),
            new PostgresqlObjectName(Schema, table, SchemaUtils.IdentifierUsage.General), $"{Schema}.mt_tally_clear('{tally}')")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false
        };

    /// <summary>A counting trigger added to a table that already has rows (an existing database) starts from their count.</summary>
    sealed class CountingTrigger(DbObjectName identifier, DbObjectName target, string call, string backfill) : Trigger(identifier, target, call)
    {
        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            writer.WriteLine(backfill);
        }
    }

    /// <summary>Folds the appended +1/−1 rows into one row per key; keys that came to nothing go. Safe beside writers
    /// (rows committed meanwhile are not in the snapshot, so not deleted) and beside another compaction (a row already
    /// deleted is skipped, so counted once).</summary>
    public static async Task CompactAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"with gone as (delete from {SummaryTally} returning *) insert into {SummaryTally} select {SummaryKey}, sum(models), sum(never), sum(late) " +
            $"from gone group by {SummaryKey} having sum(models) <> 0 or sum(never) <> 0 or sum(late) <> 0;" +
            $"with gone as (delete from {ReportTally} returning *) insert into {ReportTally} select {ReportKey}, sum(reports) " +
            $"from gone group by {ReportKey} having sum(reports) <> 0;";
        await command.ExecuteNonQueryAsync(ct);
    }
}
