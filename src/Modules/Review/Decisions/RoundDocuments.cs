using System.Globalization;
using Emulation.Documents.Administrative;
using Emulation.Review.Rounds;

namespace Emulation.Review.Decisions;

/// <summary>Where the round's documents come from: the board that signs them and the names the unit tree gives.</summary>
public sealed record DocumentSource(Round Round, RoundDecisions Decisions, string Board, string? BoardParent, string Place,
    Func<Guid, string> UnitName, IReadOnlyDictionary<Guid, decimal> Means, DateOnly Today);

/// <summary>The round's minutes (biên bản họp xét) and proposal list (danh sách đề nghị khen thưởng) as the document
/// layer's plain records (ADR 0020, ADR 0025). Pure: a unit test reads every line without a database.</summary>
public static class RoundDocuments
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The decided models in the round's order (the order of the covered list, by code).</summary>
    static IEnumerable<(CoveredModel Model, ModelDecision Decision)> Decided(DocumentSource s) =>
        s.Round.Models.Select(m => (m, s.Decisions.For(m.ModelId))).Where(x => x.Item2 is not null).Select(x => (x.m, x.Item2!));

    public static MeetingMinutes Minutes(DocumentSource s, Meeting meeting)
    {
        var issuer = new Issuer(s.BoardParent, s.Board, meeting.Number ?? "      /BB", s.Place, meeting.Date);
        var rubric = s.Round.RubricVersion is { } v ? $" theo bộ tiêu chí phiên bản {v}" : "";
        var timeAndPlace = $"Vào lúc {MeetingRules.Spoken(meeting.Start)} ngày {meeting.Date.ToString("dd/MM/yyyy", Vi)}, tại {meeting.Place}, " +
                           $"{s.Board} họp xét kết quả {s.Round.Name}{rubric}.";
        var quotas = s.Decisions.Quotas.Where(q => CommendationLevels.All.Contains(q.Key))
            .Select(q => $"{CommendationLevels.Label(q.Key)}: {q.Value} mô hình").ToList();
        var proceedings = new List<string>
        {
            $"Thư ký báo cáo kết quả chấm điểm của các thành viên thẩm định. Hội đồng thảo luận, biểu quyết từng mô hình theo nguyên tắc: " +
            $"{DecisionRules.RuleLabel(s.Decisions.Rule).ToLower(Vi)}" + (s.Decisions.Members > 0 ? $" (Ban có {s.Decisions.Members} thành viên)." : ".")
        };
        if (quotas.Count > 0) proceedings.Add("Chỉ tiêu đề nghị khen thưởng của đợt: " + string.Join("; ", quotas) + ".");
        var results = Decided(s).Select(x => new MinutesResult(x.Model.Name, s.UnitName(x.Model.UnitId), StandardFields.Name(x.Model.FieldCode),
            s.Means.TryGetValue(x.Model.ModelId, out var mean) ? mean : null,
            $"{OutcomeLabels.Label(x.Decision.Outcome, x.Decision.Level)} ({x.Decision.Vote.ForPercent.ToString("0.#", Vi)} % tán thành)",
            x.Decision.Vote.Present, x.Decision.Vote.For, x.Decision.Vote.Against)).ToList();
        var closing = $"Kết luận: {meeting.Conclusion} Cuộc họp kết thúc lúc {MeetingRules.Spoken(meeting.End)} cùng ngày; " +
                      "biên bản đã được đọc lại và thông qua tại cuộc họp.";
        return new MeetingMinutes(issuer, $"Họp xét {s.Round.Name}", timeAndPlace, meeting.Chair.ToString(), meeting.Secretary.ToString(),
            meeting.Present.Select(p => new MinutesParticipant(p.Name, p.Position ?? "thành viên")).ToList(),
            [$"Xét công nhận, tiêu biểu và đề nghị khen thưởng các mô hình của {s.Round.Name}."], proceedings, results, closing,
            new Signature(null, "Thư ký", meeting.Secretary.Name), new Signature(null, "Chủ trì", meeting.Chair.Name), [])
        {
            Absent = meeting.Absent.Select(p => new MinutesParticipant(p.Name, p.Position ?? "thành viên")).ToList()
        };
    }

    public static CommendationProposal Proposal(DocumentSource s)
    {
        var meeting = s.Decisions.Meeting;
        var issuer = new Issuer(s.BoardParent, s.Board, "      /DS", s.Place, meeting?.Date ?? s.Today);
        var grounds = new List<string> { $"Căn cứ kết quả chấm điểm và biểu quyết của {s.Board} tại {s.Round.Name};" };
        if (meeting is not null)
            grounds.Add($"Căn cứ Biên bản họp xét {(meeting.Number is null ? "" : "số " + meeting.Number + " ")}ngày {meeting.Date.ToString("dd/MM/yyyy", Vi)}.");
        var proposed = Decided(s).Where(x => x.Decision.Outcome == Outcome.Proposed).ToList();
        var levels = CommendationLevels.All
            .Select(level => new CommendationLevel(CommendationLevels.Label(level), proposed.Where(x => x.Decision.Level == level).Select(x =>
                new ProposedModel(x.Model.Name, s.UnitName(x.Model.UnitId), StandardFields.Name(x.Model.FieldCode),
                    s.Means.TryGetValue(x.Model.ModelId, out var mean) ? mean : null, Achievement(x.Model, x.Decision, mean))).ToList()))
            .Where(l => l.Models.Count > 0).ToList();
        var signer = meeting?.Chair;
        return new CommendationProposal(issuer, $"Đề nghị khen thưởng {s.Round.Name}", grounds, levels,
            new Signature($"TM. {s.Board}", signer?.Position ?? "Trưởng Ban", signer?.Name ?? ""), ["Như trên", "Lưu: VT"]);
    }

    /// <summary>The board's note is the achievement the meeting adopted; without one, what the record shows.</summary>
    static string Achievement(CoveredModel model, ModelDecision decision, decimal mean) =>
        decision.Note ?? $"Mô hình “{model.Name}” được Ban đánh giá {(mean > 0 ? $"bình quân {mean.ToString("0.##", Vi)} điểm, " : "")}" +
        $"{decision.Vote.For}/{decision.Vote.Present} thành viên có mặt tán thành đề nghị khen thưởng.";

    /// <summary>"Tỉnh Cà Mau" → "Cà Mau", the place name the date line of a document begins with.</summary>
    public static string PlaceName(string? province)
    {
        var name = (province ?? "").Trim();
        foreach (var prefix in (string[])["Thành phố ", "Tỉnh "])
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return name[prefix.Length..];
        return name;
    }
}
