using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Registry;

/// <summary>The register's statistics read running tallies where they can (ADR 0056); counted from the rows, as of a day
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
        for (var attempt = 0; ; attempt++)
        {
            // One statement, one snapshot: the summaries and both tallies as the same commit left them.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                select (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || (board_id is not null) k, count(*) n from registry.mt_doc_modelsummary group by 1) x),
                       (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || sent k, sum(models) n from registry.model_tally group by 1 having sum(models) <> 0) x),
                       (select coalesce(jsonb_object_agg(k, n), '{}') from (select status || '/' || sent k, sum(models) n from registry.unit_tally group by 1 having sum(models) <> 0) x),
                       (select status from registry.mt_doc_modelsummary where id = @id)
                """;
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (rows, kinds, units, status) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            if (status == "Withdrawn" || attempt == 100)
            {
                Assert.Equal("Withdrawn", status);
                Assert.Equal(Parse(rows), Parse(kinds));
                Assert.Equal(Parse(rows), Parse(units));
                break;
            }
            await Task.Delay(100);
        }
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
