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

public sealed record FindingInput(Guid? ModelId, string? Findings, InspectionRating? Rating);

public sealed record ActionInput(Guid? ModelId, string? Description, DateOnly? DueOn);

public sealed record RecordInspection(DateOnly? VisitedOn, IReadOnlyList<string?>? Members, IReadOnlyList<FindingInput?>? Findings,
    IReadOnlyList<ActionInput?>? Actions, long? Version);

/// <summary>The board records the visit: who went, what it found and how it rates each model, and what each unit must do by when.</summary>
public static class RecordInspectionEndpoint
{
    [WolverinePost("/api/monitoring/inspections/{id}/record"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InspectionSaved>(StatusCodes.Status200OK)]
    public static (IResult, Events, OutgoingMessages) Post(Guid id, RecordInspection command, [WriteAggregate(Required = false)] Inspection? inspection,
        InspectionAccess access, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var (result, events) = Decide(inspection, command, inspection is not null && access.OnBoard(user, inspection.BoardId), user.Id, clock.GetUtcNow(), Guid.NewGuid);
        return (result, events, InspectionSteps.Changed(inspection, events));
    }

    public static (IResult, Events) Decide(Inspection? inspection, RecordInspection command, bool onBoard, Guid by, DateTimeOffset now, Func<Guid> newId)
    {
        var wrongState = inspection?.Status == InspectionStatus.Recorded ? "Kết quả cuộc kiểm tra, giám sát này đã được ghi nhận." : null;
        if (InspectionSteps.Refuse(inspection, onBoard, InspectionSteps.BoardOnly, wrongState, command.Version) is { } refusal) return (refusal, []);
        var i = inspection!;
        var today = InspectionSteps.Today(now);
        var errors = new Errors().PastDate(command.VisitedOn, "visitedOn", "ngày kiểm tra, giám sát", today);

        var members = (command.Members ?? []).Select(InspectionSteps.Clean).OfType<string>().ToList();
        errors.Add(members.Count == 0, "members", "Vui lòng nhập thành phần đoàn (mỗi người một dòng).")
            .Add(members.Count > InspectionSteps.MaxMembers, "members", $"Thành phần đoàn tối đa {InspectionSteps.MaxMembers} người.")
            .Add(members.Any(m => m.Length > InspectionSteps.MaxName), "members", $"Mỗi dòng thành phần đoàn không quá {InspectionSteps.MaxName} ký tự.");

        var findings = new List<ModelFinding>();
        var given = command.Findings ?? [];
        for (var n = 0; n < given.Count; n++)
        {
            var f = given[n];
            var field = $"findings[{n}]";
            if (f?.ModelId is not { } model || i.Model(model) is null) { errors.Add(true, field + ".modelId", "Mô hình này không thuộc cuộc kiểm tra, giám sát."); continue; }
            var text = InspectionSteps.Clean(f.Findings);
            errors.Required(text, field + ".findings", "nhận xét, kết quả", InspectionSteps.MaxText)
                .Add(f.Rating is null, field + ".rating", "Vui lòng chọn xếp loại.")
                .Add(findings.Any(x => x.ModelId == model), field + ".modelId", "Mỗi mô hình chỉ ghi nhận một kết quả.");
            if (text is not null && f.Rating is { } rating) findings.Add(new ModelFinding(model, text, rating));
        }
        foreach (var missing in i.Models.Where(m => given.All(f => f?.ModelId != m.ModelId)))
            errors.Add(true, "findings", $"Vui lòng ghi nhận kết quả của mô hình “{missing.Name}”.");

        var actions = new List<FollowUpAction>();
        var asked = command.Actions ?? [];
        errors.Add(asked.Count > InspectionSteps.MaxActions, "actions", $"Tối đa {InspectionSteps.MaxActions} việc sau kiểm tra.");
        for (var n = 0; n < asked.Count; n++)
        {
            var a = asked[n];
            var description = InspectionSteps.Clean(a?.Description);
            // An untouched row of the form (nothing typed) is not an action; a description without a due date is refused.
            if (a is null || description is null && a.DueOn is null) continue;
            var field = $"actions[{n}]";
            var model = a.ModelId is { } m ? i.Model(m) : null;
            errors.Add(model is null, field + ".modelId", "Vui lòng chọn mô hình của cuộc kiểm tra, giám sát mà việc này giao cho.")
                .Required(description, field + ".description", "nội dung việc cần làm", InspectionSteps.MaxShort)
                .Add(a.DueOn is null, field + ".dueOn", "Vui lòng nhập hạn hoàn thành.")
                .Add(a.DueOn is { } due && command.VisitedOn is { } visited && due < visited, field + ".dueOn", "Hạn hoàn thành không được trước ngày kiểm tra, giám sát.")
                .Add(a.DueOn > today.AddYears(5), field + ".dueOn", "Hạn hoàn thành không quá năm năm tới.");
            if (model is not null && description is not null && a.DueOn is { } dueOn)
                actions.Add(new FollowUpAction(newId(), model.ModelId, model.UnitId, model.Name, description, dueOn));
        }
        if (!errors.Ok) return (Problems.Validation(errors), []);

        var recorded = new InspectionRecorded(i.Id, i.BoardId, i.Kind, command.VisitedOn!.Value, members, findings, actions, by, now);
        return (Results.Ok(new InspectionSaved(i.Id, i.Version + 1)), [recorded]);
    }
}
