using Emulation.Awards.Catalogue;
using Emulation.Awards.Decisions;
using Emulation.Awards.Proposals;
using Emulation.Contracts;

namespace Emulation.UnitTests.AwardDecisions;

/// <summary>The pure rules of award decisions (ADR 0030): number and symbol, who is already commended, what a draft may
/// name, the certificates' numbering.</summary>
public sealed class AwardRulesTests
{
    static readonly Guid Issuer = Guid.NewGuid();

    internal static CommendationForm Form(string level = CommendationLevels.BangKhenTinh, params string[] recipients) =>
        new("bang-khen-tinh-thu", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", "BẰNG KHEN", level, Issuer, null, "ỦY BAN NHÂN DÂN TỈNH CÀ MAU",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "QĐ-UBND", "Cà Mau", recipients.Length == 0 ? [RecipientKinds.Collective, RecipientKinds.Individual] : recipients,
            Papers.A3Landscape, 4_680_000, 2_340_000, false, true);

    internal static ProposalList List(params ProposedRecipient[] proposals) =>
        new() { Id = Guid.NewGuid(), Name = "Sơ kết 2020-2023", BoardId = Guid.NewGuid(), Published = true, Proposals = proposals.ToList() };

    internal static ProposedRecipient Proposed(string name, string kind = RecipientKinds.Collective, string level = CommendationLevels.BangKhenTinh) =>
        new(Guid.NewGuid(), "CM-2023-0001", "Mô hình " + name, kind, name, kind == RecipientKinds.Individual ? "Tổ trưởng tổ dân phố" : null, Guid.NewGuid(),
            "Phường 1", level, "Đã có thành tích xuất sắc", DateTimeOffset.UnixEpoch);

