using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Marten;
using JasperFx.Events;
using Marten.Events.Projections;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Emulation.Review.Ranking;

/// <summary>One covered model of a round as the ranking counts it: its assigned reviewers, the reviewers who declared a
/// conflict, and each reviewer's last submitted total.</summary>
/// <param name="Declared">The reader declared a conflict with this model.</param>
/// <param name="Pending">The reader is assigned to this model and has not submitted their scores yet.</param>
/// <param name="Totals">The submitted totals of the reviewers assigned now (a reviewer taken off stops counting).</param>
/// <param name="GatesMet">Whether the model met the rubric's gates by those same scorecards (<see cref="GateVerdict"/>); null with none.</param>
public sealed record RankingEntry(Guid ModelId, int Assigned, bool Declared, bool Pending, IReadOnlyList<decimal> Totals, bool? GatesMet = null);

/// <summary>The ranking's read model (ADR 0045): a row per covered model in <c>review.ranking_entry</c>, kept by the
/// events in the transaction that appends them, so the ranking is current when a score's answer returns. Plain arrays
/// (reviewers, declared conflicts, and who submitted which total, side by side) that the ranking reads without parsing
/// anything. Each event is one statement that changes the row from its committed value: two reviewers submitting on
/// one model at once wait on the row's lock, and the second applies its change to the row the first committed, so
/// neither total is lost. Replaying the events in order over an existing table gives the same rows. Consecutive
/// assignments (an automatic assignment appends one per model of the round) are one statement for the whole run
/// (ADR 0071): thousands of single-row updates were a quarter of the assignment's commit.</summary>
public sealed class RankingEntryProjection : IProjection
{
    public const string Table = ReviewModule.Schema + ".ranking_entry";
    public const string Name = "review-ranking";

