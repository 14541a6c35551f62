using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Pages;

/// <summary>Every screen, fetched as each demo role would and parsed as a browser would: the status, the title,
/// and the markup the shared script and assistive technology rely on.</summary>
[Collection(AppCollection.Name)]
public sealed class PageTests(AppFixture app)
{
    static readonly string[] Everyone = ["quantri", "canbo.phuong1", "thuky.phuong1", "uyvien.bdvtinh", "lanhdao.tinh"];

    async Task<(HttpStatusCode Status, IDocument Page)> Open(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, new HtmlParser().ParseDocument(html));
    }

    async Task<IDocument> Page(string user, string url, string title)
    {
        var (status, page) = await Open(user, url);
        Assert.True(status == HttpStatusCode.OK, $"{user} {url}: {(int)status}");
        Assert.Equal(title, page.QuerySelector("main h1")!.TextContent);
        WellFormed(page, $"{user} {url}");
        return page;
    }

    /// <summary>Ids are unique and every aria-describedby names an element that exists.</summary>
    static void WellFormed(IDocument page, string where)
    {
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{where}: duplicate ids {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
        foreach (var input in page.QuerySelectorAll("[aria-describedby]"))
            foreach (var id in input.GetAttribute("aria-describedby")!.Split(' '))
                Assert.True(page.GetElementById(id) is not null, $"{where}: {input.GetAttribute("name")} is described by missing #{id}");
        // Periods are a handful a year in use, but every test that opens one adds an option in this shared database
        // (61 once the suite grew): the bound is for lists that grow with the data, such as units (now pickers).
        Assert.All(page.QuerySelectorAll("select").Where(s => s.GetAttribute("name") is not ("period" or "periodId")),
            s => Assert.True(s.QuerySelectorAll("option").Length <= 60, $"{where}: a {s.QuerySelectorAll("option").Length}-option dropdown ({s.GetAttribute("name")})"));
        Assert.NotNull(page.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/", "Trang chủ")]
    [InlineData("/mo-hinh", "Mô hình, điển hình")]
    [InlineData("/mo-hinh/thong-ke", "Thống kê mô hình, điển hình")]
    [InlineData("/mo-hinh/cho-duyet", "Hồ sơ chờ Ban xem xét")]
    [InlineData("/hop-thu", "Nhắc việc")]
    [InlineData("/tai-khoan", "Tài khoản của tôi")]
    public async Task Every_role_opens_the_shared_pages(string url, string title)
    {
        foreach (var user in Everyone)
        {
            var page = await Page(user, url, title);
            Assert.NotNull(page.QuerySelector("nav.main a[aria-current=page]") ?? page.QuerySelector("nav.main"));
            Assert.Contains("Đăng xuất", page.QuerySelector("header")!.TextContent);
        }
    }

    [Theory]
    [InlineData("/quan-tri/don-vi", "Đơn vị")]
    [InlineData("/quan-tri/nguoi-dung", "Người dùng")]
    [InlineData("/quan-tri/danh-muc", "Danh mục lĩnh vực và cấp")]
    [InlineData("/quan-tri/dot-thi-dua", "Phong trào, đợt thi đua")]
    public async Task Administration_is_for_the_administrator_and_refused_in_vietnamese_to_an_officer(string url, string title)
    {
        var admin = await Page("quantri", url, title);
        Assert.Contains(admin.QuerySelectorAll("nav.main a"), a => a.TextContent == "Người dùng");

        var (status, refused) = await Open("canbo.phuong1", url);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Không có quyền", refused.QuerySelector("main h1")!.TextContent);
        Assert.DoesNotContain(refused.QuerySelectorAll("nav.main a"), a => a.TextContent == "Người dùng");
    }

    [Fact]
    public async Task A_mistyped_report_date_is_named_beside_its_field_and_the_chosen_scope_is_kept()
    {
        // Opened without the page checks: the shared test database holds every campaign the other tests made, and the
        // period list lists them all (a province has a handful).
        var (_, first) = await Open("thuky.bdvtinh", "/bao-cao-so-ket");
        var period = first.QuerySelector("select[name=period] option[value]:not([value=''])")!.GetAttribute("value")!;
        var unit = first.QuerySelectorAll("select[name=unit] option").Select(o => o.GetAttribute("value")).Last(v => !string.IsNullOrEmpty(v))!;
        var (status, page) = await Open("thuky.bdvtinh", $"/bao-cao-so-ket?period={Uri.EscapeDataString(period)}&unit={unit}&on=31%2F02%2F2023");
        Assert.Equal(HttpStatusCode.OK, status);
        var on = page.QuerySelector("input[name=on]")!;
        Assert.Equal("true", on.GetAttribute("aria-invalid"));
        Assert.Contains("“31/02/2023” không phải là ngày hợp lệ", page.GetElementById(on.GetAttribute("aria-describedby")!.Split(' ')[0])!.TextContent);
        Assert.Equal(unit, page.QuerySelector("select[name=unit] option[selected]")?.GetAttribute("value"));
        Assert.Equal(period, page.QuerySelector("select[name=period] option[selected]")?.GetAttribute("value"));
        // Said once, beside the field: not again in a notice above the form.
        Assert.Single(page.QuerySelectorAll("main *"), e => e.ChildElementCount == 0 && e.TextContent.Contains("không phải là ngày hợp lệ"));
        Assert.Null(page.GetElementById("loi-bao-cao"));
    }

    [Fact]
    public async Task A_secretary_is_offered_period_forms_only_on_the_campaigns_the_board_manages()
    {
        const string periodForms = "form[data-action$='/periods']";
        var provincial = await Page("thuky.bdvtinh", "/quan-tri/dot-thi-dua", "Phong trào, đợt thi đua");
        Assert.NotEmpty(provincial.QuerySelectorAll(periodForms));

        var ward = await Page("thuky.phuong1", "/quan-tri/dot-thi-dua", "Phong trào, đợt thi đua");
        Assert.Empty(ward.QuerySelectorAll(periodForms));
        Assert.Contains("Do Ban phụ trách đợt thi đua này thêm kỳ", ward.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_admin_lists_come_a_page_at_a_time_and_a_page_past_the_end_is_the_last()
    {
        var units = await Page("quantri", "/quan-tri/don-vi", "Đơn vị");
        Assert.InRange(units.QuerySelectorAll("table.units tbody tr").Length, 1, 50);
        Assert.NotNull(units.QuerySelector("input[data-picker=parentId][list=units]"));

        var people = await Page("quantri", "/quan-tri/nguoi-dung?page=999", "Người dùng");
        var pager = people.QuerySelector("nav.pager")!.TextContent;
        var last = System.Text.RegularExpressions.Regex.Match(pager, @"Trang (\d+) / (\d+)");
        Assert.Equal(last.Groups[2].Value, last.Groups[1].Value);
        Assert.InRange(people.QuerySelectorAll("table.people tbody tr").Length, 1, 50);
    }

    [Fact]
    public async Task The_model_list_past_its_end_shows_the_last_page_and_says_so()
    {
        var page = await Page("quantri", "/mo-hinh?page=999", "Mô hình, điển hình");
        var pager = System.Text.RegularExpressions.Regex.Match(page.QuerySelector("nav.pager")!.TextContent, @"Trang (\d+) / (\d+)");
        Assert.Equal(pager.Groups[2].Value, pager.Groups[1].Value);
        Assert.Contains("Trang 999 không có", page.QuerySelector("main")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("table.models tbody tr"));
    }

    [Fact]
    public async Task Only_levels_a_board_covers_are_offered()
    {
        // Phường 1 has boards at grassroots, district (city) and province level; the women's union, under the
        // province, has only the provincial board above it.
        var commune = await Page("canbo.phuong1", "/mo-hinh/dang-ky", "Đăng ký mô hình, điển hình");
        Assert.Equal(["co-so", "huyen", "tinh"], Levels(commune));
        var union = await Page("canbo.phunu", "/mo-hinh/dang-ky", "Đăng ký mô hình, điển hình");
        Assert.Equal(["tinh"], Levels(union));

        static string[] Levels(IDocument page) => page.QuerySelectorAll("select[name=levelCode] option")
            .Select(o => o.GetAttribute("value")!).Where(v => v != "").Order().ToArray();
    }

    [Fact]
    public async Task Irreversible_steps_ask_first_and_a_returned_dossier_shows_the_boards_reason()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var board = await app.As("thuky.phuong1");
        var period = await admin.OpenPeriod();
        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Giao diện xác nhận ")));

        var draft = await Page("canbo.phuong1", $"/mo-hinh/{id}", (await officer.Model(id)).GetProperty("details").GetProperty("name").GetString()!);
        Assert.Contains("Gửi hồ sơ cho Ban", Form(draft, "submit").GetAttribute("data-confirm"));

        var dossier = RegistryScenarios.Dossier(period, draft.QuerySelector("main h1")!.TextContent);
        dossier["version"] = version;
        dossier["area"] = "Khóm 3 và khóm 4";
        version = (await officer.Put($"/api/registry/models/{id}", dossier)).Expect(HttpStatusCode.OK).Version;
        var edited = await Page("canbo.phuong1", $"/mo-hinh/{id}", draft.QuerySelector("main h1")!.TextContent);
        Assert.Contains("Sửa hồ sơ: địa bàn", edited.QuerySelector("#lich-su")!.TextContent);

        var sent = await officer.Submit(id, version);
        var submitted = await Page("thuky.phuong1", $"/mo-hinh/{id}", draft.QuerySelector("main h1")!.TextContent);
        var accept = Form(submitted, "accept");
        Assert.Contains("không hoàn tác", accept.GetAttribute("data-confirm"));
        Assert.False(accept.Closest("details")!.HasAttribute("open"));
        Assert.Contains("không hoàn tác", Form(submitted, "reject").GetAttribute("data-confirm"));

        await board.WaitForList("status=Submitted&pageSize=200", l => l.Items().Any(i => i.GetProperty("id").GetGuid() == id));
        var queue = await Page("thuky.phuong1", "/mo-hinh/cho-duyet", "Hồ sơ chờ Ban xem xét");
        Assert.Contains("Số ngày chờ", queue.QuerySelector("table.models thead")!.TextContent);
        var row = queue.QuerySelectorAll("table.models tbody tr").First(r => r.QuerySelector($"a[href='/mo-hinh/{id}']") is not null);
        Assert.Equal("0 ngày", row.QuerySelector("td.number")!.TextContent);

        (await board.Post($"/api/registry/models/{id}/return", new { reason = "Bổ sung số hộ tham gia.", version = sent.Version })).Expect(HttpStatusCode.OK);
        var edit = await Page("canbo.phuong1", $"/mo-hinh/{id}/sua", "Sửa hồ sơ: " + draft.QuerySelector("main h1")!.TextContent);
        Assert.Contains("Bổ sung số hộ tham gia.", edit.QuerySelector("#ly-do-tra-lai")!.TextContent);
        Assert.NotEmpty(edit.QuerySelectorAll("[data-row-group=targets] [data-remove-row]"));
    }

    [Fact]
    public async Task A_scorecard_keeps_a_space_between_the_models_name_and_its_code()
    {
        var (_, list) = await Open("uyvien.bdvtinh", "/tham-dinh");
        var href = list.QuerySelector("#my-assignments a")!.GetAttribute("href")!;
        var (status, card) = await Open("uyvien.bdvtinh", href);
        Assert.Equal(HttpStatusCode.OK, status);
        var line = card.QuerySelectorAll("main p").First(p => p.TextContent.StartsWith("Mô hình:"));
        Assert.Matches(@"\S \(CM-\d{4}-\d{4}\)", line.TextContent);
    }

    [Fact]
    public async Task A_certificate_never_printed_is_printed_not_reprinted()
    {
        var (_, awards) = await Open("lanhdao.tinh", "/khen-thuong");
        var decision = awards.QuerySelectorAll("a[href^='/khen-thuong/quyet-dinh/']").First(a => a.TextContent.Contains("125/QĐ-UBND")).GetAttribute("href");
        var page = await Page("lanhdao.tinh", decision + "/bang-khen", "Bằng khen theo Quyết định số 125/QĐ-UBND");
        var panels = page.QuerySelectorAll("section.panel[id^='c-']").Where(p => p.QuerySelector("form.api-form[data-action$='/prints'] button") is not null).ToList();
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var button = panel.QuerySelector("form.api-form[data-action$='/prints'] button")!.TextContent;
            Assert.Equal(panel.TextContent.Contains("Đã in 0 bản") ? "In bằng khen này" : "In lại bằng khen này", button);
        }
        Assert.Contains(panels, p => p.TextContent.Contains("Đã in 0 bản"));
    }

    [Fact]
    public async Task The_boards_dashboard_links_to_lists_and_files_never_to_raw_json()
    {
        var page = await Page("thuky.bdvtinh", "/theo-doi/tong-quan", "Tổng quan theo dõi mô hình");
        Assert.All(page.QuerySelectorAll("a[href^='/api/']").Select(a => a.GetAttribute("href")!),
            href => Assert.Matches(@"/export\?.*format=(xlsx|csv)|/(pdf|docx|xlsx)(\?|$)", href));
        Assert.DoesNotContain("dạng JSON", page.QuerySelector("main")!.TextContent);
    }

    static IElement Form(IDocument page, string action) =>
        page.QuerySelectorAll("form.api-form").Single(f => f.GetAttribute("data-action")!.EndsWith("/" + action));

    /// <summary>A page no longer carries every unit in its pickers' suggestions (about 1,300 in a province): only the
    /// chosen one travels with it and the rest are searched on the server as the person types (ADR 0016).</summary>
    [Theory]
    [InlineData("quantri", "/quan-tri/don-vi", "Đơn vị", "units", "/api/directory/units/suggestions")]
    [InlineData("quantri", "/quan-tri/nguoi-dung", "Người dùng", "units", "/api/directory/units/suggestions")]
    [InlineData("quantri", "/mo-hinh", "Mô hình, điển hình", "filter-units", "/api/registry/units/suggestions")]
    [InlineData("canbo.phuong1", "/mo-hinh", "Mô hình, điển hình", "filter-units", "/api/registry/units/suggestions")]
    public async Task Unit_pickers_search_the_server_instead_of_carrying_every_unit(string user, string url, string title, string list, string source)
    {
        var page = await Page(user, url, title);
        var datalist = page.GetElementById(list)!;
        Assert.Equal(source, datalist.GetAttribute("data-source"));
        Assert.Empty(datalist.QuerySelectorAll("option"));
    }

    [Fact]
    public async Task Unit_suggestions_are_a_few_matches_best_first_and_within_the_persons_scope()
    {
        using var admin = await app.As("quantri");
        Assert.Empty((await admin.Get("/api/directory/units/suggestions?q=")).Expect(HttpStatusCode.OK).Body.EnumerateArray());
        var wards = (await admin.Get("/api/directory/units/suggestions?q=phuong")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.InRange(wards.Count, 2, 20);
        Assert.All(wards, t => Assert.Contains("phuong", Emulation.Kernel.Text.VietnameseText.Fold(t)));
        var exact = (await admin.Get("/api/directory/units/suggestions?q=" + Uri.EscapeDataString("Tỉnh Cà Mau › Thành phố Cà Mau › Phường 1")))
            .Expect(HttpStatusCode.OK).Body.EnumerateArray().First();
        Assert.Equal("Tỉnh Cà Mau › Thành phố Cà Mau › Phường 1", exact.GetProperty("text").GetString());
        var province = await admin.UnitId("CM");
        Assert.DoesNotContain((await admin.Get($"/api/directory/units/suggestions?q=ca%20mau&except={province}")).Expect(HttpStatusCode.OK).Body.EnumerateArray(),
            s => s.GetProperty("text").GetString()!.StartsWith("Tỉnh Cà Mau"));

        using var officer = await app.As("canbo.phuong1");
        var own = (await officer.Get("/api/registry/units/suggestions?q=phuong")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, t => Assert.Contains("Phường 1", t));
        var all = (await admin.Get("/api/registry/units/suggestions?q=phuong")).Expect(HttpStatusCode.OK).Body.EnumerateArray().Count();
        Assert.True(all > own.Count, $"the administrator sees {all}, the officer {own.Count}");
    }
}
