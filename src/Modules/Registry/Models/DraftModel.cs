using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Models;

/// <summary>A unit officer saves a new registration as a draft; it can be edited until it is submitted.</summary>
public static class DraftModelEndpoint
{
    [WolverinePost("/api/registry/models"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(ModelInput input, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var (replicates, replicatesError) = await ModelLookups.ReplicatesAsync(session, input.ReplicatesCode);
        var details = input.ToDetails(replicates);
        var unitId = UnitOf(input, context.Access);
        var nameTaken = await session.LoadAsync<ModelNameClaim>(ModelNameClaim.Key(unitId, details.PeriodId, details.Name)) is not null;
        var (result, drafted) = Decide(Guid.NewGuid(), unitId, details, context, replicatesError, nameTaken, clock.GetUtcNow());
        if (drafted is null) return result;
        session.Events.StartStream<Model>(drafted.ModelId, drafted);
        session.Insert(new ModelNameClaim { Id = ModelNameClaim.Key(unitId, details.PeriodId, details.Name), ModelId = drafted.ModelId });
        return result;
    }

    /// <summary>An officer of one unit registers for it without saying so; an officer of several must choose.</summary>
    static Guid UnitOf(ModelInput input, RegistryAccess access) =>
        input.UnitId ?? (access.OfficerUnits.Count == 1 ? access.OfficerUnits[0] : Guid.Empty);

    public static (IResult, ModelDrafted?) Decide(Guid id, Guid unitId, ModelDetails details, ModelContext context, string? replicatesError,
        bool nameTaken, DateTimeOffset now)
    {
        var access = context.Access;
        if (unitId == Guid.Empty && access.OfficerUnits.Count > 1) return (Problems.Validation("unitId", "Vui lòng chọn đơn vị đăng ký."), null);
        if (!access.CanActFor(unitId)) return (Problems.Forbidden("Bạn chỉ đăng ký mô hình cho đơn vị của mình."), null);
        var province = access.Tree.Province(unitId);
        if (province is null) return (Problems.Validation("unitId", "Không xác định được tỉnh của đơn vị đăng ký."), null);

        var errors = ModelRules.Check(details, context.Catalog, context.Period(details.PeriodId));
        errors.Add(replicatesError is not null, "replicatesCode", replicatesError ?? "");
        errors.Add(errors.Ok && nameTaken, "name", ModelRules.NameTaken);
        if (!errors.Ok) return (Problems.Validation(errors), null);

        var drafted = new ModelDrafted(id, unitId, province.Id, details, access.User.Id, now);
        return (Results.Created($"/api/registry/models/{id}", new ModelSaved(id, 1)), drafted);
    }
}
