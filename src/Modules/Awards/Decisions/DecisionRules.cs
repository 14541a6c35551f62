using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Emulation.Awards.Catalogue;
using Emulation.Awards.Certificates;
using Emulation.Awards.Proposals;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;

namespace Emulation.Awards.Decisions;

/// <summary>What the secretary may write into a decision, as typed: numbers and dates the Vietnamese way. Missing text
/// keeps what the decision already says (or the prefilled text of a new draft).</summary>
public sealed record DecisionInput(
    string? Number, string? Date, string? Place, string? SignerCapacity, string? SignerTitle, string? SignerName,
    List<string>? Grounds, string? Proposal, string? Executors, List<string>? CopiesTo, string? PrizeCollective, string? PrizeIndividual,
    List<AnnexInput>? Annex);

/// <param name="ModelId">The proposal's model or exemplar: only recipients of the proposal list may be named.</param>
public sealed record AnnexInput(Guid? ModelId, string? Name, string? Position, string? Unit, string? Achievement);

/// <summary>Who is already commended in a round, by which signed decision.</summary>
public sealed record Commendation(Guid ModelId, Guid DecisionId, string Number, string Name);

/// <summary>Pure rules of award decisions (ADR 0030), unit-tested directly.</summary>
public static partial class DecisionRules
{
    public const int MaxText = 4000, MaxLine = 1000, MaxLines = 30, MaxAnnex = 2000;
    public const string LawGround = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
    public const string DecreeGround = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;";

    [GeneratedRegex(@"^\s*(\d{1,6})\s*/\s*([\p{L}\d]+(?:-[\p{L}\d]+)+)\s*$")]
    private static partial Regex NumberShape();

    /// <summary>"125/QĐ-UBND" → 125 and "QĐ-UBND"; null when it is not a number and a symbol.</summary>
    public static (int Number, string Symbol)? ParseNumber(string? text)
    {
        var m = NumberShape().Match(VietnameseText.Nfc(text));
        return m.Success && int.TryParse(m.Groups[1].Value, out var n) && n > 0 ? (n, m.Groups[2].Value) : null;
    }

    /// <summary>The recipients each signed decision of a round still commends, in signing order: a revocation takes its
    /// recipients out, an amendment takes them over.</summary>
    public static IReadOnlyDictionary<Guid, Commendation> Commended(IEnumerable<AwardDecision> decisions)
    {
        var result = new Dictionary<Guid, Commendation>();
        foreach (var d in decisions.Where(d => d.State == DecisionState.Signed).OrderBy(d => d.Signed!.At))
            foreach (var a in d.Content.Annex)
                if (d.IsRevocation) result.Remove(a.ModelId);
                else result[a.ModelId] = new Commendation(a.ModelId, d.Id, d.Content.NumberAndSymbol, a.Name);
        return result;
    }

    /// <summary>The text a new draft starts from: the law, the proposal, the usual executors and copies.</summary>
    public static DecisionContent Prefilled(CommendationForm form, ProposalList list, string boardName, IReadOnlyList<ProposedRecipient> chosen,
        int number, DateOnly date, string? capacity, string title, string name, Correction? corrects) =>
        new(number, form.Symbol, date, form.Place, capacity, title, name,
            [LawGround, DecreeGround],
            corrects is null
                ? $"Xét đề nghị của {boardName} về kết quả {list.Name}."
                : $"Xét đề nghị của {boardName} về việc {CorrectionKinds.Label(corrects.Kind).ToLowerInvariant()} Quyết định số {corrects.Number}.",
            $"Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ["Như Điều 3", boardName, "Lưu: VT"],
            form.PrizeCollective, form.PrizeIndividual,
            chosen.Select(p => new AnnexEntry(p.ModelId, p.RecipientKind, p.Name, p.Position, p.RecipientKind == RecipientKinds.Individual ? p.UnitName : null, p.Achievement)).ToList());

