using System.Net;
using System.Text.Json;
using Emulation.Awards.Proposals;
using Emulation.Awards.Reports;
using Emulation.Contracts;
using Emulation.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Awards;

/// <summary>The report counts in the database (ADR 0044): on the same copies, its figures must be the pure computation's over
/// every row, as of days that cut through the rows (a model accepted at midnight in Vietnam, one never sent, a replica whose
/// original is only a draft).</summary>
[Collection(AppCollection.Name)]
public sealed class ReportTallyTests(AppFixture app)
{
    static DateTimeOffset Vn(int y, int m, int d, int hour = 9) => new(y, m, d, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task The_figures_counted_by_the_database_are_the_pure_computations_over_every_row()
    {
        using var admin = await app.As("quantri");
        var province = await admin.UnitId("CM");
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var campaign = Guid.NewGuid();
        var period = Guid.NewGuid();
        var levels = new[] { StandardLevels.Grassroots, StandardLevels.District, StandardLevels.Province, "cap-la" };
        var kinds = new[] { ModelKindCodes.Model, ModelKindCodes.CollectiveExemplar, ModelKindCodes.IndividualExemplar };
        var fields = StandardFields.All.Select(f => f.Code).ToArray();
        var draftOriginal = Guid.NewGuid();
        var rows = new List<ReportModel>
        {
            // Drafts are copied but never counted: this one is the original of a replica below.
            Copy(draftOriginal, "NHAP-1", StandardLevels.Province, kinds[0], fields[0], null, null, null),
            // Accepted at 00:00 on 1 January 2022 in Vietnam: still 31 December 2021 in UTC, but counted from 2022 only.
            Copy(Guid.NewGuid(), "NUA-DEM", StandardLevels.Province, kinds[0], fields[1], Vn(2021, 12, 20), Vn(2022, 1, 1, 0), null),
            // Accepted without a recorded submission (an imported register may hold only the decision).
            Copy(Guid.NewGuid(), "CHI-CN", StandardLevels.District, kinds[1], fields[2], null, Vn(2021, 6, 1), null)
        };
        for (var i = 0; i < 120; i++)
        {
            Guid? replicates = i % 9 == 8 ? rows[3 + i / 20].Id : i % 31 == 30 ? draftOriginal : null;
            rows.Add(Copy(Guid.NewGuid(), i % 13 == 0 ? null : $"TL-{i:000}", levels[i % levels.Length], kinds[i % kinds.Length], fields[i % fields.Length],
                Vn(2020, 1, 1).AddDays(i * 11), i % 5 == 4 ? null : Vn(2020, 2, 1).AddDays(i * 11), replicates));
        }
        await using (var session = store.LightweightSession())
        {
            // No period is named: the report's form lists every campaign's periods, and this one only needs to be found.
            session.Store(new ReportCampaign { Id = campaign, Name = "Đối chiếu đếm " + Guid.NewGuid().ToString()[..6] });
            session.Store(rows.ToArray());
            var ids = rows.Select(r => r.Id).ToArray();
            var outcomes = new List<OutcomeRow>();
            for (var round = 0; round < 2; round++)
            {
                var published = Vn(2021 + round, 1, 15);
                var decided = ids.Where((_, i) => i % 4 == round + 1)
                    .Select((id, i) => new ModelOutcome(id, (i % 3) switch { 0 => OutcomeCodes.Outstanding, 1 => OutcomeCodes.Recognised, _ => OutcomeCodes.Proposed }, null, published))
                    .ToList();
                session.Store(new ProposalList
                {
                    Id = Guid.NewGuid(), Name = $"Vòng {round}", Kind = "midterm", CampaignId = campaign, PeriodId = period, Published = true,
                    PublishedAt = published, SourceVersion = 1, Outcomes = decided
                });
            }
            for (var i = 0; i < 30; i++)
            {
                var id = Guid.NewGuid();
                session.Events.StartStream<PastCommendation>(id, new PastCommendationImported(id, campaign, i % 3 == 2 ? null : ids[i * 4 % ids.Length], null,
                    i % 2 == 0 ? RecipientKinds.Collective : RecipientKinds.Individual, $"Người nhận {i}", null, province, "",
                    i % 4 == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen của Chủ tịch UBND huyện", $"{i + 1}/QĐ-UBND", new DateOnly(2020 + i % 4, 6, 1),
                    "Ủy ban nhân dân", new ImportSource(Guid.NewGuid(), "khen-thuong.xlsx", "Khen thưởng", i + 2), Guid.NewGuid(), DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }

        ReportModel Copy(Guid id, string? code, string level, string kind, string field, DateTimeOffset? submitted, DateTimeOffset? accepted, Guid? replicates) => new()
        {
            Id = id, Code = code, Name = $"Mô hình đối chiếu {code ?? id.ToString()[..8]}", Kind = kind, Status = accepted is null ? "Submitted" : "Accepted",
            UnitId = province, CampaignId = campaign, PeriodId = period, FieldCode = field, LevelCode = level,
            SubmittedAt = submitted?.ToUniversalTime(), AcceptedAt = accepted?.ToUniversalTime(), ReplicatesModelId = replicates, SourceVersion = 1
        };

        foreach (var on in new[] { new DateOnly(2020, 12, 31), new DateOnly(2021, 12, 31), new DateOnly(2022, 1, 1), new DateOnly(2024, 6, 30) })
        {
            var expected = await Expected(store, campaign, rows, on);
            var actual = (await admin.Get($"/api/awards/reports/campaign?campaign={campaign}&on={on:yyyy-MM-dd}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
            Assert.Equal(Shape(JsonSerializer.SerializeToElement(expected, JsonSerializerOptions.Web)), Shape(actual));
        }
    }

    /// <summary>What the pure computation gives over every row, with the outcomes and commendations the report reads.</summary>
    static async Task<ReportTotals> Expected(IDocumentStore store, Guid campaign, List<ReportModel> copies, DateOnly on)
    {
        await using var session = store.QuerySession();
        var lists = await session.Query<ProposalList>().Where(l => l.CampaignId == campaign).ToListAsync();
        var outcomes = lists.SelectMany(l => l.Outcomes.Select(o => new OutcomeRow(o.ModelId, o.Outcome, l.PublishedAt!.Value.VietnamDate()))).ToList();
        var rows = copies.Where(c => c.SubmittedAt is not null || c.AcceptedAt is not null)
            .Select(c => new ReportRow(c.Id, c.Code, c.Name, c.Kind, c.Status, c.UnitId, c.LevelCode, c.FieldCode, c.SubmittedAt, c.AcceptedAt, c.ReplicatesModelId))
            .ToList();
        var ids = rows.Select(r => r.Id).ToHashSet();
        var past = await session.Query<PastCommendation>().Where(p => p.CampaignId == campaign).ToListAsync();
        var commendations = past.Where(p => p.ModelId is null || ids.Contains(p.ModelId.Value))
            .Select(p => new CommendationRow(p.ModelId, p.RecipientKind, p.FormName, p.DecisionDate, null) { UnitId = p.UnitId }).ToList();
        return ReportFigures.Compute(rows, outcomes, commendations, on);
    }

    static string Shape(JsonElement t) => JsonSerializer.Serialize(new
    {
        registered = t.GetProperty("registered").GetInt32(), accepted = t.GetProperty("accepted").GetInt32(),
        recognised = t.GetProperty("recognised").GetInt32(), outstanding = t.GetProperty("outstanding").GetInt32(),
        commended = t.GetProperty("commendedModels").GetInt32(), collectives = t.GetProperty("commendedCollectives").GetInt32(),
        individuals = t.GetProperty("commendedIndividuals").GetInt32(), replications = t.GetProperty("replications").GetInt32(),
        originals = t.GetProperty("replicatedOriginals").GetInt32(),
        byLevel = t.GetProperty("byLevel").EnumerateArray().Select(Canon).ToList(),
        byField = t.GetProperty("byField").EnumerateArray().Select(Canon).ToList(),
        byForm = t.GetProperty("byForm").EnumerateArray().Select(Canon).ToList(),
        outstandingModels = t.GetProperty("outstandingModels").EnumerateArray().Select(Canon).ToList(),
        mostReplicated = t.GetProperty("mostReplicated").EnumerateArray().Select(Canon).ToList()
    });

    /// <summary>A JSON value written the same way whichever serializer escaped it; an object's properties in name order.</summary>
    static string Canon(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Canon(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Canon)) + "]",
        JsonValueKind.String => "\"" + e.GetString() + "\"",
        _ => e.GetRawText()
    };
}
