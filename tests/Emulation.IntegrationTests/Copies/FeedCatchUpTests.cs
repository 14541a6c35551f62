using System.Diagnostics;
using Npgsql;

namespace Emulation.IntegrationTests.Copies;

/// <summary>A consumer whose copies were never filled (a module added to a running database, or copies and marker
/// deleted) is filled at start-up without anyone replaying the feed by hand, once even when two nodes start together
/// (ADR 0016). Hosts run as processes of their own on a database of their own.</summary>
[Collection(HostProcesses.Name)]
public sealed class FeedCatchUpTests : IAsyncLifetime
{
    readonly string _admin = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")!;
    readonly string _database = $"emulation_catchup_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    string Connection => new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 20 }.ConnectionString;

    public Task InitializeAsync() => Admin($"create database \"{_database}\"");

    public Task DisposeAsync() => Admin($"drop database if exists \"{_database}\" with (force)");

    [Fact]
    public async Task Copies_and_their_marker_deleted_are_refilled_at_the_next_start_with_one_rewind_for_two_nodes()
    {
        await using (var first = await HostProcess.StartAsync(Connection, new Dictionary<string, string> { ["DemoData__Seed"] = "true" }))
        {
            // The registry's seed starts once the Directory's seed has reached its copies.
            await Until(async () => await Count("registry.mt_doc_campaign") > 0 && await Count("emulation.mt_doc_feedfilled") == Consumers
                && await CopiesComplete(), "the first start to seed and fill the copies");
            Assert.True(await Count("directory.mt_doc_unit") > 20);
            // A database whose feed had relayed nothing needs no rewind: the feed relays everything anyway.
            Assert.Equal(0, await Count("emulation.mt_doc_feedrewound"));
            await first.StopAsync();
        }

        await Sql("delete from registry.mt_doc_registryunit; delete from registry.mt_doc_recipient; delete from emulation.mt_doc_feedfilled where id = 'directory-feed/registry'");
        var nodes = await Task.WhenAll(HostProcess.StartAsync(Connection), HostProcess.StartAsync(Connection));
        try
        {
            await Until(async () => await Count("emulation.mt_doc_feedfilled") == Consumers && await CopiesComplete(), "the copies to be refilled");
            Assert.Equal(1, await Count("emulation.mt_doc_feedrewound"));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>Every <c>ConsumeFeed</c> of the modules: the Registry's, Monitoring's and Review's copies of the Directory
    /// feed, Monitoring's and Review's of the Registry feed, Review's of Monitoring's feed, Awards' of the Directory's, of
    /// Review's and of the Registry's feeds, the Directory's of the Registry's catalog feed. A module that adds one adds
    /// it here.</summary>
    const int Consumers = 10;

    async Task<bool> CopiesComplete() =>
        await Count("registry.mt_doc_registryunit") == await Count("directory.mt_doc_unit")
        && await Count("registry.mt_doc_recipient") == await Count("directory.mt_doc_person");

    static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "waited 120 s for " + what);
            await Task.Delay(250);
        }
    }

    async Task<long> Count(string table)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand($"select to_regclass('{table}') is not null", connection))
            if (!(bool)(await exists.ExecuteScalarAsync())!) return -1;
        await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
