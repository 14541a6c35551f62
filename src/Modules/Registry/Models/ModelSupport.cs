using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Registry.Models;

/// <summary>Reserves a name per unit and period, so an exact duplicate (ignoring diacritics, case and spacing)
/// cannot be stored even by two requests at the same moment: the id is the key.</summary>
public sealed class ModelNameClaim
{
    public string Id { get; set; } = "";
    public Guid ModelId { get; set; }

    public static string Key(Guid unitId, Guid periodId, string name) => $"{unitId:N}:{periodId:N}:{Similarity.Key(name)}";

    /// <summary>The claim a model holds on its name in its period, released when it is withdrawn or rejected.</summary>
    public static string Of(Model model) => Key(model.UnitId, model.Details.PeriodId, model.Details.Name);
}

/// <summary>What every model command needs to hand: the caller's access, the catalog and the periods.</summary>
public sealed record ModelContext(RegistryAccess Access, RegistryCatalog Catalog, IReadOnlyList<PeriodView> Periods)
{
    public PeriodView? Period(Guid id) => Periods.FirstOrDefault(p => p.Id == id);

    public static async Task<ModelContext> LoadAsync(HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var reference = await ctx.RequestServices.GetRequiredService<ReferenceData>().GetAsync();
        return new(new RegistryAccess(ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted)), reference.Catalog, reference.Periods);
    }
}

public static class ModelLookups
{
    /// <summary>Finds the model a registration says it replicates, by registry code; only an accepted model has one.
    /// Read from <see cref="AcceptedCode"/>, written with the acceptance, so a code works the moment it is returned.</summary>
    public static async Task<(Guid? Id, string? Error)> ReplicatesAsync(IQuerySession session, string? code, Guid self = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return (null, null);
        var clean = code.Trim().ToUpperInvariant();
        var source = await session.LoadAsync<AcceptedCode>(clean);
        if (source is null) return (null, $"Không tìm thấy mô hình đã công nhận có mã “{clean}”.");
        return source.ModelId == self ? (null, "Mô hình không thể nhân rộng từ chính nó.") : (source.ModelId, null);
    }

    /// <summary>The next registry code for a province and period year. Drawn in its own statement so concurrent
    /// accepts never get the same number; a refused accept can leave a gap, never a duplicate.</summary>
    public static async Task<string> NextCodeAsync(IDocumentStore store, string provinceCode, int year, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"insert into {RegistryModule.Schema}.code_counter as c (key, last) values (@key, 1) " +
                              "on conflict (key) do update set last = c.last + 1 returning last";
        command.Parameters.Add(new Npgsql.NpgsqlParameter("key", $"{provinceCode}-{year}"));
        var next = (int)(await command.ExecuteScalarAsync(ct))!;
        return ModelRules.Code(provinceCode, year, next);
    }
}
