using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Monitoring.Inspections;

public sealed record ScheduleInspection(InspectionKind? Kind, DateOnly? PlannedOn, string? Purpose, IReadOnlyList<Guid>? ModelIds, Guid? BoardId);

/// <summary>A followed model the caller named, with the boards covering it today.</summary>
public sealed record ScheduleCandidate(Guid ModelId, Guid UnitId, string Name, IReadOnlyCollection<Guid> CoveringBoards);

/// <summary>The covering board plans a visit to one or more of its models.</summary>
public static class ScheduleInspectionEndpoint
{
    [WolverinePost("/api/monitoring/inspections"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InspectionSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(ScheduleInspection command, IDocumentSession session, InspectionAccess access, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        // One more than allowed is enough for Decide to refuse a list that is too long.
        var ids = (command.ModelIds ?? []).Distinct().Take(InspectionSteps.MaxModels + 1).ToList();
        var found = await access.CandidatesAsync(session, ids, ctx.RequestAborted);
        var (result, scheduled) = Decide(Guid.NewGuid(), command with { ModelIds = ids }, access.Boards(user), found, user.Id, clock.GetUtcNow());
        if (scheduled is not null) session.Events.StartStream<Inspection>(scheduled.InspectionId, scheduled);
        return result;
    }

    /// <param name="boards">The boards the caller sits on (member or secretary).</param>
    /// <param name="found">The followed models among <see cref="ScheduleInspection.ModelIds"/>; an id missing here does not exist.</param>
    public static (IResult, InspectionScheduled?) Decide(Guid id, ScheduleInspection command, IReadOnlyList<Guid> boards,
        IReadOnlyList<ScheduleCandidate> found, Guid by, DateTimeOffset now)
    {
        if (boards.Count == 0) return (Problems.Forbidden(InspectionSteps.BoardOnly), null);
        if (command.BoardId is { } chosen && !boards.Contains(chosen)) return (Problems.Forbidden("Bạn không phải thành viên Ban đã chọn."), null);
        var ids = (command.ModelIds ?? []).Distinct().ToList();
        // Every mistake of the form at once: a person who chose nothing learns in one try that both the kind and the
        // models are missing, not one after the other.
        var today = InspectionSteps.Today(now);
        var purpose = InspectionSteps.Clean(command.Purpose);
        var errors = new Errors()
            .Add(ids.Count == 0, "modelIds", "Vui lòng chọn ít nhất một mô hình cần kiểm tra, giám sát.")
            .Add(ids.Count > InspectionSteps.MaxModels, "modelIds", $"Mỗi cuộc kiểm tra, giám sát gồm tối đa {InspectionSteps.MaxModels} mô hình.")
            .Add(command.Kind is null, "kind", "Vui lòng chọn hình thức (kiểm tra hoặc giám sát).")
            .Add(command.PlannedOn is null, "plannedOn", "Vui lòng nhập ngày dự kiến.")
            .Add(command.PlannedOn < today.AddYears(-1) || command.PlannedOn > today.AddYears(2), "plannedOn",
                "Ngày dự kiến phải trong khoảng một năm trước đến hai năm sau ngày hôm nay.")
            .Optional(purpose, "purpose", "nội dung, mục đích", InspectionSteps.MaxText);
        if (!errors.Ok) return (Problems.Validation(errors), null);
        var byId = found.ToDictionary(f => f.ModelId);
        if (ids.FirstOrDefault(i => !byId.ContainsKey(i)) is var missing && missing != Guid.Empty)
            return (Problems.NotFound($"Không tìm thấy mô hình được theo dõi có mã {missing}."), null);

        var models = ids.Select(i => byId[i]).ToList();
        var able = boards.Where(b => models.All(m => m.CoveringBoards.Contains(b))).ToList();
        var board = command.BoardId ?? (able.Count == 1 ? able[0] : Guid.Empty);
        if (board == Guid.Empty)
            return able.Count > 1
                ? (Problems.Validation("boardId", "Bạn ở nhiều Ban: hãy chọn Ban tiến hành kiểm tra, giám sát."), null)
                : (Problems.Forbidden(NotCovered(models.FirstOrDefault(m => !boards.Any(m.CoveringBoards.Contains)) ?? models[0])), null);
        if (models.FirstOrDefault(m => !m.CoveringBoards.Contains(board)) is { } foreign) return (Problems.Forbidden(NotCovered(foreign)), null);

        var scheduled = new InspectionScheduled(id, board, command.Kind!.Value, command.PlannedOn!.Value, purpose,
            models.Select(m => new InspectedModel(m.ModelId, m.UnitId, m.Name)).ToList(), by, now);
        return (Results.Created($"/api/monitoring/inspections/{id}", new InspectionSaved(id, 1)), scheduled);
    }

    static string NotCovered(ScheduleCandidate m) => $"Mô hình “{m.Name}” do Ban khác theo dõi: Ban của bạn không được kiểm tra, giám sát mô hình này.";
}
