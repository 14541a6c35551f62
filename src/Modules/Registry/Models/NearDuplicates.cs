using Marten;
using Npgsql;

namespace Emulation.Registry.Models;

/// <summary>Near-duplicate names in the same period and province, found by PostgreSQL's trigram similarity over the
/// folded names (the trigram index narrows the candidates; only the ten closest come back). Drafts, withdrawn and
/// rejected dossiers do not count, nor the model this one declares it replicates.</summary>
public static class NearDuplicates
{
    const string Sql = $"""
        select d.id, d.data ->> 'Name', d.unit_id, d.registry_code, similarity(d.name_key, @key)::float8 as score
        from {RegistryModule.Schema}.mt_doc_modelsummary d
        where d.period_id = @period and d.province_id = @province and d.id <> @self and d.id <> @replicates
          and d.status not in ('Draft', 'Withdrawn', 'Rejected')
          and d.name_key % @key and similarity(d.name_key, @key) >= @threshold
        order by score desc, d.id
        limit 10
        """;

    public static async Task<IReadOnlyList<NearDuplicate>> FindAsync(IDocumentStore store, Model model, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.AddWithValue("key", Similarity.Key(model.Details.Name));
        command.Parameters.AddWithValue("period", model.Details.PeriodId);
        command.Parameters.AddWithValue("province", model.ProvinceId);
        command.Parameters.AddWithValue("self", model.Id);
        command.Parameters.AddWithValue("replicates", model.Details.ReplicatesModelId ?? Guid.Empty);
        command.Parameters.AddWithValue("threshold", Similarity.Threshold);
        var found = new List<NearDuplicate>();
        await using var batch = Similarity.Batch(connection, command);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(new NearDuplicate(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Math.Round(reader.GetDouble(4), 2)));
        return found;
    }
}
