using System.Net;
using System.Text.RegularExpressions;

namespace Emulation.IntegrationTests.Directory;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        using var api = new Api(app.Anonymous());
        var wrongPassword = (await api.Post("/api/auth/token", new { userName = "thuky.bdvtinh", password = "sai-mat-khau-1" })).Expect(HttpStatusCode.Unauthorized);
        var unknownUser = (await api.Post("/api/auth/token", new { userName = "khong.ton.tai", password = "sai-mat-khau-1" })).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword.Detail, unknownUser.Detail);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", wrongPassword.Detail);
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData("quantri", "")]
    public async Task Empty_fields_get_a_clear_message(string userName, string password)
    {
        using var api = new Api(app.Anonymous());
        var reply = (await api.Post("/api/auth/token", new { userName, password })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Vui lòng nhập tên đăng nhập và mật khẩu.", reply.Detail);
    }

    [Fact]
    public async Task Oversized_fields_get_a_clear_message()
    {
        using var api = new Api(app.Anonymous());
        var longName = (await api.Post("/api/auth/token", new { userName = new string('a', 5000), password = "x" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không dài quá 50 ký tự", longName.Detail);
        var longPassword = (await api.Post("/api/auth/token", new { userName = "quantri", password = new string('a', 100_000) })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("không dài quá 128 ký tự", longPassword.Detail);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("khoa");
        await admin.CreatePerson(userName, "Người Thử Khóa", "matkhau123");

        using var api = new Api(app.Anonymous());
        (await api.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++)
            (await api.Post("/api/auth/token", new { userName, password = "sai" + i })).Expect(HttpStatusCode.Unauthorized);
        (await api.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.Unauthorized);

        var people = (await admin.Get("/api/directory/people")).Expect(HttpStatusCode.OK).Body;
        var person = people.EnumerateArray().Single(p => p.GetProperty("userName").GetString() == userName);
        Assert.True(person.GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task The_api_answers_401_and_403_with_problem_details()
    {
        using var anonymous = new Api(app.Anonymous());
        var unauthorized = (await anonymous.Get("/api/directory/units")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("Chưa đăng nhập", unauthorized.Body.GetProperty("title").GetString());

        using var officer = await app.As("canbo.phuong1");
        var forbidden = (await officer.Get("/api/directory/people")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(403, forbidden.Body.GetProperty("status").GetInt32());
        (await officer.Post("/api/directory/units", new { code = "X-1", name = "X", kind = "Commune" })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signing_in_with_the_form_sets_a_cookie_and_api_calls_with_it_need_the_antiforgery_token()
    {
        using var client = app.Anonymous(cookies: true);
        var form = await client.GetStringAsync("/dang-nhap");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var missingToken = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "quantri", ["password"] = Emulation.Directory.Seed.DirectoryDemoSeed.Password
        }));
        Assert.Equal(HttpStatusCode.BadRequest, missingToken.StatusCode);

        var signedIn = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "quantri", ["password"] = Emulation.Directory.Seed.DirectoryDemoSeed.Password
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var home = await client.GetStringAsync("/");
        Assert.Contains("Xin chào", home);
        Assert.Contains("Trần Quốc Bảo", home);

        var csrf = Regex.Match(home, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        using var api = new Api(client);
        var refused = (await api.Post("/api/directory/units", new { code = "CSRF-1", name = "Thử", kind = "Province" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Phiên làm việc không hợp lệ", refused.Body.GetProperty("title").GetString());

        client.DefaultRequestHeaders.Add("RequestVerificationToken", csrf);
        var code = DirectoryScenarios.Unique("CSRF-");
        (await api.Post("/api/directory/units", new { code, name = "Tỉnh Thử " + code, kind = "Province" })).Expect(HttpStatusCode.Created);
    }
}
