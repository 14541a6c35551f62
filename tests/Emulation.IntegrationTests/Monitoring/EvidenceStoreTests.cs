using System.Security.Cryptography;
using Emulation.Monitoring.Evidence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Both stores behind the one interface, on the real database and a real folder: what goes in comes back
/// byte for byte, and a source that breaks part-way leaves nothing behind.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceStoreTests(AppFixture app) : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-test-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Stores => new() { "postgres", "files" };

    IEvidenceStore Store(string kind) => kind == "postgres" ? app.Services.GetRequiredService<IEvidenceStore>() : new FileEvidenceStore(_folder);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task What_is_written_reads_back_byte_for_byte_and_is_gone_after_delete(string kind)
    {
        var store = Store(kind);
        const long length = 3 * 1024 * 1024 + 12345;
        var id = await store.WriteAsync(new GeneratedFile(length), CancellationToken.None);
        string read;
        await using (var stream = await store.OpenAsync(id, CancellationToken.None))
        {
            Assert.NotNull(stream);
            read = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream!));
        }
        Assert.Equal(GeneratedFile.Sha256Of(() => new GeneratedFile(length)), read);
        await store.DeleteAsync(id, CancellationToken.None);
        Assert.Null(await store.OpenAsync(id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_source_that_breaks_part_way_leaves_nothing(string kind)
    {
        var store = Store(kind);
        var before = await Count(kind);
        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(new GeneratedFile(5_000_000, failAt: 1_300_000), CancellationToken.None));
        Assert.Equal(before, await Count(kind));
    }

    [Fact]
    public async Task An_empty_file_is_stored_as_empty()
    {
        var store = Store("postgres");
        var id = await store.WriteAsync(new MemoryStream(), CancellationToken.None);
        await using var stream = await store.OpenAsync(id, CancellationToken.None);
        Assert.Equal(-1, stream!.ReadByte());
    }

    async Task<long> Count(string kind)
    {
        if (kind == "files") return System.IO.Directory.Exists(_folder) ? System.IO.Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Length : 0;
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {PostgresEvidenceStore.Table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder)) System.IO.Directory.Delete(_folder, recursive: true);
    }
}
