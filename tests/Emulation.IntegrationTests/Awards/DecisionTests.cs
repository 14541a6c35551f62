using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace Emulation.IntegrationTests.Awards;

/// <summary>Award decisions over HTTP (ADR 0030): the secretary drafts from a published proposal list, only the approver
/// with authority signs, every refusal is a Vietnamese 4xx that stores nothing, and one achievement is commended once.</summary>
[Collection(AppCollection.Name)]
public sealed class DecisionTests(AppFixture app)
{
    [Fact]
    public async Task The_secretary_drafts_and_edits_the_approver_signs_and_every_refusal_names_what_is_wrong()
    {
        var (round, models) = await app.ProposedRound(3);
        var form = await app.ProvincialForm();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        using var approver = await app.As(AwardsScenarios.Approver);

        using (var officer = await app.As("canbo.phuong1"))
            (await officer.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models))).Expect(HttpStatusCode.NotFound);
        using (var otherBoard = await app.As("thuky.bdvtp"))
            (await otherBoard.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models))).Expect(HttpStatusCode.NotFound);
        using (var member = await app.As("uyvien.bdvtinh"))
            (await member.Get($"/api/awards/proposals/{round}")).Expect(HttpStatusCode.NotFound);
        var stranger = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, [models[0], Guid.NewGuid()]))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không có trong danh sách đề nghị", Assert.Single(stranger.Errors("recipients")));
        var many = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, Enumerable.Range(0, 1234).Select(_ => Guid.NewGuid()))))
            .Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith("1.234 tập thể, cá nhân", Assert.Single(many.Errors("recipients")));
        var badNumber = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models, "QĐ 125"))).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badNumber.Errors("number"));

        var number = AwardsScenarios.Number();
        var created = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models[..2], number))).Expect(HttpStatusCode.Created);
        var id = created.Id;
        var used = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, [models[2]], number))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("đã được dùng", Assert.Single(used.Errors("number")));

        var view = (await secretary.Get($"/api/awards/decisions/{id}")).Expect(HttpStatusCode.OK).Body;
        var annex = view.GetProperty("decision").GetProperty("content").GetProperty("annex");
        Assert.Equal(2, annex.GetArrayLength());
        Assert.Contains("Luật Thi đua, khen thưởng", view.GetProperty("decision").GetProperty("content").GetProperty("grounds")[0].GetString());
        Assert.True(view.GetProperty("canEdit").GetBoolean());
        Assert.False(view.GetProperty("canSign").GetBoolean());

        var edit = new
        {
            annex = new[]
            {
                new { modelId = models[0], achievement = (string?)"Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2020 - 2023" },
                new { modelId = models[1], achievement = (string?)null }
            },
            prizeCollective = "5.000.000", version = 1L
        };
        (await secretary.Put($"/api/awards/decisions/{id}", edit)).Expect(HttpStatusCode.OK);
        (await secretary.Put($"/api/awards/decisions/{id}", new { proposal = "Xét đề nghị khác.", version = 1L })).Expect(HttpStatusCode.Conflict);
        var notProposed = (await secretary.Put($"/api/awards/decisions/{id}", new { annex = new[] { new { modelId = Guid.NewGuid() } }, version = 2L }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notProposed.Errors("annex[0].modelId"));

        (await secretary.Post($"/api/awards/decisions/{id}/sign", new { version = 2L })).Expect(HttpStatusCode.Forbidden);
        using (var otherApprover = await app.As("thuky.bdvtinh"))
            (await otherApprover.Post($"/api/awards/decisions/{id}/sign", new { version = 2L })).Expect(HttpStatusCode.NotFound);
        (await approver.Post($"/api/awards/decisions/{id}/sign", new { version = 1L })).Expect(HttpStatusCode.Conflict);
        var signed = (await approver.Post($"/api/awards/decisions/{id}/sign", new { version = 2L })).Expect(HttpStatusCode.OK);
        Assert.Equal([1, 2], signed.Body.GetProperty("goldBookNumbers").EnumerateArray().Select(n => n.GetInt32()));
        var twice = (await approver.Post($"/api/awards/decisions/{id}/sign", new { version = 3L })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("đã được ký", twice.Detail);
        (await secretary.Put($"/api/awards/decisions/{id}", new { proposal = "Sửa sau khi ký.", version = 3L })).Expect(HttpStatusCode.Conflict);

        var signedView = (await approver.Get($"/api/awards/decisions/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("decision");
        Assert.Equal("Signed", signedView.GetProperty("state").GetString());
        var certificates = signedView.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(2, certificates.Count);
        Assert.Equal("Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2020 - 2023", certificates[0].GetProperty("achievement").GetString());
        Assert.Equal(number, certificates[0].GetProperty("decisionNumber").GetString());
        Assert.Equal("KT. CHỦ TỊCH", certificates[0].GetProperty("signerAuthority").GetString());
        Assert.Equal(5_000_000m, signedView.GetProperty("content").GetProperty("prizeCollective").GetDecimal());

        var again = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, [models[0], models[2]]))).Expect(HttpStatusCode.BadRequest);
        // A draft is sent with recipients, not an annex: the refusal names the field the draft has (tests/stranger/api.py).
        Assert.Contains($"Quyết định số {number}", Assert.Single(again.Errors("recipients")));
        Assert.Contains("Phường 1", Assert.Single(again.Errors("recipients")));
        Assert.Empty(again.Errors("annex"));

        var pdf = await approver.Client.GetAsync($"/api/awards/decisions/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var docx = await approver.Client.GetAsync($"/api/awards/decisions/{id}/docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("QUYẾT ĐỊNH", word.MainDocumentPart!.Document.Body!.InnerText);

        var revoke = (await secretary.Post("/api/awards/decisions",
            new { roundId = round, recipients = new[] { models[1] }, number = AwardsScenarios.Number(), date = "20/11/2026", signerTitle = "PHÓ CHỦ TỊCH",
                signerName = "Ngô Văn Phúc", corrects = id, correctionKind = "revoke" })).Expect(HttpStatusCode.Created);
        var revokeSigned = (await approver.Post($"/api/awards/decisions/{revoke.Id}/sign", new { version = 1L })).Expect(HttpStatusCode.OK);
        Assert.Empty(revokeSigned.Body.GetProperty("goldBookNumbers").EnumerateArray());
        var earlier = (await approver.Get($"/api/awards/decisions/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("decision");
        Assert.Equal("revoke", Assert.Single(earlier.GetProperty("correctedBy").EnumerateArray()).GetProperty("kind").GetString());
        // The revoked recipient may be commended again by a new decision; the other one still may not.
        (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, [models[1]]))).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_draft_waits_for_published_results_and_a_form_outside_the_signers_authority_is_refused()
    {
        var (round, models) = await app.ProposedRound(1, publish: false);
        var form = await app.ProvincialForm();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var early = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("chưa công bố", early.Detail);
        (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        await app.WaitForReviewFeed();

        using var admin = await app.As("quantri");
        var district = await admin.UnitId("CM-UM");
        var catalogue = (await admin.Get("/api/awards/catalogue")).Expect(HttpStatusCode.OK).Body;
        var code = DirectoryScenarios.Unique("giay-khen-um-");
        (await admin.Put("/api/awards/catalogue/forms", AwardsScenarios.FormBody(code, "bang-khen-tinh", district, catalogue.GetProperty("version").GetInt64())))
            .Expect(HttpStatusCode.OK);
        var outside = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, code, models))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Thẩm quyền", Assert.Single(outside.Errors("formCode")));
        var wrongLevel = await app.ProvincialForm("giay-khen-xa");
        var level = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, wrongLevel, models))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("được đề nghị Bằng khen", Assert.Single(level.Errors("recipients")));
        (await secretary.Put("/api/awards/catalogue/forms", AwardsScenarios.FormBody(DirectoryScenarios.Unique("x-"), "bang-khen-tinh", district, 0)))
            .Expect(HttpStatusCode.Forbidden);
        var stale = (await admin.Put("/api/awards/catalogue/forms", AwardsScenarios.FormBody(DirectoryScenarios.Unique("x-"), "bang-khen-tinh", district, 0)))
            .Expect(HttpStatusCode.Conflict);
        Assert.NotNull(stale.Detail);
    }

    [Fact]
    public async Task Two_approvers_signing_at_once_get_consecutive_gold_book_numbers_and_one_decision_is_signed_once()
    {
        var (round, models) = await app.ProposedRound(4);
        var form = await app.ProvincialForm();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var first = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models[..2]))).Expect(HttpStatusCode.Created).Id;
        var second = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models[2..]))).Expect(HttpStatusCode.Created).Id;
        using var one = await app.As(AwardsScenarios.Approver);
        using var two = await app.As(AwardsScenarios.Approver);
        var replies = await Task.WhenAll(
            one.Post($"/api/awards/decisions/{first}/sign", new { version = 1L }),
            two.Post($"/api/awards/decisions/{second}/sign", new { version = 1L }));
        Assert.All(replies, r => r.Expect(HttpStatusCode.OK));
        var numbers = replies.SelectMany(r => r.Body.GetProperty("goldBookNumbers").EnumerateArray().Select(n => n.GetInt32())).Order().ToList();
        Assert.Equal([1, 2, 3, 4], numbers);

        var third = (await secretary.Post("/api/awards/decisions",
            new { roundId = round, recipients = new[] { models[0] }, number = AwardsScenarios.Number(), date = "20/11/2026", signerTitle = "PHÓ CHỦ TỊCH",
                signerName = "Ngô Văn Phúc", corrects = first, correctionKind = "amend" })).Expect(HttpStatusCode.Created).Id;
        var race = await Task.WhenAll(
            one.Post($"/api/awards/decisions/{third}/sign", new { version = 1L }),
            two.Post($"/api/awards/decisions/{third}/sign", new { version = 1L }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], race.Select(r => r.Status).OrderBy(s => s));
        Assert.Equal([5], race.Single(r => r.Status == HttpStatusCode.OK).Body.GetProperty("goldBookNumbers").EnumerateArray().Select(n => n.GetInt32()));
    }
}
