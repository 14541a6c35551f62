using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;

namespace Emulation.Registry.Models;

/// <summary>The registry's decisions as pure functions: what a dossier must hold, which step is allowed from which state.</summary>
public static class ModelRules
{
    public const int MaxName = 300;
    public const int MaxText = 4000;
    public const int MaxShort = 200;
    public const int MaxTargets = 20;
    public const int MaxMilestones = 30;
    public const int MaxReason = 2000;
    public const string NameTaken = "Đơn vị đã đăng ký một mô hình, điển hình cùng tên trong kỳ này.";

    /// <summary>Shape and limits, checked on every save (draft or not).</summary>
    public static Errors Check(ModelDetails d, RegistryCatalog catalog, PeriodView? period)
    {
        var e = new Errors()
            .Required(d.Name, "name", "tên mô hình, điển hình", MaxName)
            .Add(!Enum.IsDefined(d.Kind), "kind", "Loại đăng ký không hợp lệ.")
            .Add(d.Kind == ModelKind.IndividualExemplar && string.IsNullOrWhiteSpace(d.PersonName), "personName",
                "Điển hình cá nhân cần ghi họ tên người được đăng ký.")
            .Optional(d.PersonName, "personName", "họ tên", MaxShort)
            .Optional(d.PersonPosition, "personPosition", "chức vụ", MaxShort)
            .Add(period is null, "periodId", "Vui lòng chọn kỳ đăng ký.")
            .Add(!catalog.Fields.Any(f => f.Code == d.FieldCode && f.Active), "fieldCode", "Vui lòng chọn lĩnh vực.")
            .Add(!catalog.Levels.Any(l => l.Code == d.LevelCode && l.Active), "levelCode", "Vui lòng chọn cấp đăng ký.");
        foreach (var (value, field, label) in Texts(d)) e.Optional(value, field, label, MaxText);
        e.Optional(d.LeadForce, "leadForce", "lực lượng chủ trì", MaxText)
            .Add(d.Budget < 0, "budget", "Kinh phí không được là số âm.")
            .Add(d.Budget > 1_000_000_000_000m, "budget", "Kinh phí vượt quá giới hạn cho phép.")
            .Add(d.SocialisedFunds < 0, "socialisedFunds", "Kinh phí xã hội hóa không được là số âm.")
            .Add(d.SocialisedFunds > 1_000_000_000_000m, "socialisedFunds", "Kinh phí xã hội hóa vượt quá giới hạn cho phép.")
            .Add(d.Workdays < 0, "workdays", "Số ngày công không được là số âm.")
            .Add(d.Workdays > 10_000_000, "workdays", "Số ngày công vượt quá giới hạn cho phép.")
            .Add(d.StartDate is { } s && d.EvaluationDate is { } v && v < s, "evaluationDate", "Ngày đánh giá phải sau ngày bắt đầu.")
            .Add(d.Targets.Count > MaxTargets, "targets", $"Tối đa {MaxTargets} chỉ tiêu.")
            .Add(d.Milestones.Count > MaxMilestones, "milestones", $"Tối đa {MaxMilestones} mốc tiến độ.");

        for (var i = 0; i < Math.Min(d.Targets.Count, MaxTargets); i++)
        {
            var t = d.Targets[i];
            var f = $"targets[{i}]";
            e.Required(t.Indicator, f + ".indicator", $"tên chỉ tiêu thứ {i + 1}", MaxShort)
                .Required(t.UnitOfMeasure, f + ".unitOfMeasure", $"đơn vị tính của chỉ tiêu thứ {i + 1}", 50)
                .Add(t.Baseline is null, f + ".baseline", $"Chỉ tiêu thứ {i + 1} cần giá trị hiện tại (trước khi thực hiện).")
                .Add(t.TargetValue is null, f + ".targetValue", $"Chỉ tiêu thứ {i + 1} cần giá trị mục tiêu.")
                .Add(t.Baseline < 0, f + ".baseline", $"Giá trị hiện tại của chỉ tiêu thứ {i + 1} không được là số âm.")
                .Add(t.TargetValue < 0, f + ".targetValue", $"Giá trị mục tiêu của chỉ tiêu thứ {i + 1} không được là số âm.")
                .Add(t.Baseline is not null && t.Baseline == t.TargetValue, f + ".targetValue", $"Giá trị mục tiêu của chỉ tiêu thứ {i + 1} phải khác giá trị hiện tại.")
                .Add(t.DueDate is null, f + ".dueDate", $"Chỉ tiêu thứ {i + 1} cần thời hạn đạt.")
                .Add(t.DueDate is { } due && d.StartDate is { } start && due < start, f + ".dueDate", $"Thời hạn của chỉ tiêu thứ {i + 1} phải sau ngày bắt đầu.")
                .Add(t.DueDate is { } due2 && period is not null && due2 < period.From, f + ".dueDate",
                    $"Thời hạn của chỉ tiêu thứ {i + 1} không được trước ngày bắt đầu kỳ ({period?.From:dd/MM/yyyy}).");
        }
        for (var i = 0; i < Math.Min(d.Milestones.Count, MaxMilestones); i++)
        {
            var m = d.Milestones[i];
            e.Required(m.Description, $"milestones[{i}].description", $"nội dung mốc thứ {i + 1}", MaxShort)
                .Add(m.Date is null, $"milestones[{i}].date", $"Mốc thứ {i + 1} cần ngày.")
                .Add(m.Date is { } md && d.StartDate is { } st && md < st, $"milestones[{i}].date", $"Mốc thứ {i + 1} phải sau ngày bắt đầu.");
        }
        return e;
    }

