using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.Benchmarks;

/// <summary>What every scenario starts from: a new database, the host on it in Production settings with the demo data,
/// listening on a loopback port, and an HTTP client to it; plus the period open for registration that the scenarios
/// register their models in.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    const string Database = "emulation_bench";

    WebApplicationFactory<global::Program> _factory = null!;
    public required string ConnectionString { get; init; }
    public required HttpClient Http { get; init; }
    public IServiceProvider Services => _factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static async Task<BenchHost> StartAsync(string adminDb, int maxConnections = 256, Action<IServiceCollection>? services = null)
    {
        await using (var server = new NpgsqlConnection(adminDb))
        {
            await server.OpenAsync();
            await new NpgsqlCommand($"drop database if exists {Database} with (force)", server).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"create database {Database}", server).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(adminDb) { Database = Database, MaxPoolSize = 100 }.ConnectionString;
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EMULATION_HOST", Path.GetFullPath("src/Host"));
        var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Emulation", connectionString);
            b.UseSetting("DemoData:Seed", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:Console:FormatterName", "simple");
            b.UseSetting("urls", "http://127.0.0.1:0");
            if (services is not null) b.ConfigureTestServices(services);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        return new BenchHost { ConnectionString = connectionString, Http = http, _factory = factory };
    }

    /// <summary>A campaign with a one-year period whose registration is open today, made by the administrator.</summary>
    public static async Task<Guid> OpenPeriodAsync(Client admin, string campaignName)
    {
        var today = Today;
        var campaign = await admin.Ok(HttpMethod.Post, "/api/registry/campaigns", new { name = campaignName, startYear = today.Year, endYear = today.Year + 1 });
        return (await admin.Ok(HttpMethod.Post, $"/api/registry/campaigns/{campaign.GetProperty("id")}/periods", new
        {
            name = "Năm đo", kind = "Year", from = today.AddMonths(-1), to = today.AddMonths(6), registrationOpens = today.AddDays(-1),
            registrationCloses = today.AddMonths(1), version = 1
        })).GetProperty("id").GetGuid();
    }

    /// <summary>Today in Vietnam by the machine's clock (the load generator's, not the host's possibly moved one).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>The report's heading and the table's header, the same for every scenario.</summary>
    public static Report Report(string title, string[] args, string detail)
    {
        var report = new Report();
        report.Line($"# {title}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        report.Line($"`./build.sh bench {string.Join(' ', args)}` ({detail})");
        report.Line("");
        report.Line("| what | measured | goal |");
        report.Line("|---|---|---|");
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }
}
