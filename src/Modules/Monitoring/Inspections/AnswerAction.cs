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

public sealed record AnswerAction(string? Answer, DateOnly? AnsweredOn, long? Version);

/// <summary>The model's unit reports what it did about a follow-up action; it may answer again until the board closes it.</summary>
public static class AnswerActionEndpoint
{
    [WolverinePost("/api/monitoring/inspections/{id}/actions/{actionId}/answer"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InspectionSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events, OutgoingMessages)> Post(Guid id, Guid actionId, AnswerAction command, [WriteAggregate(Required = false)] Inspection? inspection,
        IDocumentSession session, InspectionAccess access, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var model = inspection?.Action(actionId)?.ModelId;
        var mine = model is { } m && await access.ActsForModelAsync(session, user, m, ctx.RequestAborted);
        var (result, events) = Decide(inspection, actionId, command, mine, user.Id, clock.GetUtcNow());
        return (result, events, InspectionSteps.Changed(inspection, events));
    }

    public const string UnitOnly = "Chỉ cán bộ của đơn vị có mô hình được trả lời việc sau kiểm tra.";

    public static (IResult, Events) Decide(Inspection? inspection, Guid actionId, AnswerAction command, bool actsForUnit, Guid by, DateTimeOffset now)
    {
        var action = inspection?.Action(actionId);
        if (action is null) return (Problems.NotFound("Không tìm thấy việc sau kiểm tra."), []);
        var wrongState = action.Closed ? "Ban đã đóng việc này: không trả lời thêm được." : null;
        if (InspectionSteps.Refuse(inspection, actsForUnit, UnitOnly, wrongState, command.Version) is { } refusal) return (refusal, []);
        var answer = InspectionSteps.Clean(command.Answer);
        var errors = new Errors().Required(answer, "answer", "nội dung trả lời", InspectionSteps.MaxText)
            .PastDate(command.AnsweredOn, "answeredOn", "ngày thực hiện", InspectionSteps.Today(now))
            .Add(command.AnsweredOn < inspection!.VisitedOn, "answeredOn", "Ngày thực hiện không được trước ngày kiểm tra, giám sát.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new InspectionSaved(inspection.Id, inspection.Version + 1)),
            [new ActionAnswered(inspection.Id, actionId, answer!, command.AnsweredOn!.Value, by, now)]);
    }
}
