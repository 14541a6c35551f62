using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Decisions;

/// <param name="Number">The minutes' number and symbol, e.g. "12/BB-BDV" (optional: left blank for the office to fill).</param>
/// <param name="StartTime">When the meeting began, e.g. "8:00" or "8 giờ 30".</param>
/// <param name="Chair">"Name, position" of who chaired; <paramref name="Secretary"/> the same for who took the minutes.</param>
/// <param name="Present">One member present per line ("Name, position"); <paramref name="Absent"/> the same for those absent.</param>
/// <param name="Version">The decisions' version as last read (0 before any).</param>
public sealed record RecordMeeting(string? Number, DateOnly? Date, string? StartTime, string? EndTime, string? Place, string? Chair, string? Secretary,
    string[]? Present, string[]? Absent, string? Conclusion, long? Version);

/// <summary>The secretary records the meeting's particulars the minutes need, during deliberation, on the round's
/// decisions stream (ADR 0025): the same lock and version as the decisions, so the minutes never mix two readings.</summary>
public static class RecordMeetingEndpoint
{
    [WolverinePut("/api/review/rounds/{id}/meeting"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<DecisionsSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, RecordMeeting command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (DecisionSteps.Refuse(round, access, StateRefusal) is { } refusal) return refusal;
        var now = clock.GetUtcNow();
        var stream = await DecisionSteps.LockAsync(session, id, ctx.RequestAborted);
        var (result, events) = Decide(stream.Aggregate ?? RoundDecisions.Empty(id), command, access.User.Id, now);
        DecisionSteps.Append(stream, id, events, now);
        return result;
    }

    public static string? StateRefusal(RoundState state) => state switch
    {
        RoundState.Deliberation => null,
        RoundState.Closed => "Đợt đánh giá đã công bố kết quả: không sửa được thông tin cuộc họp.",
        _ => "Chỉ ghi thông tin cuộc họp khi đợt đánh giá ở bước họp xét."
    };

    public static (IResult, IReadOnlyList<object>) Decide(RoundDecisions current, RecordMeeting command, Guid by, DateTimeOffset now)
    {
        var errors = new Errors();
        var number = VietnameseText.NfcOrNull(command.Number);
        errors.Add(number?.Length > MeetingRules.MaxNumber, "number", $"Số biên bản dài quá {MeetingRules.MaxNumber} ký tự.");
        errors.Add(command.Date is null, "date", "Hãy nhập ngày họp (ngày/tháng/năm).");
        var start = MeetingRules.Time(command.StartTime);
        var end = MeetingRules.Time(command.EndTime);
        errors.Add(start is null, "startTime", "Giờ bắt đầu phải là giờ:phút, ví dụ 8:00 hoặc 8 giờ 30.");
        errors.Add(end is null, "endTime", "Giờ kết thúc phải là giờ:phút, ví dụ 11:30.");
        errors.Add(start is not null && end is not null && string.CompareOrdinal(end, start) <= 0, "endTime", "Giờ kết thúc phải sau giờ bắt đầu.");
        var place = VietnameseText.NfcOrNull(command.Place);
        errors.Add(place is null, "place", "Hãy nhập địa điểm họp.");
        errors.Add(place?.Length > MeetingRules.MaxPlace, "place", $"Địa điểm dài quá {MeetingRules.MaxPlace} ký tự.");
        var chair = Person(errors, "chair", command.Chair, "Hãy nhập họ tên và chức vụ người chủ trì.");
        var secretary = Person(errors, "secretary", command.Secretary, "Hãy nhập họ tên và chức vụ thư ký cuộc họp.");
        var present = People(errors, "present", command.Present);
        var absent = People(errors, "absent", command.Absent);
        errors.Add(present.Count == 0, "present", "Hãy ghi các thành viên có mặt, mỗi người một dòng (họ tên, chức vụ).");
        if (current.Members > 0)
            errors.Add(present.Count + absent.Count > current.Members, "present",
                $"Có mặt ({present.Count}) và vắng mặt ({absent.Count}) nhiều hơn số thành viên Ban ({current.Members}).");
        var conclusion = VietnameseText.NfcOrNull(command.Conclusion);
        errors.Add(conclusion is null, "conclusion", "Hãy ghi kết luận của cuộc họp.");
        errors.Add(conclusion?.Length > MeetingRules.MaxConclusion, "conclusion", $"Kết luận dài quá {MeetingRules.MaxConclusion} ký tự.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại."), []);
        if (command.Version != current.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var meeting = new Meeting(number, command.Date!.Value, start!, end!, place!, chair!, secretary!, present, absent, conclusion!);
        var started = current.Version == 0 ? 1 : 0;
        return (Results.Ok(new DecisionsSaved(current.RoundId, current.Version + started + 1)), [new MeetingRecorded(current.RoundId, meeting, by, now)]);
    }

    static MeetingPerson? Person(Errors errors, string field, string? text, string missing)
    {
        var person = MeetingRules.Person(text);
        errors.Add(person is null, field, missing);
        errors.Add(text?.Length > MeetingRules.MaxLine, field, $"Dài quá {MeetingRules.MaxLine} ký tự.");
        return person;
    }

    static IReadOnlyList<MeetingPerson> People(Errors errors, string field, string[]? lines)
    {
        errors.Add(lines?.Length > MeetingRules.MaxPeople, field, $"Nhiều quá {MeetingRules.MaxPeople} người.");
        errors.Add(lines?.Any(l => l?.Length > MeetingRules.MaxLine) == true, field, $"Mỗi dòng (họ tên, chức vụ) không quá {MeetingRules.MaxLine} ký tự.");
        return MeetingRules.People(lines);
    }
}