    public static Table Schema()
    {
        var table = new Table(new PostgresqlObjectName(ReviewModule.Schema, "ranking_entry", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("round_id").AsPrimaryKey();
        table.AddColumn<Guid>("model_id").AsPrimaryKey();
        table.AddColumn<string>("level_code").NotNull();
        table.AddColumn<string>("field_code").NotNull();
        table.AddColumn("reviewers", "uuid[]").NotNull();
        table.AddColumn("conflicts", "uuid[]").NotNull();
        table.AddColumn("scorers", "uuid[]").NotNull();
        table.AddColumn("totals", "numeric[]").NotNull();
        // Added after the first rounds were scored: rows written before it read as "no verdict" until a rebuild.
        table.AddColumn("gates", "boolean[]").NotNull().DefaultValueByExpression("'{}'::boolean[]");
        return table;
    }

    public Task ApplyAsync(IDocumentOperations ops, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var assigned = new List<ReviewersAssigned>();
        foreach (var e in events)
        {
            if (e.Data is ReviewersAssigned a)
            {
                assigned.Add(a);
                continue;
            }
            Flush(assigned, ops);
            switch (e.Data)
            {
                case RoundOpened o: Project(o, ops); break;
                case ReviewerUnassigned u: Project(u, ops); break;
                case ConflictDeclared c: Project(c, ops); break;
                case ScoresSubmitted s: Project(s, ops); break;
            }
        }
        Flush(assigned, ops);
        return Task.CompletedTask;
    }

    public static void Project(RoundOpened e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"insert into {Table} (round_id, model_id, level_code, field_code, reviewers, conflicts, scorers, totals) " +
            "select ?, m.id, m.level, m.field, '{}'::uuid[], '{}'::uuid[], '{}'::uuid[], '{}'::numeric[] from unnest(?, ?, ?) as m(id, level, field) on conflict do nothing",
            e.RoundId, e.Models.Select(m => m.ModelId).ToArray(), e.Models.Select(m => m.LevelCode).ToArray(), e.Models.Select(m => m.FieldCode).ToArray());

    /// <summary>A run of assignments as one statement: the pairs in the order appended, each model's new reviewers added
    /// once, after those it has (the same rows as one statement per event, in order).</summary>
    static void Flush(List<ReviewersAssigned> run, IDocumentOperations ops)
    {
        if (run.Count == 0) return;
        var pairs = AssignedPairs(run);
        ops.QueueSqlCommand(
            $"update {Table} e set reviewers = e.reviewers || array(select r from unnest(n.added) with ordinality as a(r, k) where not r = any(e.reviewers) order by k) " +
            "from (select p.round_id, p.model_id, array_agg(p.reviewer_id order by p.k) as added " +
            "from unnest(?::uuid[], ?::uuid[], ?::uuid[]) with ordinality as p(round_id, model_id, reviewer_id, k) group by p.round_id, p.model_id) n " +
            "where e.round_id = n.round_id and e.model_id = n.model_id",
            pairs.Select(p => p.Round).ToArray(), pairs.Select(p => p.Model).ToArray(), pairs.Select(p => p.Reviewer).ToArray());
        run.Clear();
    }

    /// <summary>Pure: the (round, model, reviewer) pairs of consecutive assignments in the order appended, each pair once.</summary>
    public static IReadOnlyList<(Guid Round, Guid Model, Guid Reviewer)> AssignedPairs(IEnumerable<ReviewersAssigned> run)
    {
        var seen = new HashSet<(Guid, Guid, Guid)>();
        return run.SelectMany(e => e.ReviewerIds.Select(r => (e.RoundId, e.ModelId, r))).Where(seen.Add).ToList();
    }

    public static void Project(ReviewerUnassigned e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {Table} set reviewers = array_remove(reviewers, ?) where round_id = ? and model_id = ?", e.ReviewerId, e.RoundId, e.ModelId);

    public static void Project(ConflictDeclared e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set reviewers = array_remove(reviewers, ?), conflicts = array_append(array_remove(conflicts, ?), ?) where round_id = ? and model_id = ?",
            e.ReviewerId, e.ReviewerId, e.ReviewerId, e.RoundId, e.ModelId);

    /// <summary>A revision replaces the reviewer's total in place; a first submission adds it at the end of both arrays
    /// (every expression reads the row as it was, so both land at the same position).</summary>
    public static void Project(ScoresSubmitted e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set scorers[coalesce(array_position(scorers, ?), cardinality(scorers) + 1)] = ?, " +
            "totals[coalesce(array_position(scorers, ?), cardinality(scorers) + 1)] = ?, " +
            "gates[coalesce(array_position(scorers, ?), cardinality(scorers) + 1)] = ? where round_id = ? and model_id = ?",
            e.ReviewerId, e.ReviewerId, e.ReviewerId, e.Total, e.ReviewerId, e.GatesMet, e.RoundId, e.ModelId);

    const string Read = $"""
        select model_id, reviewers, conflicts, scorers, totals, gates from {Table}
        where round_id = @round and (@level::text is null or level_code = @level) and (@field::text is null or field_code = @field)
        """;

    /// <summary>The round's entries, of one level and field when given, as <paramref name="reader"/> may see them.</summary>
    public static async Task<Dictionary<Guid, RankingEntry>> ReadAsync(IQuerySession session, Guid round, Guid reader, string? level, string? field,
        CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Read, connection);
        command.Parameters.AddWithValue("round", round);
        command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Text) { Value = (object?)level ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("field", NpgsqlDbType.Text) { Value = (object?)field ?? DBNull.Value });
        var entries = new Dictionary<Guid, RankingEntry>();
        await using var rows = await command.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            var id = rows.GetGuid(0);
            entries[id] = Entry(id, rows.GetFieldValue<Guid[]>(1), rows.GetFieldValue<Guid[]>(2), rows.GetFieldValue<Guid[]>(3),
                rows.GetFieldValue<decimal[]>(4), reader, rows.GetFieldValue<bool?[]>(5));
        }
        return entries;
    }

    /// <summary>Pure: what the row says to <paramref name="reader"/>. A total counts while its reviewer is assigned: one taken
    /// off (or who declared a conflict) stops counting, and counts again if assigned again, as their scorecard stays submitted.</summary>
    /// <param name="gates">Side by side with <paramref name="scorers"/>; shorter (rows kept before gates were recorded) or
    /// null where a scorecard's verdict is not recorded: those scorecards count in the mean, not in the gate verdict.</param>
    public static RankingEntry Entry(Guid model, Guid[] reviewers, Guid[] conflicts, Guid[] scorers, decimal[] totals, Guid reader, bool?[]? gates = null)
    {
        var counted = new List<decimal>(scorers.Length);
        var verdicts = new List<bool>(scorers.Length);
        for (var i = 0; i < scorers.Length && i < totals.Length; i++)
        {
            if (Array.IndexOf(reviewers, scorers[i]) < 0) continue;
            counted.Add(totals[i]);
            if (gates is not null && i < gates.Length && gates[i] is { } g) verdicts.Add(g);
        }
        return new RankingEntry(model, reviewers.Length, Array.IndexOf(conflicts, reader) >= 0,
            Array.IndexOf(reviewers, reader) >= 0 && Array.IndexOf(scorers, reader) < 0, counted, GateVerdict.Of(verdicts));
    }
}
