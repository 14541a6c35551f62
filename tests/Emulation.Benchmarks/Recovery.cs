using System.Diagnostics;
using System.Text.Json;
using Emulation.IntegrationTests.Support;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --recovery [--rounds 5]: hosts as real processes on a database of their own. "restart": the
/// node running the daemon is killed with SIGKILL and another is started; "takeover": two nodes run, the one holding the
/// daemon is killed and the other carries on. Each round times, from the kill (and from the new process's start), until
/// a unit registered after the kill is in the registry's copy (ADR 0016, docs/performance.md).</summary>
public static class Recovery
{
    public static async Task RunAsync(string adminDb, int rounds)
    {
        const string Database = "emulation_recovery";
        await using (var server = new NpgsqlConnection(adminDb))
        {
            await server.OpenAsync();
            await new NpgsqlCommand($"drop database if exists {Database} with (force)", server).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"create database {Database}", server).ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(adminDb) { Database = Database, MaxPoolSize = 20 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(connection);
        var production = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterName"] = "simple",
            ["SignIn__AttemptsPerMinute"] = "100000"
        };

        var nodes = new List<HostProcess>();
        var report = new List<string>();
        try
        {
            nodes.Add(await HostProcess.StartAsync(connection, new Dictionary<string, string>(production) { ["DemoData__Seed"] = "true" }));
            await WaitFor(async () => await Scalar<long>(db, "select count(*) from registry.mt_doc_campaign") > 0, TimeSpan.FromMinutes(3));
            foreach (var mode in new[] { "restart", "takeover" })
            {
                var fromKill = new Samples();
                var fromAnswer = new Samples();
                for (var round = 0; round < rounds; round++)
                {
                    // The node that has run longest holds the daemon; a standby joins it for a takeover.
                    if (mode == "takeover") nodes.Add(await HostProcess.StartAsync(connection, production));
                    await CreateAndWait(nodes[^1], db, TimeSpan.FromMinutes(3));
                    var leader = nodes[0];
                    var killed = Stopwatch.StartNew();
                    leader.Kill();
                    nodes.Remove(leader);
                    if (mode == "restart") nodes.Add(await HostProcess.StartAsync(connection, production));
                    var answering = Stopwatch.StartNew();
                    await CreateAndWait(nodes[0], db, TimeSpan.FromMinutes(3));
                    fromKill.Add(killed.Elapsed.TotalMilliseconds);
                    fromAnswer.Add(answering.Elapsed.TotalMilliseconds);
                    Console.WriteLine($"{mode} round {round + 1}: {killed.Elapsed.TotalSeconds:N1} s from the kill, {answering.Elapsed.TotalSeconds:N1} s from the surviving node answering");
                }
                report.Add($"| {mode}, {rounds} rounds | from the kill: {fromKill.Summary} | from the node answering: {fromAnswer.Summary} |");
            }
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
        Console.WriteLine("| kill -9 of the daemon's node | until a unit registered after it reaches the registry's copy | |");
        Console.WriteLine("|---|---|---|");
        foreach (var line in report) Console.WriteLine(line);
    }

    /// <summary>Registers a unit through this node's API (retrying while the node is not ready) and waits until the
    /// registry's copy holds it.</summary>
    static async Task CreateAndWait(HostProcess node, NpgsqlDataSource db, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var code = "PH-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var province = await Scalar<Guid>(db, "select id from directory.mt_doc_unit where data->>'Code' = 'CM'");
        Client? admin = null;
        while (true)
        {
            try
            {
                admin ??= await Client.SignIn(http, "quantri");
                await admin.Ok(HttpMethod.Post, "/api/directory/units", new { code, name = "Xã Phục Hồi " + code, kind = "Commune", parentId = province, effectiveFrom = "2020-01-01" });
                break;
            }
            // Not answering yet, or 503 while its database connections come up; a 4xx is a mistake here and stops the run.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException || e.Message.Contains(": 503"))
            {
                if (clock.Elapsed > limit) throw;
                await Task.Delay(100);
            }
        }
        await WaitFor(async () => await Scalar<long>(db, $"select count(*) from registry.mt_doc_registryunit where data->>'Code' = '{code}'") == 1, limit);
    }

    static async Task WaitFor(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"waited {limit}");
            await Task.Delay(50);
        }
    }

    static async Task<T> Scalar<T>(NpgsqlDataSource db, string sql) => (T)(await db.CreateCommand(sql).ExecuteScalarAsync())!;
}
