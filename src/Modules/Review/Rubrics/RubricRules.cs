using Emulation.Kernel.Text;
using Emulation.Kernel.Web;

namespace Emulation.Review.Rubrics;

public sealed record BandInput(decimal? From, decimal? To, string? Label);

public sealed record CriterionInput(string? Code, string? Name, decimal? MaxPoints, decimal? Weight, IReadOnlyList<BandInput>? Bands,
    decimal? GateMinimum, string? Guidance);

/// <summary>What makes a set of criteria usable: named and coded, maxima and weights in range, bands inside the scale and
/// not overlapping, gate minima reachable, some weight to total on. Field names follow the JSON (<c>criteria[2].maxPoints</c>).</summary>
public static class RubricRules
{
    public const int MaxCriteria = 20;
    public const int MaxName = 200;
    public const int MaxGuidance = 1000;
    public const int MaxNote = 500;

    public static IReadOnlyList<Criterion> Criteria(IReadOnlyList<CriterionInput?>? inputs, Errors errors)
    {
        if (inputs is null || inputs.All(c => c is null || Blank(c))) { errors.Add(true, "criteria", "Vui lòng nhập ít nhất một tiêu chí."); return []; }
        if (inputs.Count > MaxCriteria) { errors.Add(true, "criteria", $"Bộ tiêu chí có tối đa {MaxCriteria} tiêu chí."); return []; }
        var result = new List<Criterion>();
        var codes = new HashSet<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var f = $"criteria[{i}]";
            var c = inputs[i];
            // The editor always offers one more row than there are criteria: a row left empty is no criterion.
            if (c is null || Blank(c)) continue;
            var code = VietnameseText.Clean(c.Code).ToUpperInvariant();
            var name = VietnameseText.Clean(c.Name);
            var before = errors.Count;
            errors.Required(code, f + ".code", $"mã tiêu chí thứ {i + 1}", 10)
                .Add(code.Length > 0 && !codes.Add(code), f + ".code", $"Mã tiêu chí {code} bị trùng.")
                .Required(name, f + ".name", $"tên tiêu chí thứ {i + 1}", MaxName)
                .Optional(c.Guidance, f + ".guidance", $"hướng dẫn chấm tiêu chí thứ {i + 1}", MaxGuidance)
                .Add(c.MaxPoints is null or <= 0 or > 100, f + ".maxPoints", $"Điểm tối đa của tiêu chí {Label(code, i)} phải lớn hơn 0 và không quá 100.")
                .Add(c.Weight is null or < 0 or > 100, f + ".weight", $"Trọng số của tiêu chí {Label(code, i)} phải từ 0 đến 100.")
                .Add(c.GateMinimum is < 0 || c.GateMinimum > c.MaxPoints, f + ".gateMinimum",
                    $"Mức điểm bắt buộc của tiêu chí {Label(code, i)} phải từ 0 đến điểm tối đa.");
            var bands = Bands(c.Bands, c.MaxPoints ?? 0, f, Label(code, i), errors);
            if (errors.Count == before)
                result.Add(new Criterion(code, name, c.MaxPoints!.Value, c.Weight!.Value, bands, c.GateMinimum, VietnameseText.Clean(c.Guidance) is { Length: > 0 } g ? g : null));
        }
        errors.Add(errors.Ok && result.Sum(c => c.Weight) <= 0, "criteria", "Ít nhất một tiêu chí phải có trọng số lớn hơn 0 để tính tổng điểm.");
        return result;
    }

    static List<ScoreBand> Bands(IReadOnlyList<BandInput?>? inputs, decimal max, string field, string label, Errors errors)
    {
        var bands = new List<ScoreBand>();
        if (inputs is null) return bands;
        if (inputs.Count > 10) { errors.Add(true, field + ".bands", $"Tiêu chí {label} có tối đa 10 mức điểm."); return bands; }
        for (var j = 0; j < inputs.Count; j++)
        {
            var b = inputs[j];
            var f = $"{field}.bands[{j}]";
            var text = VietnameseText.Clean(b?.Label);
            if (b is null || b.From is null && b.To is null && text.Length == 0) continue;
            var bad = b is null || b.From is null || b.To is null || b.From < 0 || b.To > max || b.From > b.To;
            errors.Add(bad, f, $"Mức điểm thứ {j + 1} của tiêu chí {label} phải nằm trong thang 0–{VietnameseNumber.Text(max)} (từ không lớn hơn đến).")
                .Required(text, f + ".label", $"tên mức điểm thứ {j + 1} của tiêu chí {label}", 50);
            if (bad || text.Length == 0) continue;
            if (bands.Any(o => b!.From <= o.To && o.From <= b.To))
                errors.Add(true, f, $"Các mức điểm của tiêu chí {label} bị chồng lên nhau.");
            else bands.Add(new ScoreBand(b!.From!.Value, b.To!.Value, text));
        }
        return bands.OrderBy(x => x.From).ToList();
    }

    static bool Blank(CriterionInput c) =>
        string.IsNullOrWhiteSpace(c.Code) && string.IsNullOrWhiteSpace(c.Name) && c.MaxPoints is null && c.Weight is null && c.GateMinimum is null
        && string.IsNullOrWhiteSpace(c.Guidance) && (c.Bands ?? []).All(b => b is null || b.From is null && b.To is null && string.IsNullOrWhiteSpace(b.Label));

    static string Label(string code, int i) => code.Length > 0 ? code : $"thứ {i + 1}";

    public static CriterionInput Input(Criterion c) =>
        new(c.Code, c.Name, c.MaxPoints, c.Weight, c.Bands.Select(b => new BandInput(b.From, b.To, b.Label)).ToList(), c.GateMinimum, c.Guidance);
}