    /// <summary>The content after the secretary's input: each field checked and named in Vietnamese; annex lines only
    /// from the proposal, of the form's level and recipient kinds, none commended already by another decision of the
    /// round (a correction may name its own decision's).</summary>
    public static (DecisionContent? Content, Errors Errors) Apply(DecisionContent current, DecisionInput input, CommendationForm form, ProposalList list,
        IReadOnlyDictionary<Guid, Commendation> commended, Correction? corrects)
    {
        var errors = new Errors();
        var number = current.Number;
        var symbol = current.Symbol;
        if (input.Number is not null)
        {
            if (ParseNumber(input.Number) is { } parsed) (number, symbol) = parsed;
            else errors.Add(true, "number", "Số, ký hiệu quyết định có dạng 125/QĐ-UBND.");
        }
        var date = current.Date;
        if (input.Date is not null)
        {
            var (value, error) = VietnameseDate.Parse(input.Date);
            errors.Add(error is not null, "date", error ?? "");
            if (value is { } d) date = d;
        }
        string Text(string? value, string old, string field, string label, int max)
        {
            if (value is null) return old;
            var text = VietnameseText.NfcOrNull(value);
            errors.Add(text is null, field, $"Vui lòng nhập {label}.");
            errors.Add(text?.Length > max, field, $"{label[..1].ToUpperInvariant()}{label[1..]} không được dài quá {max} ký tự.");
            return text ?? old;
        }
        IReadOnlyList<string> Lines(List<string>? value, IReadOnlyList<string> old, string field, string label, bool required)
        {
            if (value is null) return old;
            var lines = value.Select(VietnameseText.NfcOrNull).OfType<string>().ToList();
            errors.Add(required && lines.Count == 0, field, $"Vui lòng nhập {label}.");
            errors.Add(lines.Count > MaxLines, field, $"Tối đa {MaxLines} dòng {label}.");
            errors.Add(lines.Any(l => l.Length > MaxLine), field, $"Mỗi dòng {label} không được dài quá {MaxLine} ký tự.");
            return lines;
        }
        var place = Text(input.Place, current.Place, "place", "địa danh", 100);
        var capacity = input.SignerCapacity is null ? current.SignerCapacity : VietnameseText.NfcOrNull(input.SignerCapacity);
        errors.Add(capacity is not null && (capacity.Length > 100 || !(capacity.StartsWith("TM.", StringComparison.Ordinal) || capacity.StartsWith("KT.", StringComparison.Ordinal))),
            "signerCapacity", "Thẩm quyền ký bắt đầu bằng “TM.” hoặc “KT.” (ví dụ KT. CHỦ TỊCH), hoặc để trống khi người đứng đầu ký.");
        var title = Text(input.SignerTitle, current.SignerTitle, "signerTitle", "chức vụ người ký", 200);
        var name = Text(input.SignerName, current.SignerName, "signerName", "họ tên người ký", 200);
        var grounds = Lines(input.Grounds, current.Grounds, "grounds", "căn cứ", true);
        var proposal = Text(input.Proposal, current.Proposal, "proposal", "nội dung xét đề nghị", MaxText);
        var executors = Text(input.Executors, current.Executors, "executors", "nội dung Điều 3 (trách nhiệm thi hành)", MaxText);
        var copies = Lines(input.CopiesTo, current.CopiesTo, "copiesTo", "nơi nhận", true);
        var (prizeCollective, e1) = input.PrizeCollective is null ? (current.PrizeCollective, null) : Money.Parse(input.PrizeCollective, "Tiền thưởng tập thể");
        var (prizeIndividual, e2) = input.PrizeIndividual is null ? (current.PrizeIndividual, null) : Money.Parse(input.PrizeIndividual, "Tiền thưởng cá nhân");
        errors.Add(e1 is not null, "prizeCollective", e1 ?? "");
        errors.Add(e2 is not null, "prizeIndividual", e2 ?? "");
        var annex = input.Annex is null ? current.Annex : Annex(input.Annex, current.Annex, list, errors);
        errors.Add(annex.Count == 0, "annex", "Danh sách kèm theo phải có ít nhất một tập thể hoặc cá nhân.");
        errors.Add(annex.Count > MaxAnnex, "annex", $"Danh sách kèm theo tối đa {MaxAnnex} tập thể, cá nhân.");
        RecipientsAllowed(annex, form, list, commended, corrects, errors);
        if (!errors.Ok) return (null, errors);
        return (new DecisionContent(number, symbol, date, place, capacity, title, name, grounds, proposal, executors, copies,
            prizeCollective, prizeIndividual, annex), errors);
    }

    static IReadOnlyList<AnnexEntry> Annex(List<AnnexInput> input, IReadOnlyList<AnnexEntry> current, ProposalList list, Errors errors)
    {
        var result = new List<AnnexEntry>();
        for (var i = 0; i < input.Count; i++)
        {
            var a = input[i];
            var proposal = a.ModelId is { } id ? list.Proposal(id) : null;
            if (proposal is null)
            {
                errors.Add(true, $"annex[{i}].modelId", "Tập thể, cá nhân này không có trong danh sách đề nghị khen thưởng của đợt.");
                continue;
            }
            var before = current.FirstOrDefault(c => c.ModelId == proposal.ModelId);
            string Field(string? value, string? old, string field, string label, int max, bool required)
            {
                var text = value is null ? old : VietnameseText.NfcOrNull(value);
                errors.Add(required && text is null, $"annex[{i}].{field}", $"Vui lòng nhập {label} ({proposal.Name}).");
                errors.Add(text?.Length > max, $"annex[{i}].{field}", $"{label[..1].ToUpperInvariant()}{label[1..]} không được dài quá {max} ký tự ({proposal.Name}).");
                return text ?? "";
            }
            var name = Field(a.Name, before?.Name ?? proposal.Name, "name", "tên tập thể, cá nhân", 300, true);
            var position = Field(a.Position, before?.Position ?? proposal.Position, "position", "chức vụ", 300, false);
            var unit = Field(a.Unit, before?.Unit ?? (proposal.RecipientKind == RecipientKinds.Individual ? proposal.UnitName : null), "unit", "đơn vị", 300, false);
            var achievement = Field(a.Achievement, before?.Achievement ?? proposal.Achievement, "achievement", "thành tích", MaxLine, true);
            if (result.Any(r => r.ModelId == proposal.ModelId))
            {
                errors.Add(true, $"annex[{i}].modelId", $"“{proposal.Name}” có hai lần trong danh sách kèm theo.");
                continue;
            }
            result.Add(new AnnexEntry(proposal.ModelId, proposal.RecipientKind, name, position.Length == 0 ? null : position, unit.Length == 0 ? null : unit, achievement));
        }
        return result;
    }

