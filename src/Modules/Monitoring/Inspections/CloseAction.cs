using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Wolverine.Marten;

namespace Emulation.Monitoring.Inspections;

public sealed record CloseAction(string? Note, long? Version);

/// <summary>The board closes a follow-up action (done, or no longer needed), with an optional note.</summary>
public static partial class CloseActionEndpoint
{
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
