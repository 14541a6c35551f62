using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Emulation.IntegrationTests.Platform;

public sealed class IsolatedHostTests(IsolatedHost isolated) : IClassFixture<IsolatedHost>
{
    HttpClient Client() => isolated.Host.Client();

    [Fact]
    public async Task While_postgres_is_down_the_api_answers_503_in_vietnamese_pages_show_a_vietnamese_page_and_health_turns_at_once()
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var token = Regex.Match(await client.GetStringAsync("/dang-nhap"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        isolated.Proxy.Cut();
        try
        {
            var clock = Stopwatch.StartNew();
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("Unhealthy", await health.Content.ReadAsStringAsync());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5), $"health took {clock.Elapsed}");

            var api = await client.PostAsJsonAsync("/api/auth/token", new { userName = "quantri", password = "sai-mat-khau-1" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("5", api.Headers.GetValues("Retry-After").Single());
            Assert.Equal("Hệ thống tạm gián đoạn", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

            using var form = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["userName"] = "quantri", ["password"] = "sai-mat-khau-1"
                })
            };
            form.Headers.Accept.ParseAdd("text/html");
            var page = await client.SendAsync(form);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("lang=\"vi\"", html);
            Assert.Contains("Cơ sở dữ liệu đang không trả lời", html);
        }
        finally { isolated.Proxy.Start(); }

        var back = Stopwatch.StartNew();
        while ((await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), "health did not recover");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_public_award_lookup_beyond_its_limit_gets_429_in_vietnamese_with_retry_after()
    {
        using var client = Client();
        HttpResponseMessage limited = null!;
        for (var i = 0; i <= IsolatedHost.AttemptsPerMinute; i++)
        {
            limited = await client.GetAsync("/tra-cuu-khen-thuong?q=nguyen+van+" + i);
            if (limited.StatusCode == HttpStatusCode.TooManyRequests) break;
            Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("Tra cứu quá nhiều lần", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // The verification page itself is not limited: a QR code scanned at a ceremony must always open.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/xac-minh/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_in_vietnamese_on_both_doors()
    {
        using var client = Client();
        // The other test of this host may have used some of this minute's attempts already.
        HttpResponseMessage limited = null!;
        for (var i = 0; i <= IsolatedHost.AttemptsPerMinute; i++)
        {
            limited = await client.PostAsJsonAsync("/api/auth/token", new { userName = "ai.do", password = "doan-" + i });
            if (limited.StatusCode == HttpStatusCode.TooManyRequests) break;
            Assert.Equal(HttpStatusCode.Unauthorized, limited.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("Thử đăng nhập quá nhiều lần", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var token = Regex.Match(await client.GetStringAsync("/dang-nhap"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "ai.do", ["password"] = "doan-mau"
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Vui lòng chờ", await form.Content.ReadAsStringAsync());
    }
}
