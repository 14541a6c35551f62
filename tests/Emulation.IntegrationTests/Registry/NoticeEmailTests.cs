using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Emulation.IntegrationTests.Registry;

/// <summary>With e-mail configured, a notice (the board told of a submission) is e-mailed to the role's holders through
/// the reminders' at-most-once path (ADR 0016). A host process of its own, since e-mail is off in the shared host.</summary>
[Collection(HostProcesses.Name)]
public sealed class NoticeEmailTests : IAsyncLifetime
{
    readonly string _admin = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")!;
    readonly string _database = $"emulation_notices_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    string Connection => new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 20 }.ConnectionString;

    public Task InitializeAsync() => Admin($"create database \"{_database}\"");

    public Task DisposeAsync() => Admin($"drop database if exists \"{_database}\" with (force)");

    [Fact]
    public async Task A_submission_notice_is_emailed_once_to_the_boards_secretary()
    {
        await using var smtp = new FakeSmtpServer();
        await using var host = await HostProcess.StartAsync(Connection, new Dictionary<string, string>
        {
            ["DemoData__Seed"] = "true", ["SignIn__AttemptsPerMinute"] = "1000",
            ["Registry__Reminders__Email__Enabled"] = "true", ["Registry__Reminders__Email__Host"] = "127.0.0.1",
            ["Registry__Reminders__Email__Port"] = smtp.Port.ToString()
        });
        await Until(async () => await Count("select count(*) from registry.mt_doc_campaign") > 0, "the demo data");
        using var admin = await SignIn(host, "quantri");
        var secretary = (await admin.Get("/api/directory/people")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Single(p => p.GetProperty("userName").GetString() == "thuky.phuong1");
        (await admin.Post($"/api/directory/people/{secretary.GetProperty("id")}/details", new
        {
            fullName = secretary.GetProperty("fullName").GetString(), email = "thuky.phuong1@example.vn", version = secretary.GetProperty("version").GetInt64()
        })).Expect(HttpStatusCode.OK);
        await Until(async () => await Count("select count(*) from registry.mt_doc_recipient where data->>'Email' = 'thuky.phuong1@example.vn'") == 1,
            "the registry's copy of the secretary's address");

        using var officer = await SignIn(host, "canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(period, "Mô hình báo thư điện tử"));
        (await officer.Submit(id, version)).Expect(HttpStatusCode.OK);

        await Until(() => Task.FromResult(Mails(smtp).Count == 1), "the e-mail");
        await Task.Delay(1000);
        var mail = Assert.Single(Mails(smtp));
        Assert.Contains("thuky.phuong1@example.vn", mail);
    }

    static List<string> Mails(FakeSmtpServer smtp)
    {
        lock (smtp.Messages) return smtp.Messages.Where(m => m.Contains("thuky.phuong1@example.vn")).ToList();
    }

    static async Task<Api> SignIn(HostProcess host, string userName) => new(await host.SignInAsync(userName));

    static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "waited 120 s for " + what);
            await Task.Delay(250);
        }
    }

    async Task<long> Count(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return -1; }
    }

    async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
