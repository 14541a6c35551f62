using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Registry.Models;

public sealed record ModelSaved(Guid Id, long Version);

/// <summary>A unit officer saves a new registration as a draft; it can be edited until it is submitted.</summary>
public static class DraftModelEndpoint
{
    [WolverinePost("/api/registry/models"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Post(ModelInput input, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var access = context.Access;
        var unitId = input.UnitId ?? (access.OfficerUnits.Count == 1 ? access.OfficerUnits[0] : Guid.Empty);
        if (unitId == Guid.Empty && access.OfficerUnits.Count > 1) return Problems.Validation("unitId", "Vui lòng chọn đơn vị đăng ký.");
        if (!access.CanActFor(unitId)) return Problems.Forbidden("Bạn chỉ đăng ký mô hình cho đơn vị của mình.");
        var province = access.Tree.Province(unitId);
        if (province is null) return Problems.Validation("unitId", "Không xác định được tỉnh của đơn vị đăng ký.");

        var (replicates, replicatesError) = await ModelLookups.ReplicatesAsync(session, input.ReplicatesCode);
        var details = input.ToDetails(replicates);
        var errors = ModelRules.Check(details, context.Catalog, context.Period(details.PeriodId));
        errors.Add(replicatesError is not null, "replicatesCode", replicatesError ?? "");
        if (errors.Ok && await session.LoadAsync<ModelNameClaim>(ModelNameClaim.Key(unitId, details.PeriodId, details.Name)) is not null)
            errors.Add(true, "name", "Đơn vị đã đăng ký một mô hình, điển hình cùng tên trong kỳ này.");
        if (!errors.Ok) return Problems.Validation(errors);

        var drafted = new ModelDrafted(Guid.NewGuid(), unitId, province.Id, details, access.User.Id, clock.GetUtcNow());
        session.Events.StartStream<Model>(drafted.ModelId, drafted);
        session.Insert(new ModelNameClaim { Id = ModelNameClaim.Key(unitId, details.PeriodId, details.Name), ModelId = drafted.ModelId });
        return Results.Created($"/api/registry/models/{drafted.ModelId}", new ModelSaved(drafted.ModelId, 1));
    }
}
