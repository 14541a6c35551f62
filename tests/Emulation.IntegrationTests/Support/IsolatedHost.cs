using Npgsql;

namespace Emulation.IntegrationTests.Support;

/// <summary>A second host, in a process of its own, with a database of its own reached through a relay the test
/// can cut, so PostgreSQL can "go down" for this host alone (the shared cluster is never touched), and with a
/// sign-in limit low enough to reach.</summary>
public sealed class IsolatedHost : IAsyncLifetime
{
    public const int AttemptsPerMinute = 3;
    readonly string _admin = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")!;
    readonly string _database = $"emulation_isolated_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    public TcpProxy Proxy { get; private set; } = null!;
    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Admin($"create database \"{_database}\"");
        Proxy = new TcpProxy(new NpgsqlConnectionStringBuilder(_admin).Port);
        Proxy.Start();
        var through = new NpgsqlConnectionStringBuilder(_admin) { Port = Proxy.Port, Database = _database, MaxPoolSize = 20, Timeout = 3 };
        Host = await HostProcess.StartAsync(through.ConnectionString, new Dictionary<string, string>
        {
            ["SignIn__AttemptsPerMinute"] = AttemptsPerMinute.ToString(),
            ["Awards__PublicLookup__PerMinute"] = AttemptsPerMinute.ToString()
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        await Admin($"drop database if exists \"{_database}\" with (force)");
    }

    async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
