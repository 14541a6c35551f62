using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Pages;

/// <summary>What the walk of 2026-12-08 found a user trips on, read from the pages' HTML: links that led to a refusal,
/// a month typed wrong that was silently dropped, pages that marked no menu entry.</summary>
[Collection(AppCollection.Name)]
public sealed class WalkDefectTests(AppFixture app)
{
    async Task<IDocument> Open(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {url}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    async Task<HttpStatusCode> Status(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_month_that_is_not_one_is_said_beside_the_filters_and_a_real_month_is_named()
    {
        var bad = await Open("thuky.bdvtinh", "/theo-doi/danh-sach?month=2026-13");
        var said = bad.QuerySelector("form.filters #thang-sai");
        Assert.NotNull(said);
        Assert.Contains("“2026-13” không phải một tháng", said!.TextContent);
        Assert.Null(bad.QuerySelector("input[name=month]"));

        var good = await Open("thuky.bdvtinh", "/theo-doi/danh-sach?month=2026-03");
        Assert.Null(good.QuerySelector("#thang-sai"));
        Assert.Contains("tháng 03/2026", good.QuerySelector("form.filters .notice.field-wide")!.TextContent);
        Assert.Equal("2026-03", good.QuerySelector("input[name=month]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_funnel_links_to_the_meeting_only_once_the_round_has_reached_it()
    {
        var scoring = await app.InScoring();
        var early = await Open(DemoRounds.Secretary, $"/danh-gia/{scoring}/pheu");
        Assert.Empty(early.QuerySelectorAll($"a[href='/danh-gia/{scoring}/hop-xet']"));

        var closed = await app.Closed();
        var late = await Open(DemoRounds.Secretary, $"/danh-gia/{closed}/pheu");
        var link = late.QuerySelector($"a[href='/danh-gia/{closed}/hop-xet']");
        Assert.NotNull(link);
        Assert.Equal(HttpStatusCode.OK, await Status(DemoRounds.Secretary, link!.GetAttribute("href")!));
    }

    [Fact]
    public async Task Certificates_and_decisions_are_linked_only_for_those_who_may_open_them()
    {
        using var approver = await app.As(AwardsScenarios.Approver);
        var rows = (await approver.Get("/api/awards/decisions")).Expect(HttpStatusCode.OK).Body.EnumerateArray().ToList();
        var signed = rows.First(r => r.GetProperty("number").GetString() == "125/QĐ-UBND");
        var (id, round) = (signed.GetProperty("id").GetGuid(), signed.GetProperty("roundId").GetGuid());

        var printer = await Open(AwardsScenarios.Approver, $"/khen-thuong/quyet-dinh/{id}");
        Assert.NotNull(printer.QuerySelector("#bang-khen"));
        Assert.Equal(HttpStatusCode.OK, await Status(AwardsScenarios.Approver, $"/khen-thuong/quyet-dinh/{id}/bang-khen"));

        // The provincial board's secretary reads the People's Committee's decision but prints no certificate of it.
        Assert.Equal(HttpStatusCode.Forbidden, await Status("thuky.bdvtinh", $"/khen-thuong/quyet-dinh/{id}/bang-khen"));
        var reader = await Open("thuky.bdvtinh", $"/khen-thuong/quyet-dinh/{id}");
        Assert.Null(reader.QuerySelector("#bang-khen"));
        Assert.NotNull(reader.QuerySelector("#tai-pdf"));

        // The board's head sees the round's proposal list, and the decision named in it, which is not his to open.
        Assert.Equal(HttpStatusCode.NotFound, await Status("truongban.bdvtinh", $"/khen-thuong/quyet-dinh/{id}"));
        var list = await Open("truongban.bdvtinh", $"/khen-thuong/de-nghi/{round}");
        var item = list.QuerySelectorAll("#quyet-dinh-cua-dot li").Single(li => li.TextContent.Contains("125/QĐ-UBND"));
        Assert.Empty(item.QuerySelectorAll("a"));
        var secretaryList = await Open("thuky.bdvtinh", $"/khen-thuong/de-nghi/{round}");
        Assert.NotNull(secretaryList.QuerySelector($"#quyet-dinh-cua-dot a[href='/khen-thuong/quyet-dinh/{id}']"));
    }

    [Fact]
    public async Task The_ranking_marks_the_open_group_as_the_current_one()
    {
        var page = await Open(DemoRounds.Secretary, $"/tham-dinh/{await app.InScoring()}/xep-hang");
        var current = Assert.Single(page.QuerySelectorAll("main a.tag[aria-current=page]"));
        Assert.Contains("ok", current.ClassList);
    }

    [Theory]
    [InlineData("canbo.phuong1", "/theo-doi/{model}", "Theo dõi mô hình")]
    [InlineData("canbo.phuong1", "/theo-doi/{model}/bao-cao", "Theo dõi mô hình")]
    [InlineData("thuky.bdvtinh", "/theo-doi/viec-sau-kiem-tra", "Kiểm tra, giám sát")]
    [InlineData("quantri", "/quan-tri/nhap-excel", "Đơn vị")]
    public async Task A_page_without_its_own_menu_entry_marks_the_entry_it_belongs_to(string user, string url, string entry)
    {
        if (url.Contains("{model}"))
        {
            // The demo's own followed model: a new one would put more notices in the officer's inbox, which others count.
            using var officer = await app.As("canbo.phuong1");
            var demo = (await officer.Get("/api/registry/models?q=4+xin")).Expect(HttpStatusCode.OK).Body.Items()
                .First(m => m.GetProperty("name").GetString() == "4 xin, 4 luôn").GetProperty("id").GetGuid();
            url = url.Replace("{model}", demo.ToString());
        }
        var page = await Open(user, url);
        var current = page.QuerySelectorAll("nav.main a[aria-current=page]").ToList();
        Assert.Equal(entry, Assert.Single(current).TextContent.Trim());
        Assert.Equal(entry, page.QuerySelector("nav.main .nav-menu-current")!.TextContent.Trim());
    }
}
