using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Microsoft.Extensions.Options;
using Emulation.Registry.Reminders;

namespace Emulation.Registry.Models;

public sealed record RejectModel(string? Reason, long? Version);

/// <summary>The board refuses the registration, with a reason; the unit is told.</summary>
public static class RejectModelEndpoint
{
    [WolverinePost("/api/registry/models/{id}/reject"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ModelSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, RejectModel command, [WriteAggregate(Required = false)] Model? model,
        IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock,
        IMessageBus bus, IOptions<ReminderOptions> options)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (ModelSteps.Refuse(model, context.Access, "reject", command.Version) is { } refusal) return (refusal, []);
        var (result, events) = Decide(model!, command, context.Access.User.Id, clock.GetUtcNow());
        foreach (var decided in events.OfType<ModelRejected>())
        {
            await Notices.SendAsync(session, bus, options.Value, Notices.Decided(model!, decided, context.Access.Tree));
            session.Delete<ModelNameClaim>(ModelNameClaim.Of(model!));
        }
        return (result, events);
    }

    public static (IResult, Events) Decide(Model model, RejectModel command, Guid by, DateTimeOffset now)
    {
        var errors = new Errors().Required(command.Reason, "reason", "lý do", ModelRules.MaxReason);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new ModelSaved(model.Id, model.Version + 1)), [new ModelRejected(model.Id, ModelSteps.Reason(command.Reason)!, by, now)]);
    }
}
