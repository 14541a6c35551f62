using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Emulation.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>Dashboards counted from data made over HTTP in a district of its own (so other tests' models do not count):
/// two communes, a district board, three accepted models, one inspection with an overdue action.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTests(AppFixture app)
{
    const string Password = Emulation.Directory.Seed.DirectoryDemoSeed.Password;

    sealed record District(string Secretary, string OfficerOne, string OfficerTwo, Guid DistrictId, Guid CommuneOne, Guid CommuneTwo, Guid[] Models);

    async Task<District> MakeDistrict()
    {
        using var admin = await app.As("quantri");
        var code = DirectoryScenarios.Unique("HT");
        var district = await admin.CreateUnit(code, $"Huyện Thử {code}", "District", "CM");
        var board = await admin.CreateUnit(code + "-BDV", $"Ban Dân vận Huyện Thử {code}", "Board", code, "huyen");
        var one = await admin.CreateUnit(code + "-X1", $"Xã Một {code}", "Commune", code);
        var two = await admin.CreateUnit(code + "-X2", $"Xã Hai {code}", "Commune", code);
        var (secretary, officerOne, officerTwo) = ($"tk.{code}".ToLowerInvariant(), $"cb1.{code}".ToLowerInvariant(), $"cb2.{code}".ToLowerInvariant());
        await admin.CreatePerson(secretary, "Thư Ký Thử", Password, ("board-secretary", board), ("board-member", board));
        await admin.CreatePerson(officerOne, "Cán Bộ Một", Password, ("officer", one));
        await admin.CreatePerson(officerTwo, "Cán Bộ Hai", Password, ("officer", two));
        Assert.True(await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(30)));
        var models = new[]
        {
            await app.AcceptedModel("Nuôi cua đinh", new() { ["levelCode"] = "huyen" }, officerOne, secretary),
            await app.AcceptedModel("Mái ấm tình thương", new() { ["levelCode"] = "huyen", ["fieldCode"] = "van-hoa-xa-hoi" }, officerOne, secretary),
            await app.AcceptedModel("Cá chình - bống tượng", new() { ["levelCode"] = "huyen" }, officerTwo, secretary)
        };
        foreach (var m in models) await app.Summary(m);
        return new District(secretary, officerOne, officerTwo, district, one, two, models);
    }

    static long Value(JsonElement bars, string key) =>
        bars.EnumerateArray().Where(b => b.GetProperty("key").GetString() == key).Select(b => b.GetProperty("value").GetInt64()).FirstOrDefault();

    [Fact]
    public async Task The_boards_and_the_units_figures_count_what_was_created_and_link_to_their_lists()
    {
        var d = await MakeDistrict();
        using var secretary = await app.As(d.Secretary);
        using var officerOne = await app.As(d.OfficerOne);
        using var officerTwo = await app.As(d.OfficerTwo);

        var inspection = await secretary.Schedule(d.Models[0]);
        (await secretary.Post($"/api/monitoring/inspections/{inspection}/record", InspectionScenarios.Visit(InspectionScenarios.Today.AddDays(-30), [d.Models[0]],
            (d.Models[0], "Bổ sung hồ sơ hộ tham gia", InspectionScenarios.Today.AddDays(-5))))).Expect(HttpStatusCode.OK);

        // One progress report, submitted over the API: it leaves the "no report yet" figure and enters this month's bar.
        var now = DateTime.UtcNow.AddHours(7);
        (await officerOne.Post($"/api/monitoring/models/{d.Models[1]}/reports", new
        {
            period = $"{now.Year}-Q{(now.Month - 1) / 3 + 1}", version = 1,
            readings = new[] { new { target = 1, value = 75, measuredOn = InspectionScenarios.Today } },
            whatWasDone = "Vận động 12 hộ nhận nuôi trẻ mồ côi.", participants = "Hội Phụ nữ xã", moneySpent = "5.000.000", peopleReached = 12, difficulties = "Không"
        })).Expect(HttpStatusCode.OK);
        await app.Summary(d.Models[1], s => s.ReportsCount == 1);

        var board = (await secretary.Get("/api/monitoring/dashboards/board")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(3, board.GetProperty("total").GetInt64());
        Assert.Equal(3, board.GetProperty("byHealth").EnumerateArray().Sum(b => b.GetProperty("value").GetInt64()));
        Assert.Equal(2, Value(board.GetProperty("byField"), "kinh-te"));
        Assert.Equal(1, Value(board.GetProperty("byField"), "van-hoa-xa-hoi"));
        Assert.Equal(3, Value(board.GetProperty("byDistrict"), d.DistrictId.ToString()));
        Assert.Equal(2, Value(board.GetProperty("byCommune"), d.CommuneOne.ToString()));
        Assert.Equal(1, Value(board.GetProperty("byCommune"), d.CommuneTwo.ToString()));
        Assert.Equal(2, board.GetProperty("neverReported").GetProperty("value").GetInt64());
        Assert.Equal(1, board.GetProperty("overdueActions").GetInt64());
        Assert.Equal(0, board.GetProperty("late").GetProperty("value").GetInt64());
        var months = board.GetProperty("reportsPerMonth").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(now.ToString("yyyy-MM"), months[^1].GetProperty("key").GetString());
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], months.Select(m => m.GetProperty("value").GetInt64()));

        // Every figure is a link to the list that makes it up: following it gives the same count.
        var field = board.GetProperty("byField").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "kinh-te").GetProperty("href").GetString()!;
        Assert.Equal(2, (await secretary.Get("/api/monitoring/list" + field[field.IndexOf('?')..])).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        var commune = (await secretary.Get($"/api/monitoring/list?commune={d.CommuneTwo}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(d.Models[2], Assert.Single(commune.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, (await secretary.Get("/api/monitoring/list?reports=none")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        // A month's bar leads to the models that reported that month; an empty month to none.
        var month = months[^1].GetProperty("href").GetString()!;
        Assert.Equal($"/theo-doi/danh-sach?month={now:yyyy-MM}", month);
        var reported = (await secretary.Get("/api/monitoring/list" + month[month.IndexOf('?')..])).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(d.Models[1], Assert.Single(reported.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var earlier = months[0].GetProperty("href").GetString()!;
        Assert.Equal(0, (await secretary.Get("/api/monitoring/list" + earlier[earlier.IndexOf('?')..])).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        foreach (var wrong in new[] { "2026-13", "11/2026", "x" })
            Assert.NotEmpty((await secretary.Get($"/api/monitoring/list?month={Uri.EscapeDataString(wrong)}")).Expect(HttpStatusCode.BadRequest).Errors("month"));

        // The text filter ignores diacritics and case, as the register's search does, and finds units and codes too.
        var typed = (await secretary.Get("/api/monitoring/list?q=CA%20CHINH%20bong")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(d.Models[2], Assert.Single(typed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, (await secretary.Get($"/api/monitoring/list?q={Uri.EscapeDataString("xa mot")}")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());

        // A unit sees its own models and what it must do; another unit's are not in its figures.
        var unit = (await officerOne.Get("/api/monitoring/dashboards/unit")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(2, unit.GetProperty("models").GetArrayLength());
        Assert.Equal(d.Models[0], Assert.Single(unit.GetProperty("actions").EnumerateArray()).GetProperty("modelId").GetGuid());
        Assert.Equal(1, (await officerTwo.Get("/api/monitoring/list")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        (await officerTwo.Get("/api/monitoring/dashboards/board")).Expect(HttpStatusCode.Forbidden);

        // The export holds the same rows as the list.
        using var csv = await secretary.Client.GetAsync("/api/monitoring/list/export?format=csv&field=kinh-te");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var xlsx = await secretary.Client.GetAsync("/api/monitoring/list/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The page shows the same figures, each a link.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/theo-doi/tong-quan");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await secretary.Client.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("3", page.QuerySelector("#tong-so .value")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#viec-qua-han .value")!.TextContent);
        Assert.All(page.QuerySelectorAll("table.bars td.number"), td => Assert.NotNull(td.QuerySelector("a[href]")));
        Assert.Equal(months.Select(m => m.GetProperty("href").GetString()), page.QuerySelectorAll(".month-chart a").Select(a => a.GetAttribute("href")));

        // The month's list says which month it keeps, and keeps it when other filters are chosen.
        using var listRequest = new HttpRequestMessage(HttpMethod.Get, month);
        listRequest.Headers.Accept.ParseAdd("text/html");
        using var listResponse = await secretary.Client.SendAsync(listRequest);
        var list = new HtmlParser().ParseDocument(await listResponse.Content.ReadAsStringAsync());
        Assert.Equal("1", list.QuerySelector("#tong-ket-qua")!.TextContent);
        Assert.Contains($"trong tháng {now:MM/yyyy}", list.QuerySelector("form.filters .notice")!.TextContent);
        Assert.Equal(now.ToString("yyyy-MM"), list.QuerySelector("form.filters input[name=month]")!.GetAttribute("value"));
    }
}
