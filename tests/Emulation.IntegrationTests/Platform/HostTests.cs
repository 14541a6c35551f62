using System.Net;

namespace Emulation.IntegrationTests.Platform;

[Collection(AppCollection.Name)]
public sealed class HostTests(AppFixture app)
{
    [Fact]
    public async Task Health_checks_the_database()
    {
        using var api = new Api(app.Anonymous());
        var reply = (await api.Get("/health")).Expect(HttpStatusCode.OK);
        Assert.Equal("Healthy", reply.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_icon_a_browser_asks_for_is_served_to_anyone_and_named_by_every_page()
    {
        using var client = app.Anonymous();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/assets/favicon.svg", ico.Headers.Location!.OriginalString);
        var svg = await client.GetAsync("/assets/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        Assert.Contains("<link rel=\"icon\" href=\"/assets/favicon.svg\"", await client.GetStringAsync("/dang-nhap"));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api_and_has_a_page()
    {
        using var client = app.Anonymous();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/directory/units", doc);
        Assert.Contains("/api/auth/token", doc);
        var page = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Cookies_are_secure_over_https_through_the_proxy_and_pages_still_answer_over_plain_http()
    {
        using var client = app.Anonymous();
        var plain = await client.GetAsync("/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.DoesNotContain("secure", string.Join(";", plain.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await client.SendAsync(viaProxy);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("secure", string.Join(";", secure.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_sign_in()
    {
        using var client = app.Anonymous();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/dang-nhap", home.Headers.Location!.PathAndQuery);

        var signIn = await client.GetStringAsync("/dang-nhap");
        Assert.Contains("Tên đăng nhập", signIn);
        Assert.Contains("lang=\"vi\"", signIn);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_administrators_only_and_sends_visitors_to_sign_in()
    {
        using var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/dang-nhap", refused.Headers.Location!.PathAndQuery);

        using var officer = await app.As("canbo.phuong1");
        var alsoRefused = await officer.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, alsoRefused.StatusCode);

        using var admin = await app.As("quantri");
        var allowed = await admin.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_forbidden_pages_answer_in_vietnamese_and_the_api_with_problem_details()
    {
        using var officer = await app.As("canbo.phuong1");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/khong-ton-tai");
        page.Headers.Accept.ParseAdd("text/html");
        var missing = await officer.Client.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy", await missing.Content.ReadAsStringAsync());

        using var adminPage = new HttpRequestMessage(HttpMethod.Get, "/quan-tri/nguoi-dung");
        adminPage.Headers.Accept.ParseAdd("text/html");
        var forbidden = await officer.Client.SendAsync(adminPage);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Không có quyền", await forbidden.Content.ReadAsStringAsync());

        var api = (await officer.Get("/api/khong-ton-tai")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy", api.Body.GetProperty("title").GetString());
    }
}
