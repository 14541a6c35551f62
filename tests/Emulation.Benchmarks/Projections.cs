using System.Diagnostics;
using System.Text.Json;
using Emulation.Registry.Models;
using Npgsql;
using NpgsqlTypes;

namespace Emulation.Benchmarks;

/// <summary>The projection daemon's side: waiting for it to catch up, and the COPY yardstick it is compared with.</summary>
public static class Projections
{
    const string Shard = "ModelSummary:All";

    static async Task<long> Scalar(NpgsqlDataSource db, string sql) => Convert.ToInt64(await db.CreateCommand(sql).ExecuteScalarAsync() ?? 0L);

    public static Task<long> HighestEvent(NpgsqlDataSource db) => Scalar(db, "select coalesce(max(seq_id), 0) from events.mt_events");
    static Task<long> Position(NpgsqlDataSource db) => Scalar(db, $"select coalesce(max(last_seq_id), 0) from events.mt_event_progression where name = '{Shard}'");

    /// <summary>Waits until the search model has applied every event up to <paramref name="upTo"/>; returns the time it took.</summary>
    public static async Task<TimeSpan> CatchUpAsync(NpgsqlDataSource db, long upTo, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (await Position(db) < upTo)
        {
            if (watch.Elapsed > limit) throw new TimeoutException($"the projection daemon did not reach event {upTo} within {limit}");
            await Task.Delay(100);
        }
        return watch.Elapsed;
    }

    /// <summary>Waits until no event was appended for <paramref name="quiet"/> and the search model has applied the last one.</summary>
    public static async Task<TimeSpan> SettleAsync(NpgsqlDataSource db, TimeSpan quiet, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var last = -1L;
        var since = watch.Elapsed;
        while (watch.Elapsed < limit)
        {
            var high = await HighestEvent(db);
            if (high != last) (last, since) = (high, watch.Elapsed);
            else if (watch.Elapsed - since >= quiet && await Position(db) >= high) return watch.Elapsed;
            await Task.Delay(200);
        }
        throw new TimeoutException($"events were still being appended after {limit}");
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until no session of this database holds a snapshot older than now.
    /// VACUUM marks a page visible to all only when no snapshot can still miss its rows, and index-only scans read the
    /// rows of every other page.</summary>
    public static async Task<TimeSpan> OlderSnapshotsGoneAsync(NpgsqlDataSource db, TimeSpan limit)
    {
        var now = await Scalar(db, "select txid_current() % 4294967296");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && await Scalar(db, "select count(*) from pg_stat_activity where datname = current_database() " +
                   $"and backend_xmin is not null and age(backend_xmin) > age('{now}'::xid)") > 0)
            await Task.Delay(500);
        return watch.Elapsed;
    }

    /// <summary>The raw rate of this machine for the same volume: COPY of rows shaped like events (an id, a sequence number,
    /// a type, a JSON body of the same size) into a table of their own.</summary>
    public static async Task<double> CopyRowsPerSecondAsync(NpgsqlDataSource db, long rows)
    {
        await db.CreateCommand("drop table if exists bench_copy; create table bench_copy(seq bigint primary key, id uuid not null, type text not null, data jsonb not null)").ExecuteNonQueryAsync();
        var body = JsonSerializer.Serialize(new ModelDrafted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new ModelDetails(ModelKind.Model,
            "Tiết kiệm giúp nhau xóa đói, giảm nghèo khóm 3 12345", null, null, Guid.NewGuid(), "kinh-te", "co-so", "Thu nhập hộ còn thấp", "Nâng thu nhập",
            "Họp dân, tập huấn", "Phường 1", "Hộ dân", null, null, null, 50_000_000m, null, 120, null, new DateOnly(2024, 1, 1), new DateOnly(2024, 7, 1), [],
            [new Target("Thu nhập bình quân hộ", "triệu đồng/năm", 60, 100, new DateOnly(2024, 7, 1))], null, null, null), Guid.NewGuid(), DateTimeOffset.UtcNow));
        var watch = Stopwatch.StartNew();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync("copy bench_copy(seq, id, type, data) from stdin (format binary)"))
        {
            for (long i = 0; i < rows; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync("model_drafted", NpgsqlDbType.Text);
                await copy.WriteAsync(body, NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await db.CreateCommand("drop table bench_copy").ExecuteNonQueryAsync();
        return rows / seconds;
    }
}
