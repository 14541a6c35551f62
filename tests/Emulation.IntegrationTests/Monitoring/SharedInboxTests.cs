using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>One inbox for every module: the page, the API and the header badge list what each module contributes.</summary>
[Collection(AppCollection.Name)]
public sealed class SharedInboxTests(AppFixture app)
{
    static async Task<List<JsonElement>> Shared(Api api) => (await api.Get("/api/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();

    static async Task<int> Badge(Api api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hop-thu");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return int.Parse(page.QuerySelector("a[data-badge='Nhắc việc'] .badge")!.TextContent);
    }

    [Fact]
    public async Task A_registry_notice_is_listed_counted_and_marked_read_through_the_shared_inbox()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phunu");
        using var secretary = await app.As("thuky.bdvtinh");
        using var member = await app.As("uyvien.bdvtinh");
        var period = await admin.OpenPeriod();
        var before = await Badge(secretary);
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Hộp thư chung "), level: "tinh"));
        await officer.Submit(id, 1);

        var notice = Assert.Single(await Shared(secretary), n => n.GetProperty("href").GetString() == $"/mo-hinh/{id}");
        Assert.Equal("Đăng ký mô hình", notice.GetProperty("source").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());
        Assert.Equal(before + 1, await Badge(secretary));
        Assert.DoesNotContain(await Shared(member), n => n.GetProperty("href").GetString() == $"/mo-hinh/{id}");

        var noticeId = notice.GetProperty("id").GetString();
        (await member.Post("/api/inbox/read", new { id = noticeId })).Expect(HttpStatusCode.NotFound);
        (await secretary.Post("/api/inbox/read", new { id = "khong-co" })).Expect(HttpStatusCode.NotFound);
        Assert.NotEmpty((await secretary.Post("/api/inbox/read", new { })).Expect(HttpStatusCode.BadRequest).Errors("id"));
        (await secretary.Post("/api/inbox/read", new { id = noticeId })).Expect(HttpStatusCode.OK);
        Assert.True(Assert.Single(await Shared(secretary), n => n.GetProperty("id").GetString() == noticeId).GetProperty("read").GetBoolean());
        Assert.Equal(before, await Badge(secretary));
        // The registry's own inbox sees the same state.
        var registry = (await secretary.Get("/api/registry/inbox")).Expect(HttpStatusCode.OK).Body.EnumerateArray();
        Assert.True(registry.Single(i => i.GetProperty("id").GetString() == noticeId).GetProperty("read").GetBoolean());
    }
}
