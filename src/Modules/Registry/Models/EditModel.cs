using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Models;

/// <summary>The unit revises its draft or returned dossier (the body is the whole dossier, as for a draft).</summary>
public static class EditModelEndpoint
{
    [WolverinePut("/api/registry/models/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Put(Guid id, ModelInput input, [WriteAggregate(Required = false)] Model? model,
        IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (ModelSteps.Refuse(model, context.Access, "edit", input.Version) is { } refusal) return (refusal, []);
        var (replicates, replicatesError) = await ModelLookups.ReplicatesAsync(session, input.ReplicatesCode, id);
        var details = input.ToDetails(replicates);
        var current = model!;
        var oldKey = ModelNameClaim.Of(current);
        var newKey = ModelNameClaim.Key(current.UnitId, details.PeriodId, details.Name);
        var nameTaken = newKey != oldKey && await session.LoadAsync<ModelNameClaim>(newKey) is not null;
        var (result, events) = Decide(current, details, context, replicatesError, nameTaken, context.Access.User.Id, clock.GetUtcNow());
        if (events.Count > 0 && newKey != oldKey)
        {
            session.Delete<ModelNameClaim>(oldKey);
            session.Insert(new ModelNameClaim { Id = newKey, ModelId = id });
        }
        return (result, events);
    }

    public static (IResult, Events) Decide(Model model, ModelDetails details, ModelContext context, string? replicatesError, bool nameTaken,
        Guid by, DateTimeOffset now)
    {
        var errors = ModelRules.Check(details, context.Catalog, context.Period(details.PeriodId));
        errors.Add(replicatesError is not null, "replicatesCode", replicatesError ?? "");
        errors.Add(errors.Ok && nameTaken, "name", ModelRules.NameTaken);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new ModelSaved(model.Id, model.Version + 1)), [new ModelEdited(model.Id, details, by, now)]);
    }
}
