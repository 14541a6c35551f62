namespace Emulation.Registry.Models;

/// <summary>What an edit changed, in the words of the dossier form, so the history says "Sửa hồ sơ: tên, chỉ tiêu"
/// instead of only "Sửa hồ sơ".</summary>
public static class ModelChanges
{
    static readonly (string Label, Func<ModelDetails, object?> Value)[] Parts =
    [
        ("loại đăng ký", d => d.Kind), ("tên", d => d.Name), ("cá nhân", d => (d.PersonName, d.PersonPosition)),
        ("kỳ", d => d.PeriodId), ("lĩnh vực", d => d.FieldCode), ("cấp", d => d.LevelCode),
        ("thực trạng", d => d.Situation), ("mục tiêu", d => d.Objectives), ("nội dung, cách làm", d => d.ContentAndMethods),
        ("địa bàn", d => d.Area), ("đối tượng", d => d.TargetGroup),
        ("lực lượng", d => (d.LeadForce, d.CoordinatingForces, d.ParticipatingForces)),
        ("kinh phí", d => (d.Budget, d.SocialisedFunds)), ("ngày công", d => d.Workdays), ("cơ sở vật chất", d => d.Facilities),
        ("thời gian", d => (d.StartDate, d.EvaluationDate)), ("mốc tiến độ", d => string.Join('\n', d.Milestones)),
        ("chỉ tiêu", d => string.Join('\n', d.Targets)), ("sản phẩm", d => d.Outputs), ("khả năng nhân rộng", d => d.Sustainability),
        ("mô hình nhân rộng", d => d.ReplicatesModelId)
    ];

    public static IReadOnlyList<string> Between(ModelDetails before, ModelDetails after) =>
        Parts.Where(p => !Equals(p.Value(before), p.Value(after))).Select(p => p.Label).ToList();

    public static string Summary(ModelDetails? before, ModelDetails after)
    {
        if (before is null) return "Sửa hồ sơ";
        var changed = Between(before, after);
        return changed.Count == 0 ? "Lưu hồ sơ, không thay đổi nội dung" : "Sửa hồ sơ: " + string.Join(", ", changed);
    }
}
