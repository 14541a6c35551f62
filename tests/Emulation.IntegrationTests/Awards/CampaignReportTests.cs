using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Emulation.Awards.Reports;
using Emulation.Registry.Models;
using Emulation.Scope;
using Emulation.UnitTests.Documents;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Emulation.IntegrationTests.Awards;

/// <summary>The sơ kết report (issue 10, ADR 0033) over a province's registers of 2020-2023, generated here at a hundredth of
/// Cà Mau's size (the full size runs on a host of its own, <see cref="CaMauRegisterTests"/>, so 4,434 models do not crowd
/// this run's lists and feeds): the Registry's own events with their original dates, the feed carrying them to Awards,
/// commendations from the register.</summary>
[Collection(AppCollection.Name)]
public sealed class CampaignReportTests(AppFixture app)
{
    const int BelowProvince = 34, Provincial = 10, Collectives = 4, Individuals = 7;
    static readonly DateOnly First = new(2020, 3, 1);

    sealed record Register(Guid Campaign, Guid Period, Guid Province, Guid[] Districts, Guid[] Communes, List<(Guid Id, string Level, DateOnly Accepted, Guid? Replicates)> Models);

    static readonly SemaphoreSlim Once = new(1, 1);
    static Register? _register;

    async Task<Register> Registers()
    {
        await Once.WaitAsync();
        try { return _register ??= await Load(); }
        finally { Once.Release(); }
    }

