using System.Net;
using System.Text.Json;
using Emulation.Registry.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The register's statistics read running tallies where they can (ADR 0058); counted from the rows, as of a day
/// after everything happened, they must say the same for every kind of viewer and filter.</summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsTallyTests(AppFixture app)
{
    [Fact]
    public async Task The_tallies_hold_what_the_rows_say_after_drafts_submissions_decisions_and_withdrawals()
    {
        // A model through every status change the tallies must follow: drafted, sent, returned, sent again, withdrawn.
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(await admin.OpenPeriod(), DirectoryScenarios.Unique("Mô hình đếm thống kê ")));
        version = (await officer.Submit(id, version)).Version;
        version = (await secretary.Post($"/api/registry/models/{id}/return", new { reason = "Bổ sung số liệu", version })).Expect(HttpStatusCode.OK).Version;
        version = (await officer.Submit(id, version)).Version;
        (await officer.Post($"/api/registry/models/{id}/withdraw", new { reason = "Đăng ký nhầm kỳ", version })).Expect(HttpStatusCode.OK);

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        // One statement, one snapshot: the summaries and both tallies as the same commit left them.
        async Task<(string Rows, string Kinds, string Units, string Totals, string? Status)> Read()
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                select (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || (board_id is not null) k, count(*) n from registry.mt_doc_modelsummary group by 1) x),
                       (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || sent k, sum(models) n from registry.model_tally group by 1 having sum(models) <> 0) x),
                       (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || sent k, sum(models) n from registry.unit_tally group by 1 having sum(models) <> 0) x),
                       (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || sent k, sum(models) n from registry.unit_total_tally group by 1 having sum(models) <> 0) x),
                       (select status from registry.mt_doc_modelsummary where id = @id)
                """;
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        var read = await Read();
        for (var attempt = 0; read.Status != "Withdrawn" && attempt < 100; attempt++)
        {
            await Task.Delay(100);
            read = await Read();
        }
        Assert.Equal("Withdrawn", read.Status);
        Assert.Equal(Parse(read.Rows), Parse(read.Kinds));
        Assert.Equal(Parse(read.Rows), Parse(read.Units));
        Assert.Equal(Parse(read.Rows), Parse(read.Totals));

        // Folded into one row per key (the minute's job), they still say the same.
        await RegisterTallies.CompactAsync(store, CancellationToken.None);
        read = await Read();
        Assert.Equal(Parse(read.Rows), Parse(read.Kinds));
        Assert.Equal(Parse(read.Rows), Parse(read.Units));
        Assert.Equal(Parse(read.Rows), Parse(read.Totals));
    }

    static SortedDictionary<string, long> Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, long>>(json)!);

    [Theory]
    [InlineData("quantri")]
    [InlineData("canbo.phuong1")]
    [InlineData("thuky.phuong1")]
    [InlineData("thuky.bdvtinh")]
    [InlineData("canbo.khanhhoi")]
    public async Task Statistics_from_the_tallies_are_those_counted_from_the_rows(string viewer)
    {
        using var api = await app.As(viewer);
        await AssertTalliesAreRows(api, viewer);
    }

    /// <summary>A province's board sees what was sent from its units, not another province's dossiers waiting for their
    /// board, and one of its people who is also a unit's officer sees that unit's drafts: the statistics take the first
    /// away from the tallies and add the second.</summary>
    [Fact]
    public async Task A_province_board_member_who_is_also_an_officer_counts_their_drafts_and_not_another_provinces_dossiers()
    {
        using var admin = await app.As("quantri");
        var period = await admin.OpenPeriod();
        var elsewhere = DirectoryScenarios.Unique("canbo.th");
        await admin.CreatePerson(elsewhere, "Cán Bộ Thanh Hóa", "matkhau123", ("officer", await admin.UnitId("TH-DC")));
        var both = DirectoryScenarios.Unique("thuky.canbo");
        await admin.CreatePerson(both, "Thư Ký Kiêm Cán Bộ", "matkhau123", ("board-secretary", await admin.UnitId("CM-BDV")), ("officer", await admin.UnitId("CM-TD")));
        await app.WaitForFeed();

        using var thanhHoa = await app.As(elsewhere, "matkhau123");
        var (sent, version) = await thanhHoa.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Mô hình Thanh Hóa "), level: "tinh"));
        await thanhHoa.Submit(sent, version);
        using var member = await app.As(both, "matkhau123");
        var (draft, _) = await member.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Bản nháp của Tỉnh Đoàn "), level: "tinh"));
        await admin.WaitForList($"period={period}&status=Submitted", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == sent));
        await member.WaitForList($"period={period}&status=Draft", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == draft));

        var seen = (await member.Get($"/api/registry/statistics?period={period}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, seen.GetProperty("total").GetInt64());
        Assert.Equal("Draft", seen.GetProperty("byStatus").EnumerateArray().Single().GetProperty("key").GetString());
        await AssertTalliesAreRows(member, both);
        using var secretary = await app.As("thuky.bdvtinh");
        Assert.Equal(0, (await secretary.Get($"/api/registry/statistics?period={period}")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        await AssertTalliesAreRows(secretary, "thuky.bdvtinh");
    }

    async Task AssertTalliesAreRows(Api api, string viewer)
    {
        using var admin = await app.As("quantri");
        var campaigns = (await admin.Get("/api/registry/campaigns")).Expect(HttpStatusCode.OK).Body;
        var period = campaigns.EnumerateArray().SelectMany(c => c.GetProperty("periods").EnumerateArray())
            .Single(p => p.GetProperty("name").GetString() == "Sơ kết 2020-2023").GetProperty("id").GetGuid();
        foreach (var filter in new[] { "", $"period={period}", "status=Accepted", "status=Submitted", "status=Draft", "status=Withdrawn", $"period={period}&status=Returned" })
        {
            // As of a day after everything in the database, the statistics are counted from the rows (ModelReports.GroupsAsync).
            string tallied = "", counted = "";
            for (var attempt = 0; attempt < 50; attempt++)
            {
                tallied = (await api.Get($"/api/registry/statistics?{filter}")).Expect(HttpStatusCode.OK).Body.GetRawText();
                counted = (await api.Get($"/api/registry/statistics?{filter}&on=2099-12-31")).Expect(HttpStatusCode.OK).Body.GetRawText();
                if (tallied == counted) break;
                await Task.Delay(100);
            }
            Assert.True(tallied == counted, $"{viewer}, filter “{filter}”:\ntallies {tallied}\nrows    {counted}");
            Assert.Contains("\"total\"", tallied);
        }
    }
}
