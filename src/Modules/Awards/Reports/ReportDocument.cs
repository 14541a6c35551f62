using System.Globalization;
using Emulation.Documents.Administrative;
using Emulation.Documents.Charts;

namespace Emulation.Awards.Reports;

/// <summary>The report's figures as the sơ kết / tổng kết report prints them (ADR 0033): numbered sections with a sentence
/// of figures each, tables and charts; the prose of assessment and tasks ahead is left for the officials to write.</summary>
public static class ReportDocument
{
    static readonly CultureInfo Vietnam = CultureInfo.GetCultureInfo("vi-VN");
    static string N(int n) => n.ToString("N0", Vietnam);

    public static string Title(CampaignReport r) =>
        $"Sơ kết, tổng kết phong trào thi đua {r.CampaignName}{(r.PeriodName is { Length: > 0 } p ? $", {p}" : "")}";

    public static string FileName(CampaignReport r, string extension) =>
        $"Bao-cao-so-ket-{r.Request.AsOf:yyyy-MM-dd}.{extension}";

    public static CampaignSummary Build(CampaignReport r, DateOnly today)
    {
        var t = r.Totals;
        var on = r.Request.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var place = Place(r);
        // The number is written by the office that registers the report: room is left for it, as on a paper form.
        var named = r.Request.UnitId is not null;
        var issuer = new Issuer(named ? r.ScopeParent : null, named ? r.ScopeName : "(Tên cơ quan báo cáo)", "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/BC",
            named ? place : "…………", today);
        IReadOnlyList<string> intro =
        [
            $"Thực hiện phong trào thi đua {r.CampaignName}, {(named ? r.ScopeName : "đơn vị")} báo cáo kết quả {(r.PeriodName is { Length: > 0 } p ? $"giai đoạn {p}" : "thực hiện")}, số liệu tính đến ngày {on}, như sau:"
        ];
        var sections = new List<SummarySection>
        {
            new("I. ĐĂNG KÝ VÀ CÔNG NHẬN MÔ HÌNH, ĐIỂN HÌNH",
                [$"Có {N(t.Registered)} mô hình, điển hình đăng ký; {N(t.Accepted)} mô hình, điển hình được công nhận đăng ký, trong đó: cấp cơ sở và cấp huyện {N(t.AcceptedBelowProvince)}, cấp tỉnh {N(t.AcceptedAt(StandardLevels.Province))}{(t.AcceptedAt(StandardLevels.Central) > 0 ? $", cấp trung ương {N(t.AcceptedAt(StandardLevels.Central))}" : "")}."],
                [LevelTable(t)], new BarChart("Biểu đồ 1. Mô hình, điển hình được công nhận theo cấp", t.ByLevel.Select(l => new Bar(l.Level, l.Accepted)).ToList())),
            new("II. THEO LĨNH VỰC", [$"Các mô hình, điển hình được công nhận thuộc {N(t.ByField.Count)} lĩnh vực."],
                [FieldTable(t)], new BarChart("Biểu đồ 2. Mô hình, điển hình được công nhận theo lĩnh vực", t.ByField.Select(f => new Bar(f.Field, f.Accepted)).ToList())),
            new("III. ĐÁNH GIÁ, CÔNG NHẬN VÀ KHEN THƯỞNG",
                [$"Qua đánh giá, {N(t.Recognised)} mô hình, điển hình được công nhận có hiệu quả, trong đó {N(t.Outstanding)} tiêu biểu; {N(t.CommendedModels)} mô hình, điển hình được khen thưởng.",
                 $"Đã khen thưởng {N(t.CommendedCollectives)} tập thể và {N(t.CommendedIndividuals)} cá nhân."],
                [FormTable(t)]),
            new("IV. NHÂN RỘNG MÔ HÌNH",
                [t.Replications == 0 ? "Chưa có mô hình nào đăng ký nhân rộng từ mô hình khác." : $"Có {N(t.Replications)} mô hình được nhân rộng từ {N(t.ReplicatedOriginals)} mô hình đã có."],
                t.MostReplicated.Count == 0 ? [] : [ReplicatedTable(t)]),
            new("V. DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊU BIỂU",
                [t.OutstandingModels.Count == 0 ? "Chưa có mô hình, điển hình nào được đánh giá tiêu biểu." : $"Có {N(t.OutstandingModels.Count)} mô hình, điển hình tiêu biểu (danh sách dưới đây)."],
                t.OutstandingModels.Count == 0 ? [] : [OutstandingTable(r)]),
            new("VI. ĐÁNH GIÁ CHUNG", ["(Ưu điểm, hạn chế và nguyên nhân: đơn vị bổ sung.)"], []),
            new("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ["(Đơn vị bổ sung.)"], [])
        };
        return new CampaignSummary(issuer, Title(r), intro, sections, new Signature(null, "Thủ trưởng đơn vị", ""), ["Như trên", "Lưu: VT"]);
    }

    // The province's name without its kind, the way a document's place line reads ("Cà Mau, ngày ...").
    static string Place(CampaignReport r)
    {
        var name = r.ScopeParent ?? r.ScopeName;
        foreach (var prefix in (string[])["Tỉnh ủy ", "Tỉnh ", "Thành phố ", "Ban Dân vận Tỉnh ủy ", "Ban Dân vận "])
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return name[prefix.Length..];
        return name;
    }

    public static FigureTable LevelTable(ReportTotals t) => new("Theo cấp", "Bảng 1. Mô hình, điển hình theo cấp",
        [("Cấp", 2.2), ("Đăng ký", 1), ("Công nhận", 1), ("Mô hình", 1), ("Điển hình tập thể", 1.2), ("Điển hình cá nhân", 1.2)],
        [.. t.ByLevel.Select(l => (IReadOnlyList<object?>)[l.Level, l.Registered, l.Accepted, l.Models, l.CollectiveExemplars, l.IndividualExemplars]),
            ["Tổng cộng", t.Registered, t.Accepted, t.ByLevel.Sum(l => l.Models), t.ByLevel.Sum(l => l.CollectiveExemplars), t.ByLevel.Sum(l => l.IndividualExemplars)]],
        TotalRow: true);

    public static FigureTable FieldTable(ReportTotals t) => new("Theo lĩnh vực", "Bảng 2. Mô hình, điển hình được công nhận theo lĩnh vực",
        [("Lĩnh vực", 2.6), .. StandardLevels.All.Select(l => (l.Name, 1.0)), ("Tổng", 1)],
        [.. t.ByField.Select(f => (IReadOnlyList<object?>)[f.Field, .. StandardLevels.All.Select(l => (object?)f.ByLevel.GetValueOrDefault(l.Code)), f.Accepted]),
            ["Tổng cộng", .. StandardLevels.All.Select(l => (object?)t.ByField.Sum(f => f.ByLevel.GetValueOrDefault(l.Code))), t.Accepted]],
        TotalRow: true);

    public static FigureTable FormTable(ReportTotals t) => new("Khen thưởng", "Bảng 3. Tập thể, cá nhân được khen thưởng theo hình thức",
        [("Hình thức khen thưởng", 3), ("Tập thể", 1), ("Cá nhân", 1), ("Tổng", 1)],
        [.. t.ByForm.Select(f => (IReadOnlyList<object?>)[f.Form, f.Collectives, f.Individuals, f.Total]),
            ["Tổng cộng", t.CommendedCollectives, t.CommendedIndividuals, t.CommendedCollectives + t.CommendedIndividuals]],
        TotalRow: true);

    public static FigureTable ReplicatedTable(ReportTotals t) => new("Nhân rộng", "Bảng 4. Mô hình được nhân rộng nhiều nhất",
        [("Mã", 1.3), ("Tên mô hình", 4), ("Số mô hình nhân rộng", 1.2)],
        t.MostReplicated.Select(m => (IReadOnlyList<object?>)[m.Code, m.Name, m.Replications]).ToList());

    public static FigureTable OutstandingTable(CampaignReport r) => new("Tiêu biểu", "Bảng 5. Mô hình, điển hình tiêu biểu",
        [("STT", 0.6), ("Mã", 1.3), ("Tên mô hình, điển hình", 3.4), ("Đơn vị", 2), ("Cấp", 1.1), ("Lĩnh vực", 1.6), ("Khen thưởng", 1)],
        r.Totals.OutstandingModels.Select((m, i) => (IReadOnlyList<object?>)[i + 1, m.Code, m.Name, r.Unit(m.UnitId), m.Level, m.Field, m.Commended ? "Có" : ""]).ToList());
}
