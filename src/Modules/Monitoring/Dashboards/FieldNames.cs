namespace Emulation.Monitoring.Dashboards;

/// <summary>Names of the fields of the standard catalog, for dashboards. The catalog itself belongs to the Registry and
/// the feed carries only the code (ADR 0019): a code a province added shows as it is.</summary>
public static class FieldNames
{
    static readonly Dictionary<string, string> Known = new()
    {
        ["kinh-te"] = "Kinh tế", ["van-hoa-xa-hoi"] = "Văn hóa - xã hội", ["quoc-phong-an-ninh"] = "Quốc phòng - an ninh",
        ["xay-dung-he-thong-chinh-tri"] = "Xây dựng hệ thống chính trị", ["nong-thon-moi"] = "Xây dựng nông thôn mới, đô thị văn minh",
        ["cai-cach-hanh-chinh"] = "Cải cách hành chính"
    };

    public static string Of(string code) => Known.GetValueOrDefault(code, code);

    public static IEnumerable<(string Code, string Name)> All => Known.Select(k => (k.Key, k.Value));
}
