using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;

namespace Emulation.Kernel.Import;

/// <summary>One confirmation at a time per kind of import, across every node (ADR 0051): a transaction-scoped advisory
/// lock on a connection of its own, held while the confirmation checks and stores. A second confirmation waits, then
/// finds the first one's rows in the store (the check runs again because the store moved) and stores only what is still
/// new, instead of colliding with it part-way. The lock ends with the transaction, so a crashed request or node cannot
/// keep it.</summary>
public sealed class ImportGate : IAsyncDisposable
{
    /// <summary>The first of the two keys every import gate uses ("EMUL"); Marten and Hangfire take one-key locks, a
    /// separate key space in PostgreSQL.</summary>
    const int Space = 0x454D554C;

    readonly NpgsqlConnection connection;
    readonly NpgsqlTransaction transaction;

    ImportGate(NpgsqlConnection connection, NpgsqlTransaction transaction) => (this.connection, this.transaction) = (connection, transaction);

    public static async Task<ImportGate> EnterAsync(IDocumentStore store, string kind, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(@space, @kind)", connection, transaction);
            command.Parameters.AddWithValue("space", Space);
            command.Parameters.AddWithValue("kind", Key(kind));
            await command.ExecuteNonQueryAsync(ct);
            return new ImportGate(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static int Key(string kind) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(kind)), 0);

    public async ValueTask DisposeAsync()
    {
        try { await transaction.RollbackAsync(); }
        catch (NpgsqlException) { /* the connection is broken: closing it ends the lock as well */ }
        finally { await connection.DisposeAsync(); }
    }
}
