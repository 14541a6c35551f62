using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Monitoring.Inspections;

public sealed record CloseAction(string? Note, long? Version);

/// <summary>The board closes a follow-up action (done, or no longer needed), with an optional note.</summary>
public static class CloseActionEndpoint
{
    [WolverinePost("/api/monitoring/inspections/{id}/actions/{actionId}/close"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InspectionSaved>(StatusCodes.Status200OK)]
    public static (IResult, Events, OutgoingMessages) Post(Guid id, Guid actionId, CloseAction command, [WriteAggregate(Required = false)] Inspection? inspection,
        InspectionAccess access, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var (result, events) = Decide(inspection, actionId, command, inspection is not null && access.OnBoard(user, inspection.BoardId), user.Id, clock.GetUtcNow());
        return (result, events, InspectionSteps.Changed(inspection, events));
    }

    public static (IResult, Events) Decide(Inspection? inspection, Guid actionId, CloseAction command, bool onBoard, Guid by, DateTimeOffset now)
    {
        var action = inspection?.Action(actionId);
        if (action is null) return (Problems.NotFound("Không tìm thấy việc sau kiểm tra."), []);
        var wrongState = action.Closed ? "Việc này đã được đóng." : null;
        if (InspectionSteps.Refuse(inspection, onBoard, InspectionSteps.BoardOnly, wrongState, command.Version) is { } refusal) return (refusal, []);
        var note = InspectionSteps.Clean(command.Note);
        var errors = new Errors().Optional(note, "note", "ghi chú", InspectionSteps.MaxShort);
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new InspectionSaved(inspection!.Id, inspection.Version + 1)), [new ActionClosed(inspection.Id, actionId, note, by, now)]);
    }
}
