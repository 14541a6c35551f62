using System.Net;

namespace Emulation.IntegrationTests;

/// <summary>The demo data's rounds of the provincial board and an open registration period, for page tests that only
/// read them: every new period a test opens is one more option in the period dropdowns other tests check.</summary>
public static class DemoRounds
{
    public const string Secretary = "thuky.bdvtinh";

    /// <summary>"Tổng kết 5 năm …", in scoring.</summary>
    public static Task<Guid> InScoring(this AppFixture app) => Find(app, "scoring", "Tổng kết 5 năm");

    /// <summary>"Hội nghị sơ kết 3 năm …", closed, its proposal list published.</summary>
    public static Task<Guid> Closed(this AppFixture app) => Find(app, "closed", "Hội nghị sơ kết 3 năm");

    static async Task<Guid> Find(AppFixture app, string state, string name)
    {
        using var secretary = await app.As(Secretary);
        var rounds = (await secretary.Get("/api/review/rounds")).Expect(HttpStatusCode.OK).Body.EnumerateArray();
        return rounds.First(r => r.GetProperty("state").GetString() == state && r.GetProperty("name").GetString()!.Contains(name)).GetProperty("id").GetGuid();
    }

    /// <summary>A period open for registration today, the demo's own (or any other already open).</summary>
    public static async Task<Guid> OpenRegistrationPeriod(this AppFixture app)
    {
        using var officer = await app.As("canbo.phuong1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/mo-hinh/dang-ky");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await officer.Client.SendAsync(request);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return Guid.Parse(page.QuerySelectorAll("select[name=periodId] option").Select(o => o.GetAttribute("value")).First(v => Guid.TryParse(v, out _))!);
    }
}
