using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace Emulation.Registry.Import;

/// <summary>New streams written with PostgreSQL's COPY inside the caller's transaction (ADR 0043): the same rows Marten's
/// append writes (stream row, events with their sequence numbers, types and JSON), without a statement per event. Unlike
/// Marten's <c>BulkInsertEventsAsync</c> it neither opens its own transaction (the keys, claims and codes commit with the
/// events) nor moves the daemon's high-water mark (an append still in flight elsewhere is waited for, not skipped).
/// Inline projections do not see these events: the caller writes what they would have written.</summary>
public static class StreamCopy
{
    /// <summary>New streams made ready to be written: every event's JSON serialised (on both cores) and its type names
    /// looked up, so that writing them is only the database's work.</summary>
    public sealed record Prepared(string Alias, IReadOnlyList<(Guid Id, int Count)> Streams, IReadOnlyList<EventRow> Events);

    public sealed record EventRow(Guid StreamId, long Version, string Json, string TypeName, string DotNetTypeName);

    public static Prepared Prepare<TAggregate>(IDocumentStore store, IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> streams)
    {
        var options = (StoreOptions)store.Options;
        var graph = (EventGraph)options.Events;
        var serializer = options.Serializer();
        var events = streams.SelectMany(s => s.Events.Select((e, v) => (s.Id, Version: (long)v + 1, Event: e))).ToArray();
        var rows = events.AsParallel().AsOrdered().Select(x =>
        {
            var mapping = graph.EventMappingFor(x.Event.GetType());
            return new EventRow(x.Id, x.Version, serializer.ToJson(x.Event), mapping.EventTypeName, mapping.DotNetTypeName);
        }).ToList();
        return new Prepared(graph.AggregateAliasFor(typeof(TAggregate)), streams.Select(s => (s.Id, s.Events.Count)).ToList(), rows);
    }

    public static async Task AppendAsync(IDocumentStore store, NpgsqlConnection connection, Prepared prepared, DateTimeOffset now, CancellationToken ct)
    {
        var count = prepared.Events.Count;
        if (count == 0) return;
        var schema = ((StoreOptions)store.Options).Events.DatabaseSchemaName;
        var tenant = JasperFx.StorageConstants.DefaultTenantId;

        var sequences = new List<long>(count);
        await using (var command = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, @count)", connection))
        {
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) sequences.Add(reader.GetInt64(0));
        }
        sequences.Sort();

        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) from stdin (format binary)", ct))
        {
            foreach (var (id, events) in prepared.Streams)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(prepared.Alias, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync((long)events, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) from stdin (format binary)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var e = prepared.Events[i];
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(sequences[i], NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(e.Json, NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(e.TypeName, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.DotNetTypeName, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await writer.CompleteAsync(ct);
        }
    }

    /// <summary>New documents written with COPY into their table (Marten's naming, <c>mt_doc_</c> and the type's name) in
    /// the caller's transaction: for rows the check found absent, so an insert that collides means another import stored
    /// them meanwhile and the batch fails on the unique key.</summary>
    public static async Task InsertAsync<T>(IDocumentStore store, NpgsqlConnection connection, string schema, IReadOnlyList<T> documents,
        Func<T, string> id, DateTimeOffset now, CancellationToken ct) where T : notnull
    {
        if (documents.Count == 0) return;
        var serializer = ((StoreOptions)store.Options).Serializer();
        var type = typeof(T).FullName!;
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_doc_{typeof(T).Name.ToLowerInvariant()} (id, data, mt_last_modified, mt_version, mt_dotnet_type) from stdin (format binary)", ct);
        foreach (var document in documents)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(id(document), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(serializer.ToJson(document), NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(type, NpgsqlDbType.Varchar, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
