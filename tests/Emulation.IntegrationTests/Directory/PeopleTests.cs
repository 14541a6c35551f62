using System.Net;

namespace Emulation.IntegrationTests.Directory;

[Collection(AppCollection.Name)]
public sealed class PeopleTests(AppFixture app)
{
    [Fact]
    public async Task A_new_person_signs_in_with_their_roles()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("canbo");
        var unit = await admin.UnitId("CM-P5");
        await admin.CreatePerson(userName, "Trần Thị Thử", "matkhau123", ("officer", unit));

        using var person = await app.As(userName, "matkhau123");
        var me = (await person.Get("/api/auth/me")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("Trần Thị Thử", me.GetProperty("fullName").GetString());
        var role = me.GetProperty("roles").EnumerateArray().Single();
        Assert.Equal("officer", role.GetProperty("role").GetString());
        Assert.Equal(unit, role.GetProperty("unitId").GetGuid());
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused_and_the_first_account_is_untouched()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("trung");
        var first = await admin.CreatePerson(userName, "Người Thứ Nhất", "matkhau123");

        var second = (await admin.Post("/api/directory/people", new { userName = userName.ToUpperInvariant(), fullName = "Người Thứ Hai", password = "khac12345" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("đã có người dùng", second.Errors("userName").Single());

        var person = (await admin.Get($"/api/directory/people/{first}")).Expect(HttpStatusCode.OK).Body.GetProperty("person");
        Assert.Equal("Người Thứ Nhất", person.GetProperty("fullName").GetString());
        using var signedIn = await app.As(userName, "matkhau123");
        (await signedIn.Get("/api/auth/me")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_people_input_gets_field_messages()
    {
        using var admin = await app.As("quantri");
        var reply = (await admin.Post("/api/directory/people", new
        {
            userName = "Có Dấu", fullName = "", password = "ngan", email = "khong-phai-email",
            roles = new[] { new { role = "board-secretary", unitId = (Guid?)await admin.UnitId("CM-P1") }, new { role = "vua", unitId = (Guid?)null } }
        })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(reply.Errors("userName"));
        Assert.NotEmpty(reply.Errors("fullName"));
        Assert.NotEmpty(reply.Errors("password"));
        Assert.NotEmpty(reply.Errors("email"));
        Assert.Equal(2, reply.Errors("roles").Length);
    }

    [Fact]
    public async Task Granting_revoking_and_disabling_take_effect_at_once()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("quyen");
        var id = await admin.CreatePerson(userName, "Người Đổi Quyền", "matkhau123");
        using var person = await app.As(userName, "matkhau123");
        (await person.Get("/api/directory/people")).Expect(HttpStatusCode.Forbidden);

        (await admin.Post($"/api/directory/people/{id}/roles", new { role = "admin", version = 2 })).Expect(HttpStatusCode.OK);
        (await person.Get("/api/directory/people")).Expect(HttpStatusCode.OK);

        (await admin.Post($"/api/directory/people/{id}/roles/revoke", new { role = "admin", version = 3 })).Expect(HttpStatusCode.OK);
        (await person.Get("/api/directory/people")).Expect(HttpStatusCode.Forbidden);

        (await admin.Post($"/api/directory/people/{id}/disable", new { reason = "Nghỉ hưu", version = 4 })).Expect(HttpStatusCode.OK);
        (await person.Get("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        using var anonymous = new Api(app.Anonymous());
        (await anonymous.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.Unauthorized);

        var history = (await admin.Get($"/api/directory/people/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("history");
        Assert.Equal(["PersonRegistered", "PasswordSet", "RoleGranted", "RoleRevoked", "PersonDisabled"],
            history.EnumerateArray().Select(h => h.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_board_role_needs_a_board()
    {
        using var admin = await app.As("quantri");
        var id = await admin.CreatePerson(DirectoryScenarios.Unique("ban"), "Người Của Ban", "matkhau123");
        var wrong = (await admin.Post($"/api/directory/people/{id}/roles", new { role = "board-member", unitId = await admin.UnitId("CM-P1"), version = 2 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Ban Dân vận", wrong.Errors("role").Single());
        (await admin.Post($"/api/directory/people/{id}/roles", new { role = "board-member", unitId = await admin.UnitId("CM-BDV"), version = 2 })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_person_changes_their_own_password_after_proving_the_current_one()
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("doimk");
        await admin.CreatePerson(userName, "Người Đổi Mật Khẩu", "matkhau123");
        using var person = await app.As(userName, "matkhau123");

        var wrong = (await person.Post("/api/auth/password", new { currentPassword = "sai-roi-1", newPassword = "matkhaumoi9" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Mật khẩu hiện tại không đúng."], wrong.Errors("currentPassword"));
        var empty = (await person.Post("/api/auth/password", new { currentPassword = "", newPassword = "matkhaumoi9" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Vui lòng nhập mật khẩu hiện tại."], empty.Errors("currentPassword"));
        var weak = (await person.Post("/api/auth/password", new { currentPassword = "matkhau123", newPassword = "ngan" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(weak.Errors("newPassword"));
        (await person.Post("/api/auth/password", new { currentPassword = "matkhau123", newPassword = "matkhaumoi9" })).Expect(HttpStatusCode.OK);

        using var anonymous = new Api(app.Anonymous());
        (await anonymous.Post("/api/auth/token", new { userName, password = "matkhau123" })).Expect(HttpStatusCode.Unauthorized);
        (await anonymous.Post("/api/auth/token", new { userName, password = "matkhaumoi9" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_forms_empty_role_row_means_no_role()
    {
        using var admin = await app.As("quantri");
        var reply = await admin.Post("/api/directory/people", new
        {
            userName = DirectoryScenarios.Unique("khongvaitro"), fullName = "Chưa Có Vai Trò", password = "matkhau123",
            roles = new[] { new { role = (string?)null, unitId = (Guid?)null } }
        });
        var id = reply.Expect(HttpStatusCode.Created).Id;
        var person = (await admin.Get($"/api/directory/people/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("person");
        Assert.Equal(0, person.GetProperty("roles").GetArrayLength());
    }
}
