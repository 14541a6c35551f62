using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Emulation.Review.Rounds;

public sealed record ExtendRoundDates(DateOnly? SelfAssessmentDue, DateOnly? ScoringDue, DateOnly? MeetingOn, string? Reason, long? Version);

/// <summary>The secretary extends the round's dates, with a reason recorded: a date is only ever moved later (a deadline
/// brought forward would catch units out), and the three stay in order.</summary>
public static class ExtendRoundDatesEndpoint
{
    [WolverinePost("/api/review/rounds/{id}/dates"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<RoundSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events)> Post(Guid id, ExtendRoundDates command, [WriteAggregate(Required = false)] Round? round,
        ReviewUnits units, HttpContext ctx, TimeProvider clock) =>
        Decide(round, command, await ReviewAccess.ForAsync(ctx, units), clock.GetUtcNow());

    public static (IResult, Events) Decide(Round? round, ExtendRoundDates command, ReviewAccess access, DateTimeOffset now)
    {
        var state = round?.State == RoundState.Closed ? "Đợt đánh giá đã công bố kết quả, không gia hạn được nữa." : null;
        if (RoundSteps.Refuse(round, access, state, command.Version) is { } refusal) return (refusal, []);
        var old = round!.Dates;
        var reason = VietnameseText.Clean(command.Reason);
        var errors = new Errors().Required(reason, "reason", "lý do gia hạn", RoundRules.MaxReason)
            .Add(command.SelfAssessmentDue < old.SelfAssessmentDue, "selfAssessmentDue", "Hạn tự đánh giá chỉ được lùi về sau, không được đưa lên sớm hơn.")
            .Add(command.ScoringDue < old.ScoringDue, "scoringDue", "Hạn chấm điểm chỉ được lùi về sau, không được đưa lên sớm hơn.")
            .Add(command.MeetingOn < old.MeetingOn, "meetingOn", "Ngày họp xét chỉ được lùi về sau, không được đưa lên sớm hơn.");
        var dates = RoundRules.Dates(command.SelfAssessmentDue ?? old.SelfAssessmentDue, command.ScoringDue ?? old.ScoringDue,
            command.MeetingOn ?? old.MeetingOn, errors);
        if (errors.Ok && dates == old) errors.Add(true, "selfAssessmentDue", "Chưa có ngày nào thay đổi.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new RoundSaved(round.Id, round.Version + 1)), [new RoundDatesExtended(round.Id, dates!, reason, access.User.Id, now)]);
    }
}
