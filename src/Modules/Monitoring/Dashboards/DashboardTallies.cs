using Emulation.Kernel.Storage;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Emulation.Monitoring.Dashboards;

/// <summary>The dashboards' running counts (ADR 0019, docs/performance.md): how many followed models share a board, unit,
/// health, field, district and commune (and of those how many have no report and how many are late), and how many
/// reports each board and unit received per month. Kept by triggers on the summary and report tables
/// (<see cref="RunningTally"/>), so a dashboard reads a few hundred rows instead of scanning 200,000 summaries and a
/// million reports. Several writers keep these tables (the core's subscription, the daily refresh, the report
/// projection), so the triggers only append and <see cref="CompactAsync"/> folds the rows hourly, after the summaries'
/// refresh; readers sum either way, so a figure is exact before and after.</summary>
public sealed class DashboardTallies() : FeatureSchemaBase("monitoring-dashboard-tallies", new PostgresqlMigrator())
{
    const string Schema = MonitoringModule.Schema;
    // A row counts once; "no report yet" and "late" are the list's filters (ReportsCount = 0, OverdueDays > 0).
    static readonly RunningTally Summaries = new(Schema, "summary_tally", "mt_tally_summary", "mt_doc_monitoringsummary",
        [new("board_id", "uuid"), new("unit_id", "uuid"), new("health", "varchar"), new("field_code", "varchar"), new("district_id", "uuid"), new("commune_id", "uuid")],
        [new("models", "1"), new("never", "(coalesce({0}.reports_count, 0) = 0)::int"), new("late", "(coalesce({0}.overdue_days, 0) > 0)::int")]);
    static readonly RunningTally Reports = new(Schema, "report_month_tally", "mt_tally_report", "mt_doc_submittedreport",
        [new("board_id", "uuid"), new("unit_id", "uuid"), new("month", "varchar")], [new("reports", "1")]);

    public static readonly string SummaryTally = Summaries.Table;
    public static readonly string ReportTally = Reports.Table;

    public override Type StorageType => typeof(DashboardTallies);

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
        [RunningTally.ClearFunction(Schema), .. Summaries.SchemaObjects(), .. Reports.SchemaObjects()];

    public static Task CompactAsync(IDocumentStore store, CancellationToken ct) =>
        RunningTally.CompactAsync(store, [Summaries, Reports], ct);
}
