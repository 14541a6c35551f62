using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Two confirmations of the same register at once (ADR 0043, 0051): each model is stored once, with its key, history
/// and code; the second waits at the import gate, checks again and finds every row already stored, so neither stops
/// part-way or answers 409.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportRaceTests(AppFixture app)
{
    [Fact]
    public async Task The_same_register_confirmed_twice_at_once_stores_every_model_once()
    {
        using var admin = await app.As("quantri");
        var (periodId, period) = await admin.HistoricPeriod();
        var book = new RegisterWorkbook();
        var tag = DirectoryScenarios.Unique("");
        for (var i = 0; i < 12; i++)
        {
            var row = $"R{tag}-{i}";
            book.Model(row, $"Mô hình nhập đồng thời {tag} số {i}", period);
            book.Step(row, "Gửi Ban xem xét", new DateTime(2021, 3, 1));
            book.Step(row, "Công nhận", new DateTime(2021, 4, 1), $"RACE{tag}-{i}");
        }
        var file = book.ToXlsx();
        var first = (await admin.Upload(file)).Expect(HttpStatusCode.Created).Id;
        var second = (await admin.Upload(file)).Expect(HttpStatusCode.Created).Id;

        var replies = await Task.WhenAll(admin.Confirm(first), admin.Confirm(second));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var stored = replies.Select(r => (New: r.Body.GetProperty("stored").GetProperty("new").GetInt32(),
            Unchanged: r.Body.GetProperty("stored").GetProperty("unchanged").GetInt32())).OrderByDescending(s => s.New).ToArray();
        Assert.Equal([(12, 0), (0, 12)], stored);

        var list = await admin.WaitForList($"period={periodId}", p => p.Items().Count() == 12);
        foreach (var item in list.Items())
        {
            var model = await admin.Model(item.GetProperty("id").GetGuid());
            Assert.Equal(4, model.GetProperty("version").GetInt64());
            Assert.Equal("Accepted", model.GetProperty("status").GetString());
        }
        var again = (await admin.Upload(file)).Expect(HttpStatusCode.Created);
        Assert.Equal(12, again.Count("unchanged"));
    }
}
