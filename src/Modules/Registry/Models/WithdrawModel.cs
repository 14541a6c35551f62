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

public sealed record WithdrawModel(string? Reason, long? Version);

/// <summary>The unit takes its dossier back before a decision; its name becomes free again in the period.</summary>
public static class WithdrawModelEndpoint
{
    [WolverinePost("/api/registry/models/{id}/withdraw"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, WithdrawModel command, [WriteAggregate(Required = false)] Model? model,
        IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (ModelSteps.Refuse(model, context.Access, "withdraw", command.Version) is { } refusal) return (refusal, []);
        var (result, events) = Decide(model!, command, context.Access.User.Id, clock.GetUtcNow());
        if (events.Count > 0) session.Delete<ModelNameClaim>(ModelNameClaim.Of(model!));
        return (result, events);
    }

    public static (IResult, Events) Decide(Model model, WithdrawModel command, Guid by, DateTimeOffset now)
    {
        var errors = new Errors().Optional(command.Reason, "reason", "lý do", ModelRules.MaxReason);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new ModelSaved(model.Id, model.Version + 1)), [new ModelWithdrawn(model.Id, ModelSteps.Reason(command.Reason), by, now)]);
    }
}