    static void RecipientsAllowed(IReadOnlyList<AnnexEntry> annex, CommendationForm form, ProposalList list,
        IReadOnlyDictionary<Guid, Commendation> commended, Correction? corrects, Errors errors)
    {
        for (var i = 0; i < annex.Count; i++)
        {
            var a = annex[i];
            var proposal = list.Proposal(a.ModelId);
            if (proposal is null) { errors.Add(true, "annex", $"“{a.Name}” không có trong danh sách đề nghị khen thưởng của đợt."); continue; }
            if (corrects is null)
            {
                errors.Add(proposal.Level != form.Level, "annex",
                    $"“{a.Name}” được đề nghị {CommendationLevels.Label(proposal.Level)}, không phải {form.Name}.");
                errors.Add(!form.Allows(a.RecipientKind), "annex", $"{form.Name} không tặng cho {RecipientKinds.Label(a.RecipientKind).ToLowerInvariant()} (“{a.Name}”).");
            }
            if (commended.TryGetValue(a.ModelId, out var already) && already.DecisionId != corrects?.DecisionId)
                errors.Add(true, "annex", $"“{a.Name}” đã được khen thưởng theo Quyết định số {already.Number}: một thành tích chỉ khen thưởng một lần.");
            if (corrects?.Kind == CorrectionKinds.Revoke && (!commended.TryGetValue(a.ModelId, out var byIt) || byIt.DecisionId != corrects.DecisionId))
                errors.Add(true, "annex", $"“{a.Name}” không được khen thưởng theo Quyết định số {corrects.Number}: không hủy bỏ được.");
        }
    }

    static readonly Guid CertificateSpace = new("0f5e2c8a-91d4-4b6f-8e3a-5c7d1b2a9e40");

    /// <summary>A certificate's id: a version 5 UUID of the decision id and the annex position, the same on every node.</summary>
    public static Guid CertificateId(Guid decisionId, int annexOrder)
    {
        Span<byte> name = stackalloc byte[20];
        decisionId.TryWriteBytes(name[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(name[16..], annexOrder);
        return Kernel.Identity.NameBasedId.Of(CertificateSpace, name);
    }

    /// <summary>One certificate per annex line, in annex order, numbered in the form's gold book of the year from
    /// <paramref name="firstNumber"/>; a revocation issues none.</summary>
    public static IReadOnlyList<CertificateFacts> Certificates(AwardDecision d, int firstNumber, int year)
    {
        if (d.IsRevocation) return [];
        var c = d.Content;
        return c.Annex.Select((a, i) => new CertificateFacts(CertificateId(d.Id, i + 1), d.Id, c.NumberAndSymbol, c.Date,
            d.Form.Code, d.Form.PrintedName, d.Form.Paper, d.Form.IssuerUnitId, d.Form.IssuerTitle, a.RecipientKind, a.Name, a.Position, a.Unit,
            a.Achievement, firstNumber + i, year, c.Place, c.SignerCapacity ?? "", c.SignerTitle, c.SignerName, i + 1)).ToList();
    }

    /// <summary>Why a correction takes the earlier certificates back, as the verification page says it.</summary>
    public static string CorrectionReason(AwardDecision d) => d.Corrects?.Kind == CorrectionKinds.Revoke
        ? $"Hủy bỏ khen thưởng theo Quyết định số {d.Content.NumberAndSymbol}. {d.Content.Proposal}"
        : $"Thay bằng giấy chứng nhận theo Quyết định số {d.Content.NumberAndSymbol} (sửa đổi Quyết định số {d.Corrects?.Number}).";

    /// <summary>What refuses a signature, in the order it is checked; null when the decision may be signed.</summary>
    public static string? SignRefusal(AwardDecision d, long? version)
    {
        if (d.State == DecisionState.Signed) return $"Quyết định số {d.Content.NumberAndSymbol} đã được ký: không ký lại được.";
        if (version != d.Version) return Problems.StaleVersion;
        return null;
    }
}
