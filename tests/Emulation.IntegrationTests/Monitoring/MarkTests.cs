using System.Net;

namespace Emulation.IntegrationTests.Monitoring;

[Collection(AppCollection.Name)]
public sealed class MarkTests(AppFixture app)
{
    [Fact]
    public async Task The_board_pauses_the_unit_asks_to_resume_and_the_board_resumes()
    {
        var id = await app.AcceptedModel("Tạm dừng rồi làm lại");
        using var board = await app.As("thuky.phuong1");
        using var officer = await app.As("canbo.phuong1");

        (await officer.Post($"/api/monitoring/models/{id}/pause", new { reason = "Tự dừng", version = 1 })).Expect(HttpStatusCode.Forbidden);
        (await board.Post($"/api/monitoring/models/{id}/pause", new { version = 1 })).Expect(HttpStatusCode.BadRequest);
        (await board.Post($"/api/monitoring/models/{id}/pause", new { reason = "Mùa mưa bão", version = 1 })).Expect(HttpStatusCode.OK);
        (await board.Post($"/api/monitoring/models/{id}/pause", new { reason = "Lần nữa", version = 2 })).Expect(HttpStatusCode.BadRequest);
        (await board.Post($"/api/monitoring/models/{id}/request-resume", new { reason = "Ban tự đề nghị", version = 2 })).Expect(HttpStatusCode.Forbidden);

        (await officer.Post($"/api/monitoring/models/{id}/request-resume", new { reason = "Đã hết mùa mưa", version = 2 })).Expect(HttpStatusCode.OK);
        var paused = (await board.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("paused", paused.GetProperty("health").GetString());
        Assert.Equal("Đã hết mùa mưa", paused.GetProperty("pendingResume").GetProperty("reason").GetString());
        Assert.Contains("resume", paused.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        (await board.Post($"/api/monitoring/models/{id}/resume", new { version = 2 })).Expect(HttpStatusCode.Conflict);
        (await board.Post($"/api/monitoring/models/{id}/resume", new { version = 3 })).Expect(HttpStatusCode.OK);
        var active = (await officer.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("active", active.GetProperty("state").GetString());
        await app.Summary(id, s => s.State == "active" && s.StreamVersion == 4);
    }

    [Fact]
    public async Task Only_the_covering_board_marks_and_a_merge_names_another_followed_model_by_code()
    {
        var into = await app.AcceptedModel("Mô hình nhận sáp nhập");
        var id = await app.AcceptedModel("Mô hình bị sáp nhập");
        using var otherBoard = await app.As("thuky.bdvtinh");
        using var admin = await app.As("quantri");
        using var board = await app.As("thuky.phuong1");
        (await otherBoard.Post($"/api/monitoring/models/{id}/discontinue", new { reason = "Không thuộc Ban", version = 1 })).Expect(HttpStatusCode.Forbidden);
        (await admin.Post($"/api/monitoring/models/{id}/discontinue", new { reason = "Quản trị", version = 1 })).Expect(HttpStatusCode.Forbidden);

        var unknown = (await board.Post($"/api/monitoring/models/{id}/merge", new { intoCode = "XX-2026-9999", reason = "Gộp", version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.Errors("intoCode"));
        var intoCode = (await app.Followed(into))!.Facts.Code!;
        var self = (await app.Followed(id))!.Facts.Code!;
        (await board.Post($"/api/monitoring/models/{id}/merge", new { intoCode = self, reason = "Gộp", version = 1 })).Expect(HttpStatusCode.BadRequest);
        (await board.Post($"/api/monitoring/models/{id}/merge", new { intoCode = intoCode.ToLowerInvariant(), reason = "Cùng địa bàn, cùng nội dung", version = 1 }))
            .Expect(HttpStatusCode.OK);
        var merged = (await board.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("merged", merged.GetProperty("state").GetString());
        Assert.Equal("discontinued", merged.GetProperty("health").GetString());
        Assert.Contains(intoCode, merged.GetProperty("healthWords").GetString());
        using var officer = await app.As("canbo.phuong1");
        (await officer.Post($"/api/monitoring/models/{id}/request-resume", new { reason = "Tách lại", version = 2 })).Expect(HttpStatusCode.BadRequest);
    }

    /// <summary>Found by tests/stranger/api.py: twenty resumptions sent at once at one version answered one 200, nine 400
    /// ("the model is active", read after the winner's commit) and ten 409. A caller with a stale version is told to reload,
    /// whatever the state became (ADR 0068): one wins, every other answers 409, and one event is stored.</summary>
    [Fact]
    public async Task Twenty_resumptions_at_one_version_leave_one_winner_and_nineteen_conflicts()
    {
        var id = await app.AcceptedModel("Hoạt động lại cùng lúc");
        using var board = await app.As("thuky.phuong1");
        (await board.Post($"/api/monitoring/models/{id}/pause", new { reason = "Mùa mưa bão", version = 1 })).Expect(HttpStatusCode.OK);
        var clients = new List<Api>();
        for (var i = 0; i < 20; i++) clients.Add(await app.As("thuky.phuong1"));
        try
        {
            var replies = await Task.WhenAll(clients.Select(c => c.Post($"/api/monitoring/models/{id}/resume", new { reason = "Hết mùa mưa", version = 2 })));
            Assert.Equal(1, replies.Count(r => r.Status == HttpStatusCode.OK));
            Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        }
        finally { foreach (var c in clients) c.Dispose(); }
        // A loser that arrives after the winner's commit (as nine did for the script) reads the active model: still a conflict.
        var late = (await board.Post($"/api/monitoring/models/{id}/resume", new { reason = "Hết mùa mưa", version = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Equal(Emulation.Kernel.Web.Problems.StaleVersion, late.Detail);
        var after = (await board.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("active", after.GetProperty("state").GetString());
        Assert.Equal(3, after.GetProperty("version").GetInt64());
        // With the current version, the state still says why: the model is active.
        (await board.Post($"/api/monitoring/models/{id}/resume", new { version = 3 })).Expect(HttpStatusCode.BadRequest);
    }
}
