using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Marten;
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
/// <param name="Totals">The submitted totals of the reviewers assigned now (a reviewer taken off stops counting).</param>
public sealed record RankingEntry(Guid ModelId, int Assigned, bool Declared, IReadOnlyList<decimal> Totals);

/// <summary>The ranking's read model (ADR 0045): a row per covered model in <c>review.ranking_entry</c>, kept by the
/// events in the transaction that appends them, so the ranking is current when a score's answer returns. Each event is
/// one statement that changes the row from its committed value (<c>reviewers || …</c>, <c>totals || …</c>): two
/// reviewers submitting on one model at once wait on the row's lock, and the second applies its change to the row the
/// first committed, so neither total is lost. Replaying the events in order over an existing table gives the same rows.</summary>
public sealed partial class RankingEntryProjection : EventProjection
{
    public const string Table = ReviewModule.Schema + ".ranking_entry";

    public RankingEntryProjection() => Name = "review-ranking";

    public static Table Schema()
    {
        var table = new Table(new PostgresqlObjectName(ReviewModule.Schema, "ranking_entry", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("round_id").AsPrimaryKey();
        table.AddColumn<Guid>("model_id").AsPrimaryKey();
        table.AddColumn<string>("level_code").NotNull();
        table.AddColumn<string>("field_code").NotNull();
        table.AddColumn("reviewers", "jsonb").NotNull();
        table.AddColumn("conflicts", "jsonb").NotNull();
        table.AddColumn("totals", "jsonb").NotNull();
        return table;
    }

    public void Project(RoundOpened e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"insert into {Table} (round_id, model_id, level_code, field_code, reviewers, conflicts, totals) " +
            "select ?, m.id, m.level, m.field, '{}', '{}', '{}' from unnest(?, ?, ?) as m(id, level, field) on conflict do nothing",
            e.RoundId, e.Models.Select(m => m.ModelId).ToArray(), e.Models.Select(m => m.LevelCode).ToArray(), e.Models.Select(m => m.FieldCode).ToArray());

    public void Project(ReviewersAssigned e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set reviewers = reviewers || coalesce((select jsonb_object_agg(r, true) from unnest(?::text[]) r), '{{}}') " +
            "where round_id = ? and model_id = ?",
            e.ReviewerIds.Select(Key).ToArray(), e.RoundId, e.ModelId);

    public void Project(ReviewerUnassigned e, IDocumentOperations ops) =>
        ops.QueueSqlCommand($"update {Table} set reviewers = reviewers - ?::text where round_id = ? and model_id = ?", Key(e.ReviewerId), e.RoundId, e.ModelId);

    public void Project(ConflictDeclared e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set reviewers = reviewers - ?::text, conflicts = conflicts || jsonb_build_object(?::text, true) where round_id = ? and model_id = ?",
            Key(e.ReviewerId), Key(e.ReviewerId), e.RoundId, e.ModelId);

    public void Project(ScoresSubmitted e, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set totals = totals || jsonb_build_object(?::text, ?::numeric) where round_id = ? and model_id = ?",
            Key(e.ReviewerId), e.Total, e.RoundId, e.ModelId);

    public static string Key(Guid person) => person.ToString("D");

    const string Read = $"""
        select model_id, (select count(*) from jsonb_object_keys(reviewers))::int, conflicts ? @me,
               array(select t.value::numeric from jsonb_each_text(totals) t where reviewers ? t.key)
        from {Table}
        where round_id = @round and (@level::text is null or level_code = @level) and (@field::text is null or field_code = @field)
        """;

    /// <summary>The round's entries, of one level and field when given, for <paramref name="reader"/>.</summary>
    public static async Task<Dictionary<Guid, RankingEntry>> ReadAsync(IQuerySession session, Guid round, Guid reader, string? level, string? field,
        CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Read, connection);
        command.Parameters.AddWithValue("round", round);
        command.Parameters.AddWithValue("me", Key(reader));
        command.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Text) { Value = (object?)level ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("field", NpgsqlDbType.Text) { Value = (object?)field ?? DBNull.Value });
        var entries = new Dictionary<Guid, RankingEntry>();
        await using var rows = await command.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            var id = rows.GetGuid(0);
            entries[id] = new RankingEntry(id, rows.GetInt32(1), rows.GetBoolean(2), rows.GetFieldValue<decimal[]>(3));
        }
        return entries;
    }
}
