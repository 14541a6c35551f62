using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>The inspection and dashboard screens as each demo role opens them: status, title, well-formed markup, and
/// the forms only for those the API lets act.</summary>
[Collection(AppCollection.Name)]
public sealed class OversightPageTests(AppFixture app)
{
    async Task<(HttpStatusCode Status, IDocument Page)> Open(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    async Task<IDocument> Page(string user, string url, string title)
    {
        var (status, page) = await Open(user, url);
        Assert.True(status == HttpStatusCode.OK, $"{user} {url}: {(int)status}");
        Assert.Equal(title, page.QuerySelector("main h1")!.TextContent);
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{user} {url}: duplicate ids");
        foreach (var input in page.QuerySelectorAll("[aria-describedby]"))
            foreach (var id in input.GetAttribute("aria-describedby")!.Split(' '))
                Assert.True(page.GetElementById(id) is not null, $"{user} {url}: {input.GetAttribute("name")} is described by missing #{id}");
        Assert.All(page.QuerySelectorAll("select"), s => Assert.True(s.QuerySelectorAll("option").Length <= 60, $"{user} {url}: a long dropdown"));
        return page;
    }

    [Theory]
    [InlineData("/theo-doi/danh-sach", "Theo dõi mô hình")]
    [InlineData("/theo-doi/kiem-tra", "Kiểm tra, giám sát")]
    [InlineData("/theo-doi/viec-sau-kiem-tra", "Việc sau kiểm tra, giám sát")]
    public async Task Every_role_opens_the_monitoring_lists(string url, string title)
    {
        foreach (var user in new[] { "quantri", "canbo.phuong1", "thuky.phuong1", "uyvien.bdvtinh", "lanhdao.tinh" }) await Page(user, url, title);
    }

    [Fact]
    public async Task The_board_dashboard_and_the_schedule_form_are_the_boards_and_the_units_page_the_units()
    {
        await Page("thuky.phuong1", "/theo-doi/tong-quan", "Tổng quan theo dõi mô hình");
        await Page("quantri", "/theo-doi/tong-quan", "Tổng quan theo dõi mô hình");
        Assert.Equal(HttpStatusCode.Forbidden, (await Open("canbo.phuong1", "/theo-doi/tong-quan")).Status);
        await Page("canbo.phuong1", "/theo-doi/don-vi", "Việc của đơn vị");
        Assert.Equal(HttpStatusCode.Forbidden, (await Open("uyvien.bdvtinh", "/theo-doi/don-vi")).Status);
        var schedule = await Page("thuky.phuong1", "/theo-doi/kiem-tra/len-lich", "Lên lịch kiểm tra, giám sát");
        Assert.NotNull(schedule.QuerySelector("form[data-action='/api/monitoring/inspections']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Open("canbo.phuong1", "/theo-doi/kiem-tra/len-lich")).Status);
    }

    [Fact]
    public async Task An_inspection_page_offers_recording_to_its_board_answering_to_the_unit_and_closing_to_the_board()
    {
        using var board = await app.As("thuky.phuong1");
        var model = await app.AcceptedModel("Chính quyền thân thiện");
        var id = await board.Schedule(model);
        var scheduled = await Page("thuky.phuong1", $"/theo-doi/kiem-tra/{id}", $"Kiểm tra ngày {InspectionScenarios.Today:dd/MM/yyyy}");
        Assert.NotNull(scheduled.QuerySelector($"form[data-action='/api/monitoring/inspections/{id}/record']"));
        var seen = await Page("canbo.phuong1", $"/theo-doi/kiem-tra/{id}", $"Kiểm tra ngày {InspectionScenarios.Today:dd/MM/yyyy}");
        Assert.Null(seen.QuerySelector("form[data-action$='/record']"));

        (await board.Post($"/api/monitoring/inspections/{id}/record",
            InspectionScenarios.Visit(InspectionScenarios.Today, [model], (model, "Niêm yết thủ tục tại bộ phận một cửa", InspectionScenarios.Today.AddDays(7))))).Expect(HttpStatusCode.OK);
        var unit = await Page("canbo.phuong1", $"/theo-doi/kiem-tra/{id}", $"Kiểm tra ngày {InspectionScenarios.Today:dd/MM/yyyy}");
        Assert.NotNull(unit.QuerySelector("form[data-action$='/answer']"));
        Assert.Null(unit.QuerySelector("form[data-action$='/close']"));
        var boardPage = await Page("thuky.phuong1", $"/theo-doi/kiem-tra/{id}", $"Kiểm tra ngày {InspectionScenarios.Today:dd/MM/yyyy}");
        Assert.NotNull(boardPage.QuerySelector("form[data-action$='/close']"));
        Assert.Null(boardPage.QuerySelector("form[data-action$='/answer']"));
        var todo = await Page("canbo.phuong1", "/theo-doi/viec-sau-kiem-tra", "Việc sau kiểm tra, giám sát");
        Assert.Contains("Niêm yết thủ tục", todo.QuerySelector("main")!.TextContent);

        // The model's own page lists the visits that took it in, with the rating and the actions still open.
        var (modelStatus, modelPage) = await Open("canbo.phuong1", $"/theo-doi/{model}");
        Assert.Equal(HttpStatusCode.OK, modelStatus);
        var visits = modelPage.GetElementById("kiem-tra")!;
        Assert.NotNull(visits.QuerySelector($"a[href='/theo-doi/kiem-tra/{id}']"));
        Assert.Contains("1 việc chưa xong", visits.TextContent);
        Assert.Contains("Đã ghi nhận kết quả", visits.TextContent);
        var (_, thatDay) = await Open("canbo.phuong1", $"/theo-doi/{model}?ngay={InspectionScenarios.Today:yyyy-MM-dd}");
        Assert.NotNull(thatDay.GetElementById("kiem-tra"));
    }
}
