using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Campaigns belong to the board that runs them (provincial ones to the provincial board and the administrators),
/// and their periods lie inside their years.</summary>
[Collection(AppCollection.Name)]
public sealed class CampaignTests(AppFixture app)
{
    static object Period(string name, int year, int? codeYear = null, long version = 1) => new
    {
        name, kind = "Year", from = $"{year}-01-01", to = $"{year}-12-31", registrationOpens = $"{year}-01-01", registrationCloses = $"{year}-06-30",
        codeYear = codeYear ?? year, version
    };

    [Fact]
    public async Task A_board_secretary_manages_only_the_campaigns_of_the_board()
    {
        using var admin = await app.As("quantri");
        using var provinceBoard = await app.As("thuky.bdvtinh");
        using var cityBoard = await app.As("thuky.bdvtp");
        using var communeBoard = await app.As("thuky.phuong1");
        var provincial = (await admin.Post("/api/registry/campaigns", new { name = DirectoryScenarios.Unique("Tỉnh phát động "), startYear = 2026, endYear = 2030 }))
            .Expect(HttpStatusCode.Created).Id;
        (await communeBoard.Post($"/api/registry/campaigns/{provincial}/periods", Period("Năm 2026", 2026))).Expect(HttpStatusCode.Forbidden);
        (await cityBoard.Post($"/api/registry/campaigns/{provincial}/periods", Period("Năm 2026", 2026))).Expect(HttpStatusCode.Forbidden);
        var period = (await provinceBoard.Post($"/api/registry/campaigns/{provincial}/periods", Period("Năm 2026", 2026))).Expect(HttpStatusCode.OK).Id;
        (await communeBoard.Post($"/api/registry/campaigns/{provincial}/periods/{period}/window", new { opens = "2026-01-01", closes = "2026-01-02", version = 2 }))
            .Expect(HttpStatusCode.Forbidden);
        (await admin.Post($"/api/registry/campaigns/{provincial}/periods/{period}/window", new { opens = "2026-01-01", closes = "2026-03-31", version = 2 }))
            .Expect(HttpStatusCode.OK);

        var city = (await cityBoard.Post("/api/registry/campaigns", new { name = DirectoryScenarios.Unique("Thành phố phát động "), startYear = 2026, endYear = 2027 }))
            .Expect(HttpStatusCode.Created).Id;
        (await provinceBoard.Post($"/api/registry/campaigns/{city}/periods", Period("Năm 2026", 2026))).Expect(HttpStatusCode.Forbidden);
        (await cityBoard.Post($"/api/registry/campaigns/{city}/periods", Period("Năm 2026", 2026))).Expect(HttpStatusCode.OK);
        (await admin.Post($"/api/registry/campaigns/{city}/periods", Period("Năm 2027", 2027, version: 2))).Expect(HttpStatusCode.OK);
        var stored = (await admin.Get("/api/registry/campaigns")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == city);
        Assert.Equal(2, stored.GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public async Task Periods_lie_inside_the_campaign_and_years_are_asked_for_in_Vietnamese()
    {
        using var admin = await app.As("quantri");
        var noYears = (await admin.Post("/api/registry/campaigns", new { name = "Không có năm", startYear = (int?)null, endYear = (int?)null }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Vui lòng nhập năm bắt đầu."], noYears.Errors("startYear"));
        Assert.Equal(["Vui lòng nhập năm kết thúc."], noYears.Errors("endYear"));

        var campaign = (await admin.Post("/api/registry/campaigns", new { name = DirectoryScenarios.Unique("Đợt kiểm tra kỳ "), startYear = 2026, endYear = 2027 }))
            .Expect(HttpStatusCode.Created).Id;
        var outside = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", Period("Năm 2031", 2031))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Ngày bắt đầu kỳ phải nằm trong các năm của đợt thi đua (2026-2027)."], outside.Errors("from"));
        var negative = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", Period("Năm 2026", 2026, codeYear: -2026))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Năm ghi trong mã đăng ký phải từ 2000 đến 2100."], negative.Errors("codeYear"));
        var noVersion = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new { name = "Năm 2026", kind = "Year", from = "2026-01-01", to = "2026-12-31",
            registrationOpens = "2026-01-01", registrationCloses = "2026-06-30" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noVersion.Errors("version"));
        var stored = (await admin.Get("/api/registry/campaigns")).Expect(HttpStatusCode.OK).Body.EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == campaign);
        Assert.Equal(0, stored.GetProperty("periods").GetArrayLength());
    }
}