    /// <summary>What a dossier must hold before it goes to the board: the report's cure for "generic" registrations.</summary>
    public static Errors Complete(ModelDetails d, PeriodView? period, DateOnly today) =>
        new Errors()
            .Add(d.Targets.Count == 0, "targets", "Cần ít nhất một chỉ tiêu đo được (tên chỉ tiêu, đơn vị tính, giá trị hiện tại, mục tiêu, thời hạn).")
            .Add(string.IsNullOrWhiteSpace(d.Situation), "situation", "Vui lòng nêu thực trạng, lý do xây dựng.")
            .Add(string.IsNullOrWhiteSpace(d.Objectives), "objectives", "Vui lòng nêu mục tiêu, tiêu chí đánh giá.")
            .Add(string.IsNullOrWhiteSpace(d.ContentAndMethods), "contentAndMethods", "Vui lòng nêu nội dung, cách làm.")
            .Add(string.IsNullOrWhiteSpace(d.Area), "area", "Vui lòng nêu địa bàn thực hiện.")
            .Add(string.IsNullOrWhiteSpace(d.TargetGroup), "targetGroup", "Vui lòng nêu đối tượng tác động.")
            .Add(d.StartDate is null, "startDate", "Vui lòng nhập ngày bắt đầu.")
            .Add(d.EvaluationDate is null, "evaluationDate", "Vui lòng nhập ngày đánh giá.")
            .Add(period is not null && !period.OpenOn(today), "periodId",
                period is null ? "" : $"Kỳ “{period.Name}” nhận đăng ký từ {period.RegistrationOpens:dd/MM/yyyy} đến {period.RegistrationCloses:dd/MM/yyyy}.");

    static IEnumerable<(string?, string, string)> Texts(ModelDetails d) =>
    [
        (d.Situation, "situation", "thực trạng, lý do"), (d.Objectives, "objectives", "mục tiêu, tiêu chí"),
        (d.ContentAndMethods, "contentAndMethods", "nội dung, cách làm"), (d.Area, "area", "địa bàn"),
        (d.TargetGroup, "targetGroup", "đối tượng"), (d.CoordinatingForces, "coordinatingForces", "lực lượng phối hợp"),
        (d.ParticipatingForces, "participatingForces", "lực lượng tham gia"), (d.Facilities, "facilities", "cơ sở vật chất"),
        (d.Outputs, "outputs", "sản phẩm kiểm chứng được"), (d.Sustainability, "sustainability", "khả năng duy trì, nhân rộng")
    ];

    /// <summary>Which steps each state allows. A step from any other state is refused with this message.</summary>
    public static string? Refusal(ModelStatus status, string step) => (step, status) switch
    {
        ("edit" or "submit", ModelStatus.Draft or ModelStatus.Returned) => null,
        ("withdraw", ModelStatus.Draft or ModelStatus.Submitted or ModelStatus.Returned) => null,
        ("accept" or "return" or "reject", ModelStatus.Submitted) => null,
        _ => $"Không thể {StepName(step)} khi hồ sơ đang ở trạng thái “{ModelLabels.Status(status)}”."
    };

    static string StepName(string step) => step switch
    {
        "edit" => "sửa hồ sơ", "submit" => "gửi hồ sơ", "withdraw" => "rút hồ sơ", "accept" => "công nhận đăng ký",
        "return" => "trả lại hồ sơ", "reject" => "không chấp nhận hồ sơ", _ => step
    };

    public static string Code(string provinceCode, int year, int sequence) => $"{provinceCode}-{year}-{sequence:0000}";
}
