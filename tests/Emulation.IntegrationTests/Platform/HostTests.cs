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
    public async Task Hangfire_dashboard_is_for_administrators_only()
    {
        using var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync("/hangfire");
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {refused.StatusCode}");

        using var officer = await app.As("canbo.phuong1");
        var alsoRefused = await officer.Client.GetAsync("/hangfire");
        Assert.True(alsoRefused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {alsoRefused.StatusCode}");

        using var admin = await app.As("quantri");
        var allowed = await admin.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