    async Task<Register> Load()
    {
        using var admin = await app.As("quantri");
        var tag = DirectoryScenarios.Unique("");
        var province = await admin.CreateUnit("T" + tag, "Tỉnh Sơ Kết " + tag, "Province", null);
        var districts = new List<Guid>();
        var communes = new List<Guid>();
        for (var d = 0; d < 3; d++)
        {
            districts.Add(await admin.CreateUnit($"T{tag}-H{d}", $"Huyện {d + 1} ({tag})", "District", "T" + tag));
            for (var c = 0; c < 3; c++) communes.Add(await admin.CreateUnit($"T{tag}-H{d}-X{c}", $"Xã {d + 1}.{c + 1} ({tag})", "Commune", $"T{tag}-H{d}"));
        }
        var campaign = (await admin.Post("/api/registry/campaigns", new { name = "Dân vận khéo " + tag, startYear = 2020, endYear = 2025 })).Expect(HttpStatusCode.Created).Id;
        var period = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new
        {
            name = "Giai đoạn 2020-2023", kind = "Preliminary", from = new DateOnly(2020, 1, 1), to = new DateOnly(2023, 12, 31),
            registrationOpens = new DateOnly(2020, 1, 1), registrationCloses = new DateOnly(2023, 11, 30), codeYear = 2020, version = 1
        })).Expect(HttpStatusCode.OK).Id;
        await app.WaitForFeed();

        // Generated, not copied: levels, fields, kinds, units and dates follow from the index alone.
        var fields = StandardFields.All.Select(f => f.Code).ToArray();
        var models = new List<(Guid, string, DateOnly, Guid?)>();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var by = Guid.NewGuid();
        var total = BelowProvince + Provincial;
        for (var start = 0; start < total; start += 500)
        {
            await using var session = store.LightweightSession();
            for (var i = start; i < Math.Min(total, start + 500); i++)
            {
                var level = i < BelowProvince ? (i % 3 == 0 ? StandardLevels.District : StandardLevels.Grassroots) : StandardLevels.Province;
                var unit = level switch { StandardLevels.Grassroots => communes[i % communes.Count], StandardLevels.District => districts[i % districts.Count], _ => province };
                var kind = (i % 10) switch { 8 => ModelKind.CollectiveExemplar, 9 => ModelKind.IndividualExemplar, _ => ModelKind.Model };
                var accepted = First.AddDays(i * 1370 / total);
                Guid? replicates = i % 7 == 6 && models.Count > 0 ? models[i % 5].Item1 : null;
                var id = Guid.NewGuid();
                var details = new ModelDetails(kind, $"Mô hình sổ cũ {tag}-{i:0000}", kind == ModelKind.IndividualExemplar ? "Nguyễn Văn A" : null, null,
                    period, fields[i % fields.Length], level, null, null, null, null, null, null, null, null, null, null, null, null,
                    accepted.AddDays(-30), null, [], [], null, null, replicates);
                // In UTC, as every event is stored (PostgreSQL's timestamptz takes no other offset); 09:00 and 10:00 in Vietnam.
                var drafted = new DateTimeOffset(accepted.AddDays(-20).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                session.Events.StartStream<Model>(id,
                    new ModelDrafted(id, unit, province, details, by, drafted),
                    new ModelSubmitted(id, Guid.NewGuid(), [], by, drafted.AddDays(5)),
                    new ModelAccepted(id, $"SK{tag}-{i:00000}", null, by, new DateTimeOffset(accepted.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero)));
                models.Add((id, level, accepted, replicates));
            }
            await session.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession())
        {
            var units = communes.Concat(districts).Append(province).ToArray();
            for (var i = 0; i < Collectives + Individuals; i++)
            {
                var collective = i < Collectives;
                var id = Guid.NewGuid();
                session.Events.StartStream<PastCommendation>(id, new PastCommendationImported(id, campaign, null, null,
                    collective ? RecipientKinds.Collective : RecipientKinds.Individual, collective ? $"Tập thể {i}" : $"Cá nhân {i}", null,
                    units[i % units.Length], "", i % 4 == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen của Chủ tịch UBND huyện",
                    $"{i + 1}/QĐ-UBND", new DateOnly(2021 + i % 3, 6, 15), "Ủy ban nhân dân", new Emulation.Awards.Reports.ImportSource(Guid.NewGuid(), "khen-thuong.xlsx", "Khen thưởng", i + 2),
                    by, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        var copied = await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromMinutes(5));
        Assert.True(copied, "the Registry feed did not carry the models to Awards within 5 minutes");
        return new Register(campaign, period, province, [.. districts], [.. communes], models);
    }

    [Fact]
    public async Task The_report_of_a_provinces_registers_counts_by_level_kind_and_form_and_reads_the_past_as_of_any_day()
    {
        var r = await Registers();
        using var admin = await app.As("quantri");
        var query = $"campaign={r.Campaign}&unit={r.Province}&on=31/12/2023";
        var report = (await admin.Get($"/api/awards/reports/campaign?{query}")).Expect(HttpStatusCode.OK).Body;
        var totals = report.GetProperty("totals");
        Assert.Equal(BelowProvince + Provincial, totals.GetProperty("accepted").GetInt32());
        Assert.Equal(BelowProvince, totals.GetProperty("acceptedBelowProvince").GetInt32());
        var levels = totals.GetProperty("byLevel").EnumerateArray().ToDictionary(l => l.GetProperty("levelCode").GetString()!, l => l.GetProperty("accepted").GetInt32());
        Assert.Equal(Provincial, levels["tinh"]);
        Assert.Equal(r.Models.Count(m => m.Level == "huyen"), levels["huyen"]);
        Assert.Equal(Collectives, totals.GetProperty("commendedCollectives").GetInt32());
        Assert.Equal(Individuals, totals.GetProperty("commendedIndividuals").GetInt32());
        Assert.Equal(r.Models.Count(m => m.Replicates is not null), totals.GetProperty("replications").GetInt32());

        // As of the end of 2021: only what was accepted, and commended, by then.
        var early = (await admin.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&unit={r.Province}&on=2021-12-31")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        var cutoff = new DateOnly(2021, 12, 31);
        Assert.Equal(r.Models.Count(m => m.Accepted <= cutoff), early.GetProperty("accepted").GetInt32());
        Assert.Equal(r.Models.Count(m => m.Accepted <= cutoff && m.Level == "tinh"),
            early.GetProperty("byLevel").EnumerateArray().Single(l => l.GetProperty("levelCode").GetString() == "tinh").GetProperty("accepted").GetInt32());
        Assert.Equal(Enumerable.Range(0, Collectives).Count(i => i % 3 == 0), early.GetProperty("commendedCollectives").GetInt32());

        // One district's scope: its own models and its communes'.
        var district = (await admin.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&unit={r.Districts[0]}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        Assert.InRange(district.GetProperty("accepted").GetInt32(), 1, BelowProvince - 1);

        var docx = await Download(admin, $"/api/awards/reports/campaign/docx?{query}");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(paragraphs, p => p.Contains($"cấp cơ sở và cấp huyện {BelowProvince}, cấp tỉnh {Provincial}."));
            Assert.Contains(paragraphs, p => p.Contains($"Đã khen thưởng {Collectives} tập thể và {Individuals} cá nhân"));
            Assert.Contains(paragraphs, p => p.Contains("số liệu tính đến ngày 31/12/2023"));
            Assert.NotEmpty(word.MainDocumentPart.ImageParts);
        }
        var pdf = PdfText.All(PdfText.Read(await Download(admin, $"/api/awards/reports/campaign/pdf?{query}"))).Replace("\n", " ");
        Assert.Contains($"cấp cơ sở và cấp huyện {BelowProvince}, cấp tỉnh {Provincial}.", pdf);
        Assert.Contains($"{Collectives} tập thể và {Individuals} cá nhân", pdf);

        using var book = SpreadsheetDocument.Open(new MemoryStream(await Download(admin, $"/api/awards/reports/campaign/xlsx?{query}")), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["Theo cấp", "Theo lĩnh vực", "Khen thưởng", "Nhân rộng"], sheets);
        var strings = book.WorkbookPart.SharedStringTablePart?.SharedStringTable.Select(s => s.InnerText).ToList() ?? [];
        var first = (WorksheetPart)book.WorkbookPart.GetPartById(book.WorkbookPart.Workbook.Sheets!.Elements<S.Sheet>().First().Id!);
        var rows = first.Worksheet.Descendants<S.Row>()
            .Select(row => row.Elements<S.Cell>().Select(c => c.DataType?.Value == S.CellValues.SharedString ? strings[int.Parse(c.InnerText)] : c.InnerText).ToList()).ToList();
        Assert.Equal(["Cấp tỉnh", $"{Provincial}", $"{Provincial}"], rows.Single(x => x[0] == "Cấp tỉnh").Take(3));
        Assert.Equal($"{BelowProvince + Provincial}", rows[^1][2]);
    }

    [Fact]
    public async Task A_report_is_refused_in_Vietnamese_outside_ones_units_and_for_wrong_input()
    {
        var r = await Registers();
        using var officer = await app.As("canbo.phuong1");
        var denied = (await officer.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&unit={r.Province}")).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("không có quyền", denied.Raw);
        // Without a unit an officer sees its own subtree only: none of the generated province's models.
        var own = (await officer.Get($"/api/awards/reports/campaign?campaign={r.Campaign}")).Expect(HttpStatusCode.OK).Body.GetProperty("totals");
        Assert.Equal(0, own.GetProperty("accepted").GetInt32());
        using var expert = await app.As("chuyengia.kinhte");
        (await expert.Get($"/api/awards/reports/campaign?campaign={r.Campaign}")).Expect(HttpStatusCode.Forbidden);

        using var admin = await app.As("quantri");
        var badDate = (await admin.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&on=32/13/2023")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("\"on\"", badDate.Raw);
        var missing = (await admin.Get("/api/awards/reports/campaign")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Chọn đợt thi đua", missing.Raw);
        (await admin.Get("/api/awards/reports/campaign?campaign=abc")).Expect(HttpStatusCode.BadRequest);
        (await admin.Get($"/api/awards/reports/campaign?campaign={Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        (await admin.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&unit={Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        (await admin.Get($"/api/awards/reports/campaign/doc?campaign={r.Campaign}")).Expect(HttpStatusCode.BadRequest);
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(2).ToString("dd/MM/yyyy");
        Assert.Contains("không được sau hôm nay", (await admin.Get($"/api/awards/reports/campaign?campaign={r.Campaign}&on={future}")).Expect(HttpStatusCode.BadRequest).Raw);
    }

    static async Task<byte[]> Download(Api api, string url)
    {
        var response = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
