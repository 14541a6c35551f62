using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Emulation.Monitoring.Evidence.Storage;
using Npgsql;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The folder store chosen by configuration (<c>Monitoring:Evidence:Store = files</c>), on a host process of
/// its own with a database of its own: the same upload and download over HTTP, the bytes in the folder and none in
/// the database.</summary>
public sealed class EvidenceFolderStoreTests : IAsyncLifetime
{
    readonly string _admin = Environment.GetEnvironmentVariable("EMULATION_TEST_ADMIN_DB")!;
    readonly string _database = $"emulation_files_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-host-" + Guid.NewGuid().ToString("N"));
    HostProcess _host = null!;
    string _connection = "";

    public async Task InitializeAsync()
    {
        await Admin($"create database \"{_database}\"");
        _connection = new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 20 }.ConnectionString;
        _host = await HostProcess.StartAsync(_connection, new Dictionary<string, string>
        {
            ["DemoData__Seed"] = "true",
            ["Monitoring__Evidence__Store"] = "files",
            ["Monitoring__Evidence__Directory"] = _folder,
            ["Monitoring__Evidence__MaxBytes"] = (5 * 1024 * 1024).ToString()
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Admin($"drop database if exists \"{_database}\" with (force)");
        if (System.IO.Directory.Exists(_folder)) System.IO.Directory.Delete(_folder, recursive: true);
    }

    async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    async Task<Api> As(string userName) => new(await _host.SignInAsync(userName));

    string[] FilesInFolder() => System.IO.Directory.Exists(_folder) ? System.IO.Directory.GetFiles(_folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task Files_go_to_the_folder_and_come_back_and_a_refused_one_leaves_nothing_there()
    {
        using var admin = await As("quantri");
        using var officer = await As("canbo.phuong1");
        using var secretary = await As("thuky.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, "Minh chứng lưu thư mục"));
        await officer.Submit(id, 1);
        (await secretary.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);
        Reply followed = null!;
        for (var i = 0; i < 300 && followed?.Status != HttpStatusCode.OK; i++)
        {
            followed = await officer.Get($"/api/monitoring/models/{id}");
            if (followed.Status != HttpStatusCode.OK) await Task.Delay(100);
        }
        // The feed may still be appending the model's acceptance to the followed stream (this host runs in its own
        // process, so the test cannot wait for the feed itself): a draft refused as stale is tried again on the version
        // read again, as a user reloading the page would.
        var reportId = Guid.Empty;
        for (var attempt = 0; reportId == Guid.Empty; attempt++)
        {
            var version = (await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Version;
            var draft = await officer.Post($"/api/monitoring/models/{id}/reports/draft",
                new { period = EvidenceScenarios.Quarter, version, whatWasDone = "Họp dân, ra quân làm đường" });
            if (draft.Status == HttpStatusCode.OK) reportId = draft.Body.GetProperty("reportId").GetGuid();
            else
            {
                Assert.True(draft.Status == HttpStatusCode.Conflict && attempt < 100, $"draft report: {draft.Status} {draft.Raw}");
                await Task.Delay(200);
            }
        }

        const long size = 3 * 1024 * 1024 + 7;
        var expected = GeneratedFile.Sha256Of(() => new GeneratedFile(size, GeneratedFile.PdfHead, seed: 3));
        var reply = (await officer.Upload(id, reportId, "Sổ theo dõi.pdf", new GeneratedFile(size, GeneratedFile.PdfHead, seed: 3))).Expect(HttpStatusCode.Created);
        Assert.Equal(expected, reply.Body.GetProperty("sha256").GetString());
        (await officer.Upload(id, reportId, "Ảnh.jpg", EvidenceTests.Jpeg(800, 600))).Expect(HttpStatusCode.Created);
        Assert.Equal(3, FilesInFolder().Length);

        (await officer.Upload(id, reportId, "lon.pdf", new GeneratedFile(6 * 1024 * 1024, GeneratedFile.PdfHead))).Expect(HttpStatusCode.RequestEntityTooLarge);
        (await officer.Upload(id, reportId, "gia.png", new GeneratedFile(2 * 1024 * 1024, GeneratedFile.PdfHead))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(3, FilesInFolder().Length);

        using var download = await officer.Client.GetAsync($"/api/monitoring/evidence/{reply.Body.GetProperty("fileId").GetGuid()}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await using (var body = await download.Content.ReadAsStreamAsync())
            Assert.Equal(expected, Convert.ToHexStringLower(await SHA256.HashDataAsync(body)));
        Assert.Equal("Sổ theo dõi.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);

        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {PostgresEvidenceStore.Table}", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
