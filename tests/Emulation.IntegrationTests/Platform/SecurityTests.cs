using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Platform;

[Collection(AppCollection.Name)]
public sealed class SecurityTests(AppFixture app)
{
    static readonly string[] Public = ["/dang-nhap", "/api/auth/token", "/health", "/openapi/{documentName}.json", "/assets/{name}", "/favicon.ico",
        "/xac-minh/{id}", "/xac-minh/{id}/chung-nhan.json", "/api/awards/credentials/verify", "/.well-known/emulation-keys.json", "/tra-cuu-khen-thuong"];

    [Fact]
    public async Task Only_the_declared_public_endpoints_answer_visitors_every_other_one_needs_a_signed_in_person()
    {
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).Distinct().ToList();
        Assert.Equal(Public.Order(), anonymous.Order()!);

        using var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !Public.Contains(e.RoutePattern.RawText)))
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var url = "/" + string.Join('/', endpoint.RoutePattern.RawText!.Trim('/').Split('/')
                .Select(s => s.StartsWith('{') ? (s.Contains("guid") || s.Contains("id") || s.Contains("Id") ? Guid.NewGuid().ToString() : "x") : s));
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET") request.Content = JsonContent.Create(new { });
            var response = await client.SendAsync(request);
            var expected = url.StartsWith("/api/") ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect;
            if (response.StatusCode != expected || expected == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("/dang-nhap"))
                failures.Add($"{method} {url}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_pages_allow_no_inline_script_or_style()
    {
        using var client = app.Anonymous();
        foreach (var url in new[] { "/dang-nhap", "/api/directory/units", "/health" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }
        Assert.False((await client.GetAsync("/dang-nhap")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_forwarded_scheme_is_believed_hsts_is_sent_and_the_cookie_is_secure()
    {
        using var client = app.Anonymous();
        HttpRequestMessage ViaProxy(HttpMethod method, string url)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "thiduadanvan.example.vn");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return request;
        }
        var page = await client.SendAsync(ViaProxy(HttpMethod.Get, "/dang-nhap"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        var csrf = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("emulation.csrf"));
        Assert.Contains("secure", csrf);

        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = ViaProxy(HttpMethod.Post, "/dang-nhap");
        signIn.Headers.Add("Cookie", csrf.Split(';')[0]);
        signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "quantri", ["password"] = Emulation.Directory.Seed.DirectoryDemoSeed.Password
        });
        var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("emulation.auth")));
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        using var client = app.Anonymous(cookies: true);
        var home = await SignInWithForm(client, "quantri", Emulation.Directory.Seed.DirectoryDemoSeed.Password);
        var token = Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var forged = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var real = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/dang-nhap", real.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_wrong_guesses_each_count()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("song.song");
        await admin.CreatePerson(userName, "Người Thử Song Song", "matkhau123");

        using var api = new Api(app.Anonymous());
        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => api.Post("/api/auth/token", new { userName, password = "sai-" + i })));
        Assert.All(guesses, g => g.Expect(HttpStatusCode.Unauthorized));

        (await api.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.Unauthorized);
        var people = (await admin.Get("/api/directory/people")).Expect(HttpStatusCode.OK).Body;
        Assert.True(people.EnumerateArray().Single(p => p.GetProperty("userName").GetString() == userName).GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_and_tokens_but_not_the_one_that_changed_it()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("doi.mk");
        var id = await admin.CreatePerson(userName, "Người Đổi Mật Khẩu", "matkhau123");

        using var bearer = new Api(app.Anonymous());
        var token = (await bearer.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.OK).Body.GetProperty("accessToken").GetString();
        bearer.Client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await bearer.Get("/api/auth/me")).Expect(HttpStatusCode.OK);

        using var browser = app.Anonymous(cookies: true);
        var home = await SignInWithForm(browser, userName, "matkhau123");
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", Regex.Match(home, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value);
        using var page = new Api(browser);
        (await page.Post("/api/auth/password", new { currentPassword = "matkhau123", newPassword = "matkhaumoi456" })).Expect(HttpStatusCode.OK);

        (await bearer.Get("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await page.Get("/api/auth/me")).Expect(HttpStatusCode.OK);

        var version = (await admin.Get($"/api/directory/people/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("person").GetProperty("version").GetInt64();
        (await admin.Post($"/api/directory/people/{id}/password", new { password = "matkhauquantri789", version })).Expect(HttpStatusCode.OK);
        (await page.Get("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
    }

    static async Task<string> SignInWithForm(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/dang-nhap");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = password
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return await client.GetStringAsync("/");
    }
}
