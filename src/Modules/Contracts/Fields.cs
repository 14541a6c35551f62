namespace Emulation.Contracts;

/// <summary>The fields of the standard catalog and their names. The catalog itself belongs to the Registry and the feed
/// carries only the code: a code a province added shows as it is.</summary>
public static class StandardFields
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("kinh-te", "Kinh tế"), ("van-hoa-xa-hoi", "Văn hóa - xã hội"), ("quoc-phong-an-ninh", "Quốc phòng - an ninh"),
        ("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị"), ("nong-thon-moi", "Xây dựng nông thôn mới, đô thị văn minh"),
        ("cai-cach-hanh-chinh", "Cải cách hành chính")
    ];

    public static string Name(string code) => All.FirstOrDefault(f => f.Code == code).Name ?? code;
}
