using System.Net.Http.Headers;
using System.Net.Http.Json;
using JasperFx;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.IntegrationTests.Support;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>One host for the whole run, on Kestrel (so the browser tests reach it too), against a fresh
/// PostgreSQL database made for this run and dropped after it. Test classes keep apart by working on
/// units and people they create with unique codes.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    readonly Dictionary<string, string> _tokens = new();
    WebApplicationFactory<Program> _factory = null!;
    string _adminConnection = "";

    public string Database { get; } = $"emulation_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";
    public string ConnectionString { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public TestClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        _adminConnection = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")
            ?? throw new InvalidOperationException("EMULATION_TEST_ADMIN_DB is not set: run the tests with ./build.sh test, which starts PostgreSQL.");
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = Database, MaxPoolSize = 40 }.ConnectionString;

        // Any free port: a fixed default (5000) collides with another test run on the same machine.
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.1:0");
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Emulation", ConnectionString);
            b.UseSetting("DemoData:Seed", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Registry:Reminders:PendingDays", "0");
            // The whole suite signs in from one address; the limit itself is tested on a host of its own.
            b.UseSetting("SignIn:AttemptsPerMinute", "100000");
            b.UseSetting("Awards:PublicLookup:PerMinute", "100000");
            b.UseSetting("Proxy:Enabled", "true");
            b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        // An explicit loopback port 0: UseKestrel(0) falls back to localhost:5000, which collides with any other run.
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Database}\" with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public HttpClient Anonymous(bool cookies = false) =>
        new(new HttpClientHandler { UseCookies = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async Task<string> TokenFor(string userName, string password = Emulation.Directory.Seed.DirectoryDemoSeed.Password)
    {
        if (_tokens.TryGetValue(userName, out var token)) return token;
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        lock (_tokens) _tokens[userName] = body!.AccessToken;
        return body.AccessToken;
    }

    /// <summary>An API client signed in as the given person with a bearer token.</summary>
    public async Task<Api> As(string userName, string password = Emulation.Directory.Seed.DirectoryDemoSeed.Password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(userName, password));
        return new Api(client);
    }

    sealed record TokenResponse(string AccessToken);
}
