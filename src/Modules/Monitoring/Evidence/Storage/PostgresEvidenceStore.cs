using System.Buffers;
using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Emulation.Monitoring.Evidence.Storage;

/// <summary>Files as rows of 256 KB chunks in <c>monitoring.evidence_chunk</c>, written in one transaction as they
/// arrive (a failed upload rolls back, so nothing is left) and read back row by row with sequential access. Large
/// objects were the other way: Npgsql marks its API for them obsolete, and plain rows go into every dump.</summary>
public sealed class PostgresEvidenceStore(NpgsqlDataSource db) : IEvidenceStore, IAsyncDisposable
{
    public const string Table = MonitoringModule.Schema + ".evidence_chunk";
    public const int ChunkSize = 256 * 1024;

    public async Task<Guid> WriteAsync(Stream content, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var insert = new NpgsqlCommand($"insert into {Table} (blob_id, seq, data) values ($1, $2, $3)", connection, tx);
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            var seq = new NpgsqlParameter<int>();
            var data = new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea };
            insert.Parameters.Add(seq);
            insert.Parameters.Add(data);
            for (var n = 0; ; n++)
            {
                var filled = await Fill(content, buffer, ct);
                if (filled == 0 && n > 0) break;
                seq.TypedValue = n;
                data.TypedValue = buffer.AsMemory(0, filled);
                await insert.ExecuteNonQueryAsync(ct);
                if (filled < ChunkSize) break;
            }
            await tx.CommitAsync(ct);
            return id;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Fills the buffer unless the content ends first: rows of a full chunk each, however the client sent it.
    /// The end is always read before the commit, so a checking source judges the whole file while a refusal can still roll back.</summary>
    static async Task<int> Fill(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < ChunkSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    public async Task<Stream?> OpenAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var select = new NpgsqlCommand($"select data from {Table} where blob_id = $1 order by seq", connection);
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var stream = new ChunkStream(connection, select, reader);
            if (await stream.NextRowAsync(ct)) return stream;
            await stream.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var delete = db.CreateCommand($"delete from {Table} where blob_id = $1");
        delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await delete.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    /// <summary>The chunks of one file, one row at a time, as a single stream; owns its connection.</summary>
    sealed class ChunkStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader) : Stream
    {
        Stream? _row;

        public async Task<bool> NextRowAsync(CancellationToken ct)
        {
            if (_row is not null) await _row.DisposeAsync();
            _row = await reader.ReadAsync(ct) ? await reader.GetStreamAsync(0, ct) : null;
            return _row is not null;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            while (_row is not null)
            {
                var read = await _row.ReadAsync(buffer, ct);
                if (read > 0 || buffer.IsEmpty) return read;
                await NextRowAsync(ct);
            }
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        /// <summary>Synchronous readers (the image decoder) read synchronously all the way down, never blocking on a task.</summary>
        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_row is not null)
            {
                var read = _row.Read(buffer, offset, count);
                if (read > 0 || count == 0) return read;
                _row.Dispose();
                _row = reader.Read() ? reader.GetStream(0) : null;
            }
            return 0;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_row is not null) await _row.DisposeAsync();
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _row?.Dispose();
                reader.Dispose();
                command.Dispose();
                connection.Dispose();
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
