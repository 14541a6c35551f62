using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Emulation.IntegrationTests.Registry;

[Collection(AppCollection.Name)]
public sealed class WorkflowTests(AppFixture app)
{
    [Fact]
    public async Task An_officer_registers_and_submits_and_the_board_accepts_with_a_code()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        var period = await admin.OpenPeriod();

        var (id, version) = await officer.Draft(RegistryScenarios.Dossier(period, "Đưa màu xuống ruộng phường"));
        Assert.Equal(1, version);
        var submitted = await officer.Submit(id, 1);
        Assert.Equal(2, submitted.Version);

        var accepted = (await secretary.Post($"/api/registry/models/{id}/accept", new { reason = "Đạt yêu cầu", version = 2 })).Expect(HttpStatusCode.OK);
        var code = accepted.Body.GetProperty("registryCode").GetString()!;
        Assert.Matches(new Regex(@"^CM-2026-\d{4}$"), code);

        var model = await officer.Model(id);
        Assert.Equal("Accepted", model.GetProperty("status").GetString());
        Assert.Equal(code, model.GetProperty("registryCode").GetString());
        Assert.Equal("Ban Chỉ đạo thực hiện Quy chế dân chủ Phường 1", model.GetProperty("board").GetProperty("name").GetString());
        var history = model.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["drafted", "submitted", "accepted"], history.Select(h => h.GetProperty("step").GetString()!).ToArray());
        Assert.Equal("Nguyễn Thị Hoa", history[0].GetProperty("by").GetString());
        Assert.Equal("Trương Thị Ngọc", history[2].GetProperty("by").GetString());

        await officer.WaitForList($"q={Uri.EscapeDataString(code)}", p => p.Items().Any(i => i.GetProperty("id").GetGuid() == id));
    }

    [Fact]
    public async Task A_returned_dossier_is_revised_and_resubmitted()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phunu");
        using var secretary = await app.As("thuky.bdvtinh");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, "Mẹ đỡ đầu trẻ mồ côi", level: "tinh", field: "van-hoa-xa-hoi"));
        await officer.Submit(id, 1);

        var noReason = (await secretary.Post($"/api/registry/models/{id}/return", new { version = 2 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.Errors("reason"));
        (await secretary.Post($"/api/registry/models/{id}/return", new { reason = "Bổ sung số trẻ được đỡ đầu", version = 2 })).Expect(HttpStatusCode.OK);
        var returned = await officer.Model(id);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Bổ sung số trẻ được đỡ đầu", returned.GetProperty("lastReason").GetString());

        var revised = RegistryScenarios.Dossier(period, "Mẹ đỡ đầu trẻ mồ côi", level: "tinh", field: "van-hoa-xa-hoi");
        revised["objectives"] = "Mỗi hội viên nhận đỡ đầu ít nhất một trẻ; 150 trẻ được đỡ đầu.";
        revised["version"] = 3;
        (await officer.Client.PutAsJsonAsync($"/api/registry/models/{id}", revised)).EnsureSuccessStatusCode();
        await officer.Submit(id, 4);
        Assert.Equal("Submitted", (await officer.Model(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Steps_from_the_wrong_state_or_on_a_stale_version_change_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, "Tổ dân phố không rác"));

        (await secretary.Post($"/api/registry/models/{id}/accept", new { version = 1 })).Expect(HttpStatusCode.NotFound);
        await officer.Submit(id, 1);
        (await officer.Post($"/api/registry/models/{id}/submit", new { version = 2 })).Expect(HttpStatusCode.BadRequest);
        var stale = (await secretary.Post($"/api/registry/models/{id}/accept", new { version = 1 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("người khác thay đổi", stale.Detail);

        (await officer.Post($"/api/registry/models/{id}/withdraw", new { reason = "Đăng ký nhầm kỳ", version = 2 })).Expect(HttpStatusCode.OK);
        var late = (await secretary.Post($"/api/registry/models/{id}/accept", new { version = 3 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Đơn vị đã rút", late.Detail);
        var model = await officer.Model(id);
        Assert.Equal("Withdrawn", model.GetProperty("status").GetString());
        Assert.Equal(3, model.GetProperty("version").GetInt64());

        // The name is free again once withdrawn.
        await officer.Draft(RegistryScenarios.Dossier(period, "Tổ dân phố không rác"));
    }

    [Fact]
    public async Task Concurrent_accept_and_return_of_the_same_model_have_exactly_one_winner()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        using var secretary = await app.As("thuky.phuong1");
        var period = await admin.OpenPeriod();
        for (var round = 0; round < 3; round++)
        {
            var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, $"Mô hình đua {round} tuyến phố"));
            await officer.Submit(id, 1);
            var replies = await Task.WhenAll(
                secretary.Post($"/api/registry/models/{id}/accept", new { version = 2 }),
                secretary.Post($"/api/registry/models/{id}/return", new { reason = "Bổ sung", version = 2 }),
                secretary.Post($"/api/registry/models/{id}/accept", new { version = 2 }));
            Assert.Equal(1, replies.Count(r => r.Status == HttpStatusCode.OK));
            // A loser either raced the winner (409) or arrived after it and found the model already decided (400).
            Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Contains(r.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
            var model = await officer.Model(id);
            Assert.Equal(3, model.GetProperty("version").GetInt64());
            Assert.Equal(3, model.GetProperty("history").GetArrayLength());
        }
    }

    [Fact]
    public async Task An_exact_duplicate_is_refused_and_a_near_duplicate_is_flagged()
    {
        using var admin = await app.As("quantri");
        using var p1 = await app.As("canbo.phuong1");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (first, _) = await khanhHoi.Draft(RegistryScenarios.Dossier(period, "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", level: "huyen", field: "nong-thon-moi"));
        await khanhHoi.Submit(first, 1);

        var exact = (await khanhHoi.Post("/api/registry/models", RegistryScenarios.Dossier(period, "xây dựng  TUYẾN dân cư nông thôn mới kiểu mẫu", level: "huyen")))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("cùng tên trong kỳ này", exact.Errors("name").Single());

        await khanhHoi.WaitForList($"period={period}&status=Submitted", p => p.Items().Any());
        var (second, _) = await p1.Draft(RegistryScenarios.Dossier(period, "Xay dung tuyen dan cu nong thon moi kieu mau", level: "co-so", field: "nong-thon-moi"));
        var submitted = await p1.Submit(second, 1);
        var flagged = submitted.Body.GetProperty("nearDuplicates").EnumerateArray().Single();
        Assert.Equal(first, flagged.GetProperty("modelId").GetGuid());
        Assert.Equal(1.0, flagged.GetProperty("similarity").GetDouble());
    }

    [Fact]
    public async Task A_model_shows_where_it_is_replicated()
    {
        using var admin = await app.As("quantri");
        using var hnd = await app.As("canbo.phunu");
        using var secretary = await app.As("thuky.bdvtinh");
        using var khanhHoi = await app.As("canbo.khanhhoi");
        var period = await admin.OpenPeriod();
        var (source, _) = await hnd.Draft(RegistryScenarios.Dossier(period, "Tiết kiệm giúp nhau thoát nghèo bền vững", level: "tinh"));
        await hnd.Submit(source, 1);
        var code = (await secretary.Post($"/api/registry/models/{source}/accept", new { version = 2 })).Expect(HttpStatusCode.OK)
            .Body.GetProperty("registryCode").GetString();
        await hnd.WaitForList($"q={code}", p => p.Items().Any());

        var unknown = RegistryScenarios.Dossier(period, "Tiết kiệm giúp nhau ở Khánh Hội", level: "huyen");
        unknown["replicatesCode"] = "CM-1999-9999";
        Assert.NotEmpty((await khanhHoi.Post("/api/registry/models", unknown)).Expect(HttpStatusCode.BadRequest).Errors("replicatesCode"));

        var replica = RegistryScenarios.Dossier(period, "Tiết kiệm giúp nhau ở Khánh Hội", level: "huyen");
        replica["replicatesCode"] = code;
        var (replicaId, _) = await khanhHoi.Draft(replica);
        await khanhHoi.Submit(replicaId, 1);

        for (var i = 0; i < 50 && (await secretary.Model(source)).GetProperty("replicas").GetArrayLength() == 0; i++) await Task.Delay(100);
        var replicas = (await secretary.Model(source)).GetProperty("replicas").EnumerateArray().ToList();
        Assert.Equal("Xã Khánh Hội", replicas.Single().GetProperty("unit").GetProperty("name").GetString());
    }
}
