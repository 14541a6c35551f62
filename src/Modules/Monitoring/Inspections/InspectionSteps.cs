using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Marten;
using Emulation.Kernel;

namespace Emulation.Monitoring.Inspections;

/// <summary>What every step on an inspection checks first, in the order the caller is told (ADR 0013): an inspection
/// that does not exist (404), a step that is not the caller's (403), a stale version (409, before the state as on a
/// followed model: ADR 0068), a state that does not allow it (400), a missing version (400). Everyone signed in sees
/// inspections, so "not visible" is only "not there".</summary>
public static class InspectionSteps
{
    public const string NotFound = "Không tìm thấy cuộc kiểm tra, giám sát.";
    public const string BoardOnly = "Chỉ thành viên Ban theo dõi mô hình được lên lịch, ghi nhận kết quả và đóng việc sau kiểm tra.";
    public const int MaxText = 4000, MaxShort = 1000, MaxName = 200, MaxModels = 50, MaxActions = 100, MaxMembers = 30;

    public static IResult? Refuse(Inspection? inspection, bool allowed, string forbidden, string? wrongState, long? version)
    {
        if (inspection is null) return Problems.NotFound(NotFound);
        if (!allowed) return Problems.Forbidden(forbidden);
        if (version is not null && inspection.Version != version) return Problems.Conflict(Problems.StaleVersion);
        if (wrongState is not null) return Results.Problem(title: "Không thực hiện được", detail: wrongState, statusCode: StatusCodes.Status400BadRequest);
        return version is null ? Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.") : null;
    }

    /// <summary>The summaries to evaluate again after a step that stored events (none after a refusal).</summary>
    public static OutgoingMessages Changed(Inspection? inspection, Events events)
    {
        var messages = new OutgoingMessages();
        if (inspection is not null && events.Count > 0) messages.Add(new FollowUpActionsChanged(inspection.Models.Select(m => m.ModelId).ToList()));
        return messages;
    }

    public static DateOnly Today(DateTimeOffset now) => now.VietnamDate();

    public static string? Clean(string? text) => Kernel.Text.VietnameseText.NfcOrNull(text);

    /// <summary>A date a person typed for something that happened: not in the future, not before the records began.</summary>
    public static Errors PastDate(this Errors errors, DateOnly? date, string field, string label, DateOnly today) =>
        errors.Add(date is null, field, $"Vui lòng nhập {label}.")
            .Add(date > today, field, $"{Capital(label)} không được sau ngày hôm nay ({Format.Date(today)}).")
            .Add(date < new DateOnly(2000, 1, 1), field, $"{Capital(label)} không hợp lệ.");

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

public sealed record InspectionSaved(Guid Id, long Version);