    internal static AwardDecision Decision(ProposalList list, CommendationForm form, IReadOnlyList<ProposedRecipient> chosen, int number, Correction? corrects = null)
    {
        var content = DecisionRules.Prefilled(form, list, "Ban Dân vận Tỉnh ủy Cà Mau", chosen, number, new DateOnly(2023, 11, 15), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ngô Văn Phúc", corrects);
        return AwardDecision.Create(new DecisionDrafted(Guid.NewGuid(), list.Id, list.Name, list.BoardId, form, content, corrects, Guid.NewGuid(), DateTimeOffset.UnixEpoch));
    }

    static AwardDecision Signed(AwardDecision d, int minutes) =>
        d.Apply(new DecisionSigned(d.Id, 2023, DecisionRules.Certificates(d, 1, 2023), Guid.NewGuid(), "Ngô Văn Phúc", DateTimeOffset.UnixEpoch.AddMinutes(minutes)));

    [Theory]
    [InlineData("125/QĐ-UBND", 125, "QĐ-UBND")]
    [InlineData(" 7 / QĐ-BDVTU ", 7, "QĐ-BDVTU")]
    public void A_number_and_symbol_is_read_as_typed(string text, int number, string symbol) =>
        Assert.Equal((number, symbol), DecisionRules.ParseNumber(text));

    [Theory]
    [InlineData("QĐ-UBND")]
    [InlineData("0/QĐ-UBND")]
    [InlineData("125")]
    [InlineData("125/QĐ")]
    [InlineData("1234567/QĐ-UBND")]
    public void Anything_else_is_not_a_number(string text) => Assert.Null(DecisionRules.ParseNumber(text));

    [Fact]
    public void A_revocation_takes_its_recipients_out_and_an_amendment_takes_them_over()
    {
        var a = Proposed("Phường 1");
        var b = Proposed("Xã Khánh Hội");
        var list = List(a, b);
        var first = Signed(Decision(list, Form(), [a, b], 125), 1);
        var revoke = Signed(Decision(list, Form(), [a], 130, new Correction(first.Id, "125/QĐ-UBND", CorrectionKinds.Revoke)), 2);
        var amend = Signed(Decision(list, Form(), [b], 131, new Correction(first.Id, "125/QĐ-UBND", CorrectionKinds.Amend)), 3);
        var draft = Decision(list, Form(), [a], 140);

        var commended = DecisionRules.Commended([amend, draft, revoke, first]);
        Assert.Equal([b.ModelId], commended.Keys);
        Assert.Equal(amend.Id, commended[b.ModelId].DecisionId);
        Assert.Equal("131/QĐ-UBND", commended[b.ModelId].Number);
    }

    [Fact]
    public void A_recipient_already_commended_in_the_round_is_refused_by_name_unless_its_own_decision_is_corrected()
    {
        var a = Proposed("Phường 1");
        var list = List(a);
        var first = Signed(Decision(list, Form(), [a], 125), 1);
        var commended = DecisionRules.Commended([first]);
        var input = new DecisionInput(null, null, null, null, null, null, null, null, null, null, null, null, null);

        var (refused, errors) = DecisionRules.Apply(Decision(list, Form(), [a], 126).Content, input, Form(), list, commended, null);
        Assert.Null(refused);
        Assert.Equal("“Phường 1” đã được khen thưởng theo Quyết định số 125/QĐ-UBND: một thành tích chỉ khen thưởng một lần.", Assert.Single(errors["annex"]));

        var correction = new Correction(first.Id, "125/QĐ-UBND", CorrectionKinds.Amend);
        var (amended, _) = DecisionRules.Apply(Decision(list, Form(), [a], 127, correction).Content, input, Form(), list, commended, correction);
        Assert.NotNull(amended);
    }

    [Fact]
    public void The_annex_takes_only_the_proposal_s_recipients_of_the_form_s_level_and_kinds()
    {
        var collective = Proposed("Phường 1");
        var person = Proposed("Nguyễn Văn Sáu", RecipientKinds.Individual);
        var other = Proposed("Xã Trần Hợi", level: CommendationLevels.GiayKhenBanDanVanTinh);
        var list = List(collective, person, other);
        var form = Form(CommendationLevels.BangKhenTinh, RecipientKinds.Collective);
        var start = Decision(list, form, [collective], 125).Content;
        var input = new DecisionInput("125/QĐ-UBND", "31/12/2026", null, "Chủ tịch", null, null, ["  "], null, null, null, "1,500", null,
            [new AnnexInput(collective.ModelId, null, null, null, null), new AnnexInput(person.ModelId, null, null, null, null),
                new AnnexInput(other.ModelId, null, null, null, null), new AnnexInput(Guid.NewGuid(), "Người lạ", null, null, "x")]);

        var (content, errors) = DecisionRules.Apply(start, input, form, list, new Dictionary<Guid, Commendation>(), null);

        Assert.Null(content);
        Assert.Contains("không có trong danh sách đề nghị", Assert.Single(errors["annex[3].modelId"]));
        Assert.Contains(errors["annex"], e => e.Contains("không tặng cho cá nhân (“Nguyễn Văn Sáu”)"));
        Assert.Contains(errors["annex"], e => e.Contains("“Xã Trần Hợi” được đề nghị Giấy khen"));
        Assert.NotEmpty(errors["signerCapacity"]);
        Assert.NotEmpty(errors["grounds"]);
        Assert.NotEmpty(errors["prizeCollective"]);
    }

    [Fact]
    public void Edits_keep_what_is_not_sent_and_read_vietnamese_dates_and_money()
    {
        var a = Proposed("Phường 1");
        var list = List(a);
        var start = Decision(list, Form(), [a], 125).Content;
        var input = new DecisionInput("126/QĐ-UBND", "05/01/2024", null, null, null, null, null, null, null, null, "1.500.000", "", null);

        var (content, errors) = DecisionRules.Apply(start, input, Form(), list, new Dictionary<Guid, Commendation>(), null);

        Assert.True(errors.Ok);
        Assert.Equal(126, content!.Number);
        Assert.Equal(new DateOnly(2024, 1, 5), content.Date);
        Assert.Equal(1_500_000m, content.PrizeCollective);
        Assert.Null(content.PrizeIndividual);
        Assert.Equal(start.Grounds, content.Grounds);
        Assert.Equal(start.Annex, content.Annex);
        Assert.StartsWith("Căn cứ Luật Thi đua, khen thưởng", content.Grounds[0]);
    }

    [Fact]
    public void Certificates_follow_the_annex_from_the_first_free_gold_book_number_with_ids_that_never_change()
    {
        var a = Proposed("Phường 1");
        var b = Proposed("Nguyễn Văn Sáu", RecipientKinds.Individual);
        var list = List(a, b);
        var d = Decision(list, Form(), [a, b], 125);

        var certificates = DecisionRules.Certificates(d, 41, 2023);

        Assert.Equal([41, 42], certificates.Select(c => c.GoldBookNumber));
        Assert.Equal([1, 2], certificates.Select(c => c.AnnexOrder));
        Assert.Equal(["Phường 1", "Nguyễn Văn Sáu"], certificates.Select(c => c.RecipientName));
        Assert.Equal("Tổ trưởng tổ dân phố", certificates[1].RecipientPosition);
        Assert.Equal("125/QĐ-UBND", certificates[0].DecisionNumber);
        Assert.Equal(DecisionRules.CertificateId(d.Id, 1), certificates[0].CertificateId);
        Assert.NotEqual(certificates[0].CertificateId, certificates[1].CertificateId);
        Assert.Empty(DecisionRules.Certificates(Decision(list, Form(), [a], 130, new Correction(d.Id, "125/QĐ-UBND", CorrectionKinds.Revoke)), 43, 2023));
    }

    [Fact]
    public void A_signed_decision_is_never_signed_again_and_a_stale_version_is_refused()
    {
        var a = Proposed("Phường 1");
        var d = Decision(List(a), Form(), [a], 125);
        Assert.Null(DecisionRules.SignRefusal(d, 1));
        Assert.NotNull(DecisionRules.SignRefusal(d, 0));
        Assert.Contains("đã được ký", DecisionRules.SignRefusal(Signed(d, 1), 1));
    }
}
