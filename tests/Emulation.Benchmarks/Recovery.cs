using System.Diagnostics;
using System.Text.Json;
using Emulation.IntegrationTests.Support;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --recovery [--rounds 5]: hosts as real processes on a database of their own. "restart": the
/// node running the daemon is killed with SIGKILL and another is started; "takeover": two nodes run, the one holding the
/// daemon is killed and the other carries on. Each round times, from the kill (and from the new process's start), until
/// a unit registered after the kill is in the registry's copy (a feed subscription) and until a model drafted after the
/// kill is found by the registry's search list over the API (an asynchronous projection): the two kinds of work the
/// daemon's node runs (ADR 0016, docs/performance.md).</summary>
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
            Guid period;
            using (var http = new HttpClient { BaseAddress = nodes[0].BaseAddress })
                period = await BenchHost.OpenPeriodAsync(await Client.SignIn(http, "quantri"), "Đợt đo phục hồi");
            foreach (var mode in new[] { "restart", "takeover" })
            {
                var fromKill = new Samples();
                var fromAnswer = new Samples();
                var listFromKill = new Samples();
                for (var round = 0; round < rounds; round++)
                {
                    // The node that has run longest holds the daemon; a standby joins it for a takeover.
                    if (mode == "takeover") nodes.Add(await HostProcess.StartAsync(connection, production));
                    await CreateAndWait(nodes[^1], db, TimeSpan.FromMinutes(3));
                    await DraftAndFind(nodes[^1], period, TimeSpan.FromMinutes(3));
                    var leader = nodes[0];
                    var killed = Stopwatch.StartNew();
                    leader.Kill();
                    nodes.Remove(leader);
                    if (mode == "restart") nodes.Add(await HostProcess.StartAsync(connection, production));
                    var answering = Stopwatch.StartNew();
                    var listed = Task.Run(async () =>
                    {
                        await DraftAndFind(nodes[0], period, TimeSpan.FromMinutes(3));
                        return killed.Elapsed.TotalMilliseconds;
                    });
                    await CreateAndWait(nodes[0], db, TimeSpan.FromMinutes(3));
                    fromKill.Add(killed.Elapsed.TotalMilliseconds);
                    fromAnswer.Add(answering.Elapsed.TotalMilliseconds);
                    listFromKill.Add(await listed);
                    Console.WriteLine($"{mode} round {round + 1}: {killed.Elapsed.TotalSeconds:N1} s from the kill, {answering.Elapsed.TotalSeconds:N1} s from the surviving node answering; the search list {listFromKill.P(100) / 1000:N1} s at worst so far");
                }
                report.Add($"| {mode}, {rounds} rounds | unit in the registry's copy, from the kill: {fromKill.Summary}; from the node answering: {fromAnswer.Summary} | model drafted after the kill found by the search list, from the kill: {listFromKill.Summary} |");
            }
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
        Console.WriteLine("| kill -9 of the daemon's node | until a unit registered after it reaches the registry's copy (a feed) | until a model drafted after it is found by the search list (a projection) |");
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

    /// <summary>An officer drafts a model through this node's API (retrying while the node is not ready) and searches its
    /// name until the registry's list finds it.</summary>
    static async Task DraftAndFind(HostProcess node, Guid period, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var name = "Mô hình phục hồi " + Guid.NewGuid().ToString("N")[..8];
        Client? officer = null;
        while (true)
        {
            try
            {
                officer ??= await Client.SignIn(http, "canbo.phuong1");
                await officer.Ok(HttpMethod.Post, "/api/registry/models", Workload.Dossier(period, name));
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException || e.Message.Contains(": 503"))
            {
                if (clock.Elapsed > limit) throw;
                await Task.Delay(100);
            }
        }
        await WaitFor(async () =>
        {
            try
            {
                var (status, body, _) = await officer.Get("/api/registry/models?q=" + Uri.EscapeDataString(name));
                return status == System.Net.HttpStatusCode.OK && body.GetProperty("total").GetInt64() >= 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
        }, limit);
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
