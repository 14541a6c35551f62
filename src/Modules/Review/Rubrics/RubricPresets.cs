namespace Emulation.Review.Rubrics;

/// <summary>The provincial preset, in the words of the provincial guidance and the seeds' reports (BRIEF.md): measurable
/// results weigh most, then the people's participation; the gate is the seeds' first complaint turned into a rule.</summary>
public static class RubricPresets
{
    public const string ProvincialName = "Bộ tiêu chí chấm điểm mô hình \"Dân vận khéo\" cấp tỉnh";

    static readonly IReadOnlyList<ScoreBand> TenPoint = [new(0, 4, "Chưa đạt"), new(5, 7, "Đạt"), new(8, 10, "Tốt")];

    public static IReadOnlyList<Criterion> Provincial { get; } =
    [
        new("HQ", "Hiệu quả và kết quả đo được", 10, 30, TenPoint, null,
            "Các chỉ tiêu đăng ký đã đạt đến đâu so với giá trị ban đầu; kết quả có số liệu, được người dân ghi nhận."),
        new("TG", "Sự tham gia của nhân dân", 10, 20, TenPoint, null,
            "Huy động được nhiều lực lượng, người dân đồng tình, hưởng ứng và cùng làm."),
        new("NR", "Khả năng nhân rộng", 10, 15, TenPoint, null,
            "Nơi khác đã hoặc có thể học tập, làm theo; cách làm rõ ràng, dễ áp dụng."),
        new("BV", "Tính bền vững", 10, 15, TenPoint, null,
            "Duy trì được sau khi hết hỗ trợ; có người phụ trách, có quy chế, có nguồn lực lâu dài."),
        new("ST", "Tính sáng tạo", 10, 10, TenPoint, null,
            "Cách làm mới, giải quyết được việc khó, việc bức xúc ở địa phương."),
        new("CP", "Chi phí và nguồn lực xã hội hóa", 10, 10, TenPoint, null,
            "Chi phí hợp lý so với kết quả; vận động được nguồn lực xã hội hóa (tiền, ngày công, vật tư)."),
        new("CT", "Ít nhất một chỉ tiêu đã đo và đạt", 1, 0, [new(0, 0, "Chưa đạt"), new(1, 1, "Đạt")], 1,
            "Điều kiện bắt buộc: có ít nhất một chỉ tiêu đăng ký đã được đo và đạt giá trị mục tiêu (1 = có, 0 = chưa)."),
    ];
}
