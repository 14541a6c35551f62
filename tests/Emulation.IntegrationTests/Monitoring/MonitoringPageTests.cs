using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The model's monitoring page, the report form and the schedule page, as each role sees them.</summary>
[Collection(AppCollection.Name)]
public sealed class MonitoringPageTests(AppFixture app)
{
    async Task<(HttpStatusCode Status, IDocument Page)> Open(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{url}: duplicate ids");
        foreach (var input in page.QuerySelectorAll("[aria-describedby]"))
            foreach (var id in input.GetAttribute("aria-describedby")!.Split(' '))
                Assert.True(page.GetElementById(id) is not null, $"{url}: {input.GetAttribute("name")} is described by missing #{id}");
        return (response.StatusCode, page);
    }

    [Fact]
    public async Task The_registry_page_links_to_monitoring_where_the_unit_reports_and_the_board_marks()
    {
        var id = await app.AcceptedModel("Trang theo dõi");
        var (_, registry) = await Open("canbo.khanhhoi", $"/mo-hinh/{id}");
        Assert.Equal($"/theo-doi/{id}", registry.QuerySelector("#theo-doi")!.GetAttribute("href"));

        var (status, unit) = await Open("canbo.phuong1", $"/theo-doi/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Đúng tiến độ", unit.QuerySelector("#health")!.TextContent);
        Assert.NotNull(unit.QuerySelector("#bao-cao"));
        Assert.Null(unit.QuerySelector("#mark-pause"));
        Assert.Contains("60", unit.QuerySelector("#chi-tieu")!.TextContent);

        var (_, board) = await Open("thuky.phuong1", $"/theo-doi/{id}");
        Assert.Null(board.QuerySelector("#bao-cao"));
        Assert.NotNull(board.QuerySelector("#mark-pause form[data-action$='/pause']"));
        var (_, other) = await Open("canbo.khanhhoi", $"/theo-doi/{id}");
        Assert.Null(other.QuerySelector("#bao-cao"));
        Assert.Null(other.QuerySelector("#mark-pause"));

        var (formStatus, form) = await Open("canbo.phuong1", $"/theo-doi/{id}/bao-cao");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Contains($"Ban đầu: 60 · Mục tiêu: 100 · Thời hạn: {DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(8):dd/MM/yyyy}", form.QuerySelector("fieldset")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[name='readings[0].value'][inputmode=decimal]"));
        Assert.NotNull(form.QuerySelector("button[data-action$='/reports/draft']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Open("thuky.phuong1", $"/theo-doi/{id}/bao-cao")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Open("canbo.phuong1", $"/theo-doi/{Guid.NewGuid()}")).Status);

        var (_, past) = await Open("canbo.phuong1", $"/theo-doi/{id}?ngay=01/01/2020");
        Assert.Contains("chưa được theo dõi", past.QuerySelector("#xem-ngay")!.TextContent);
    }

    [Fact]
    public async Task Secretaries_and_administrators_see_the_schedule_page()
    {
        await app.AcceptedModel("Lịch báo cáo");
        var (status, page) = await Open("quantri", "/theo-doi/lich-bao-cao");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(page.QuerySelectorAll("form[data-method=PUT] select[name=schedule]"));
    }
}
