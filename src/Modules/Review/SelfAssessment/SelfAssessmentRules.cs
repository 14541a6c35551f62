using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Following;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Microsoft.AspNetCore.Http;

namespace Emulation.Review.SelfAssessment;

public sealed record LinkInput(string? Kind, Guid? Id, string? Title);

public sealed record ScoreInput(string? Code, decimal? Score, string? Justification, IReadOnlyList<LinkInput?>? Links);


/// <summary>The checks of a self-assessment, in the order of ADR 0013: a round or model the caller may not see (404), not
/// the model's own unit (403), a round not in self-assessment or an assessment already submitted (409), a missing (400)
/// or stale (409) version; then the scores: known criteria, 0 to the criterion's maximum, and on submission every
/// criterion scored and justified.</summary>
public static class SelfAssessmentRules
{
    public const int MaxJustification = 2000;
    public const int MaxLinks = 10;
    public const int MaxTitle = 300;
    public const string NotCovered = "Mô hình này không thuộc đợt đánh giá.";

    public static IResult? Refuse(Round? round, Guid modelId, ModelSelfAssessment? current, ReviewAccess access, long? version)
    {
        if (round is null || !access.CanSee(round)) return Problems.NotFound(RoundSteps.NotFound);
        var model = round.Model(modelId);
        if (model is null) return Problems.NotFound(NotCovered);
        if (!access.CanActFor(model.UnitId)) return Problems.Forbidden("Chỉ cán bộ của đơn vị có mô hình được tự đánh giá mô hình này.");
        if (round.State != RoundState.SelfAssessment)
            return Problems.Conflict(round.State == RoundState.Draft
                ? "Đợt đánh giá chưa mở tự đánh giá."
                : $"Đã hết bước tự đánh giá (đợt đang ở bước \"{RoundRules.Name(round.State)}\"): không sửa hoặc nộp bản tự đánh giá được nữa.");
        if (current?.Submitted == true) return Problems.Conflict("Bản tự đánh giá đã nộp, không sửa được nữa.");
        if (version is null) return Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại.");
        return (current?.Version ?? 0) != version ? Problems.Conflict(Problems.StaleVersion) : null;
    }

    public const string UnknownLink = "Báo cáo, minh chứng này không có trong hồ sơ theo dõi của mô hình: hãy chọn trong danh sách báo cáo, minh chứng đã nộp.";

    /// <param name="record">Review's copy of the model's monitoring record: a link's id must name one of its reports or files.</param>
    public static IReadOnlyList<SelfScore> Scores(IReadOnlyList<Criterion> criteria, IReadOnlyList<ScoreInput?>? inputs, bool submitting, Errors errors,
        FollowedRecord? record = null)
    {
        var given = inputs ?? [];
        if (given.Count > criteria.Count) { errors.Add(true, "scores", $"Bộ tiêu chí của đợt có {criteria.Count} tiêu chí: mỗi tiêu chí chấm một lần."); return []; }
        var result = new List<SelfScore>();
        for (var i = 0; i < given.Count; i++)
        {
            var input = given[i];
            var f = $"scores[{i}]";
            var code = VietnameseText.Clean(input?.Code).ToUpperInvariant();
            var criterion = criteria.FirstOrDefault(c => c.Code == code);
            if (criterion is null) { errors.Add(true, f + ".code", $"Tiêu chí \"{code}\" không có trong bộ tiêu chí của đợt đánh giá."); continue; }
            if (result.Any(s => s.Code == code)) { errors.Add(true, f + ".code", $"Tiêu chí {code} được chấm hai lần."); continue; }
            var justification = VietnameseText.Clean(input!.Justification);
            errors.Add(input.Score < 0 || input.Score > criterion.MaxPoints, f + ".score",
                    $"Điểm tiêu chí \"{criterion.Name}\" phải từ 0 đến {VietnameseNumber.Text(criterion.MaxPoints)}.")
                .Add(input.Score is { } s && decimal.Round(s, 2) != s, f + ".score", $"Điểm tiêu chí \"{criterion.Name}\" có tối đa hai chữ số thập phân.")
                .Optional(justification, f + ".justification", $"giải trình tiêu chí \"{criterion.Name}\"", MaxJustification);
            var links = Links(input.Links, f, criterion.Name, errors, record);
            result.Add(new SelfScore(code, input.Score, justification.Length > 0 ? justification : null, links));
        }
        if (submitting)
            for (var i = 0; i < criteria.Count; i++)
            {
                var c = criteria[i];
                var index = result.FindIndex(s => s.Code == c.Code);
                var f = index < 0 ? $"criteria.{c.Code}" : $"scores[{given.ToList().FindIndex(x => VietnameseText.Clean(x?.Code).ToUpperInvariant() == c.Code)}]";
                errors.Add(index < 0 || result[index].Score is null, f + ".score", $"Vui lòng chấm điểm tiêu chí \"{c.Name}\" trước khi nộp.")
                    .Add(index >= 0 && result[index].Justification is null, f + ".justification", $"Vui lòng giải trình tiêu chí \"{c.Name}\" trước khi nộp.");
            }
        return criteria.Select(c => result.FirstOrDefault(s => s.Code == c.Code)).OfType<SelfScore>().ToList();
    }

    /// <summary>The title of a report or file the record holds, and its kind; null when it holds none with that id.</summary>
    public static EvidenceLink? Known(FollowedRecord? record, Guid id) =>
        record?.Reports.FirstOrDefault(r => r.ReportId == id) is { } report ? new EvidenceLink("report", id, "Báo cáo tiến độ " + report.PeriodWords)
        : record?.Evidence.FirstOrDefault(e => e.FileId == id) is { } file ? new EvidenceLink("evidence", id, file.FileName)
        : null;

    static List<EvidenceLink> Links(IReadOnlyList<LinkInput?>? inputs, string field, string criterion, Errors errors, FollowedRecord? record)
    {
        var links = new List<EvidenceLink>();
        if (inputs is null) return links;
        if (inputs.Count > MaxLinks) { errors.Add(true, field + ".links", $"Tiêu chí \"{criterion}\" kèm tối đa {MaxLinks} minh chứng."); return links; }
        for (var j = 0; j < inputs.Count; j++)
        {
            var l = inputs[j];
            var f = $"{field}.links[{j}]";
            var title = VietnameseText.Clean(l?.Title);
            // The form always offers a few link rows: the ones left empty are no link.
            if (title.Length == 0 && l?.Id is null) continue;
            if (l?.Id is { } id)
            {
                // What the link names is the record's: its kind and title come from there, whatever was sent.
                if (Known(record, id) is { } known) { if (links.All(x => x.Id != id)) links.Add(known); }
                else errors.Add(true, f + ".id", UnknownLink);
                continue;
            }
            var kind = l?.Kind?.Trim() is { Length: > 0 } k ? k : "evidence";
            errors.Required(title, f + ".title", "tên báo cáo, minh chứng", MaxTitle)
                .Add(kind is not ("report" or "evidence"), f + ".kind", "Loại liên kết phải là báo cáo (report) hoặc minh chứng (evidence).");
            if (title.Length is > 0 and <= MaxTitle && kind is "report" or "evidence") links.Add(new EvidenceLink(kind, l!.Id, title));
        }
        return links;
    }
}
