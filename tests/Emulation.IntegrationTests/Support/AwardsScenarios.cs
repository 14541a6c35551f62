using System.Net;
using Emulation.Awards.Proposals;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds awards state through the API: a round of Phường 1's board decided and published in Review, copied into
/// Awards by the feed, and a form of commendation of the province's chairman only the test uses (its own gold book).</summary>
public static class AwardsScenarios
{
    public const string Approver = "lanhdao.tinh";
    static int _number = Random.Shared.Next(1000, 400000);

    /// <summary>A decision number of the province no other test uses.</summary>
    public static string Number(string symbol = "QĐ-UBND") => $"{Interlocked.Increment(ref _number)}/{symbol}";

    public static async Task WaitForReviewFeed(this AppFixture app)
    {
        var copied = await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Review, TimeSpan.FromSeconds(30));
        Assert.True(copied, "the Review feed did not reach Awards within 30 s");
    }

    public static async Task<ProposalList?> ProposalCopy(this AppFixture app, Guid roundId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<ProposalList>(roundId);
    }

    /// <summary>A round of <paramref name="models"/> models of Phường 1, each proposed for <paramref name="level"/>;
    /// published (closed) unless asked otherwise.</summary>
    public static async Task<(Guid Round, Guid[] Models)> ProposedRound(this AppFixture app, int models, string level = "bang-khen-tinh", bool publish = true)
    {
        var (period, rubric) = await Shared.GetValue(app, a => new Lazy<Task<(Guid, Guid)>>(() => PeriodAndRubric(a))).Value;
        var ids = new List<Guid>();
        for (var i = 0; i < models; i++)
            ids.Add(await app.AcceptedModel(DirectoryScenarios.Unique("Mô hình khen thưởng "), new() { ["periodId"] = period }));
        var campaign = (await app.ReviewCopy(ids[0]))!.CampaignId!.Value;
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var round = (await secretary.Post("/api/review/rounds", ReviewScenarios.RoundBody(campaign, period, rubric))).Expect(HttpStatusCode.Created).Id;
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);
        foreach (var model in ids)
            (await secretary.Post($"/api/review/rounds/{round}/decisions/{model}",
                new { outcome = "proposed", level, present = 7, @for = 6, against = 1, note = "Được nhân dân đồng tình, nhân rộng ở nhiều khu phố", revision = 0 }))
                .Expect(HttpStatusCode.OK);
        if (publish) (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        await app.WaitForReviewFeed();
        return (round, ids.ToArray());
    }

    // One period and one rubric for every awards test: a period per round would crowd the register's period list. A later
    // round of the period covers the earlier rounds' models too; each test decides only on its own.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, Lazy<Task<(Guid, Guid)>>> Shared = new();

    static async Task<(Guid Period, Guid Rubric)> PeriodAndRubric(AppFixture app)
    {
        using var admin = await app.As("quantri");
        using var secretary = await app.As(ReviewScenarios.Secretary);
        return (await admin.OpenPeriod(), await secretary.PresetRubric());
    }

    /// <summary>A Bằng khen signed by the province's approver, at <paramref name="level"/>, under a code of its own.</summary>
    public static async Task<string> ProvincialForm(this AppFixture app, string level = "bang-khen-tinh")
    {
        using var admin = await app.As("quantri");
        var province = await admin.UnitId("CM");
        var catalogue = (await admin.Get("/api/awards/catalogue")).Expect(HttpStatusCode.OK).Body;
        var code = DirectoryScenarios.Unique("bang-khen-thu-");
        (await admin.Put("/api/awards/catalogue/forms", FormBody(code, level, province, catalogue.GetProperty("version").GetInt64()))).Expect(HttpStatusCode.OK);
        return code;
    }

    public static object FormBody(string code, string level, Guid issuer, long version) => new
    {
        code, name = "Bằng khen của Chủ tịch UBND tỉnh (thử " + code + ")", printedName = "Bằng khen", level, issuerUnitId = issuer,
        issuerName = "Ủy ban nhân dân tỉnh Cà Mau", issuerTitle = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", symbol = "QĐ-UBND", place = "Cà Mau",
        recipients = new[] { "collective", "individual" }, paper = "A3-landscape", prizeCollective = "4.680.000", prizeIndividual = "2.340.000", version
    };

    public static object DraftBody(Guid round, string form, IEnumerable<Guid> recipients, string? number = null) => new
    {
        roundId = round, formCode = form, recipients = recipients.ToArray(), number = number ?? Number(), date = "15/11/2026",
        signerCapacity = "KT. CHỦ TỊCH", signerTitle = "PHÓ CHỦ TỊCH", signerName = "Ngô Văn Phúc"
    };
}
