using Emulation.Monitoring.Inspections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.UnitTests;

/// <summary>Inspections decide in pure functions: the inspection, the command and who asks in; events and an answer out.</summary>
public sealed class InspectionDecisionTests
{
    // 10:00 in Vietnam on 2 March 2026.
    static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Today = new(2026, 3, 2);
    static readonly Guid Board = Guid.NewGuid(), OtherBoard = Guid.NewGuid(), Unit = Guid.NewGuid(), By = Guid.NewGuid();
    static readonly ScheduleCandidate Ours = new(Guid.NewGuid(), Unit, "Cán bộ tìm dân", [Board]),
        Second = new(Guid.NewGuid(), Unit, "Mẹ đỡ đầu", [Board, OtherBoard]), Theirs = new(Guid.NewGuid(), Guid.NewGuid(), "Ánh sáng an ninh", [OtherBoard]);

    static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;

    static IDictionary<string, string[]> Errors(IResult result) => ((HttpValidationProblemDetails)((ProblemHttpResult)result).ProblemDetails).Errors;

    static ScheduleInspection Plan(params Guid[] models) => new(InspectionKind.Supervision, Today.AddDays(10), "Giám sát việc duy trì", models, null);

    static Inspection Scheduled()
    {
        var (_, e) = ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId, Second.ModelId), [Board], [Ours, Second], By, Now);
        return Inspection.Create(e!);
    }

    static RecordInspection Visit(DateOnly? visited, params ActionInput[] actions) => new(visited, ["Huỳnh Thị Mai", "  ", "Võ Minh Trí"],
        [new FindingInput(Ours.ModelId, "Duy trì tốt, sổ sách đầy đủ.", InspectionRating.Good), new FindingInput(Second.ModelId, "Chưa họp định kỳ.", InspectionRating.Average)],
        actions, 1);

    static Inspection Recorded(out Guid actionId)
    {
        var i = Scheduled();
        var (_, events) = RecordInspectionEndpoint.Decide(i, Visit(Today, new ActionInput(Second.ModelId, "Tổ chức họp định kỳ hằng tháng", Today.AddDays(30))), true, By, Now, Guid.NewGuid);
        var recorded = Assert.IsType<InspectionRecorded>(Assert.Single(events));
        actionId = recorded.Actions[0].ActionId;
        return i.Apply(recorded) with { Version = 2 };
    }

    [Fact]
    public void The_covering_board_schedules_one_or_many_models()
    {
        var (result, e) = ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId, Second.ModelId, Ours.ModelId), [Board], [Ours, Second], By, Now);
        Assert.Equal(201, Status(result));
        Assert.Equal(Board, e!.BoardId);
        Assert.Equal([Ours.ModelId, Second.ModelId], e.Models.Select(m => m.ModelId));
        Assert.Equal(Unit, e.Models[0].UnitId);
    }

    [Fact]
    public void Scheduling_refuses_non_members_unknown_and_foreign_models_and_missing_fields()
    {
        Assert.Equal(403, Status(ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId), [], [Ours], By, Now).Item1));
        Assert.Equal(404, Status(ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId, Guid.NewGuid()), [Board], [Ours], By, Now).Item1));
        var foreign = ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId, Theirs.ModelId), [Board], [Ours, Theirs], By, Now);
        Assert.Equal(403, Status(foreign.Item1));
        Assert.Null(foreign.Item2);
        Assert.Equal(403, Status(ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Ours.ModelId) with { BoardId = OtherBoard }, [Board], [Ours], By, Now).Item1));
        // On two boards that both cover the model: the caller must say which one goes.
        Assert.Contains("boardId", Errors(ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(Second.ModelId), [Board, OtherBoard], [Second], By, Now).Item1).Keys);
        var empty = ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), new ScheduleInspection(null, null, null, [Ours.ModelId], null), [Board], [Ours], By, Now);
        Assert.Equal(["kind", "plannedOn"], Errors(empty.Item1).Keys.Order());
        Assert.Contains("modelIds", Errors(ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), Plan(), [Board], [], By, Now).Item1).Keys);
    }

    [Fact]
    public void A_form_with_nothing_chosen_is_told_every_missing_field_at_once()
    {
        var nothing = ScheduleInspectionEndpoint.Decide(Guid.NewGuid(), new ScheduleInspection(null, null, null, [], null), [Board], [], By, Now);
        Assert.Equal(["kind", "modelIds", "plannedOn"], Errors(nothing.Item1).Keys.Order());
        Assert.Null(nothing.Item2);
    }

    [Fact]
    public void Recording_refuses_404_403_400_409_in_that_order()
    {
        var i = Scheduled();
        Assert.Equal(404, Status(RecordInspectionEndpoint.Decide(null, Visit(Today), true, By, Now, Guid.NewGuid).Item1));
        Assert.Equal(403, Status(RecordInspectionEndpoint.Decide(i, Visit(Today), false, By, Now, Guid.NewGuid).Item1));
        Assert.Equal(400, Status(RecordInspectionEndpoint.Decide(i, Visit(Today) with { Version = null }, true, By, Now, Guid.NewGuid).Item1));
        Assert.Equal(409, Status(RecordInspectionEndpoint.Decide(i, Visit(Today) with { Version = 7 }, true, By, Now, Guid.NewGuid).Item1));
        var done = Recorded(out _);
        Assert.Equal(400, Status(RecordInspectionEndpoint.Decide(done, Visit(Today) with { Version = done.Version }, true, By, Now, Guid.NewGuid).Item1));
        // Read before it was recorded: reload first, like every other loser of a race (ADR 0068).
        Assert.Equal(409, Status(RecordInspectionEndpoint.Decide(done, Visit(Today) with { Version = done.Version - 1 }, true, By, Now, Guid.NewGuid).Item1));
    }

    [Fact]
    public void A_visit_in_the_future_or_an_action_without_due_date_is_refused_and_nothing_is_recorded()
    {
        var i = Scheduled();
        var future = RecordInspectionEndpoint.Decide(i, Visit(Today.AddDays(1)), true, By, Now, Guid.NewGuid);
        Assert.Contains("visitedOn", Errors(future.Item1).Keys);
        Assert.Empty(future.Item2);
        var noDue = RecordInspectionEndpoint.Decide(i, Visit(Today, new ActionInput(Ours.ModelId, "Bổ sung sổ theo dõi", null)), true, By, Now, Guid.NewGuid);
        Assert.Equal(["actions[0].dueOn"], Errors(noDue.Item1).Keys);
        Assert.Empty(noDue.Item2);
        var beforeVisit = RecordInspectionEndpoint.Decide(i, Visit(Today, new ActionInput(Ours.ModelId, "Bổ sung", Today.AddDays(-1))), true, By, Now, Guid.NewGuid);
        Assert.Equal(["actions[0].dueOn"], Errors(beforeVisit.Item1).Keys);
        var strange = RecordInspectionEndpoint.Decide(i, Visit(Today, new ActionInput(Theirs.ModelId, "Bổ sung", Today)), true, By, Now, Guid.NewGuid);
        Assert.Equal(["actions[0].modelId"], Errors(strange.Item1).Keys);
    }

    [Fact]
    public void Every_model_needs_its_findings_and_rating_and_blank_action_rows_are_ignored()
    {
        var i = Scheduled();
        var partial = Visit(Today) with { Findings = [new FindingInput(Ours.ModelId, "Tốt", null)] };
        var errors = Errors(RecordInspectionEndpoint.Decide(i, partial, true, By, Now, Guid.NewGuid).Item1);
        Assert.Contains("findings[0].rating", errors.Keys);
        Assert.Contains(errors["findings"], m => m.Contains("Mẹ đỡ đầu"));
        var (ok, events) = RecordInspectionEndpoint.Decide(i, Visit(Today, new ActionInput(null, " ", null)), true, By, Now, Guid.NewGuid);
        Assert.Equal(200, Status(ok));
        var recorded = Assert.IsType<InspectionRecorded>(Assert.Single(events));
        Assert.Empty(recorded.Actions);
        Assert.Equal(["Huỳnh Thị Mai", "Võ Minh Trí"], recorded.Members);
    }

    [Fact]
    public void Only_the_models_unit_answers_and_only_the_board_closes()
    {
        var i = Recorded(out var action);
        var answer = new AnswerAction("Đã họp ngày 20/3", Today, 2);
        Assert.Equal(404, Status(AnswerActionEndpoint.Decide(i, Guid.NewGuid(), answer, true, By, Now).Item1));
        Assert.Equal(403, Status(AnswerActionEndpoint.Decide(i, action, answer, false, By, Now).Item1));
        Assert.Equal(409, Status(AnswerActionEndpoint.Decide(i, action, answer with { Version = 1 }, true, By, Now).Item1));
        Assert.Contains("answeredOn", Errors(AnswerActionEndpoint.Decide(i, action, answer with { AnsweredOn = Today.AddDays(2) }, true, By, Now).Item1).Keys);
        var (ok, events) = AnswerActionEndpoint.Decide(i, action, answer, true, By, Now);
        Assert.Equal(200, Status(ok));
        var answered = i.Apply(Assert.IsType<ActionAnswered>(Assert.Single(events))) with { Version = 3 };
        Assert.Equal(Today, answered.Action(action)!.AnsweredOn);

        Assert.Equal(403, Status(CloseActionEndpoint.Decide(answered, action, new CloseAction(null, 3), false, By, Now).Item1));
        var (closedOk, closedEvents) = CloseActionEndpoint.Decide(answered, action, new CloseAction("Đã kiểm tra biên bản", 3), true, By, Now);
        Assert.Equal(200, Status(closedOk));
        var closed = answered.Apply(Assert.IsType<ActionClosed>(Assert.Single(closedEvents))) with { Version = 4 };
        Assert.True(closed.Action(action)!.Closed);
        Assert.Equal(400, Status(CloseActionEndpoint.Decide(closed, action, new CloseAction(null, 4), true, By, Now).Item1));
        Assert.Equal(400, Status(AnswerActionEndpoint.Decide(closed, action, answer with { Version = 4 }, true, By, Now).Item1));
    }

    [Fact]
    public void An_action_counts_against_health_only_while_past_due_unanswered_and_open()
    {
        var a = new OpenAction(Guid.NewGuid(), Guid.NewGuid(), Board, InspectionKind.Inspection, Today, Ours.ModelId, Unit, "Cán bộ tìm dân",
            "Bổ sung sổ", Today, null, null, null);
        Assert.False(a.PastDue(Today));
        Assert.True(a.PastDue(Today.AddDays(1)));
        Assert.False((a with { AnsweredOn = Today }).PastDue(Today.AddDays(1)));
        Assert.False((a with { ClosedAt = Now }).PastDue(Today.AddDays(1)));
    }
}
