using System.Net;
using Emulation.Monitoring.Summary;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.IntegrationTests.Monitoring;

/// <summary>A followed model whose unit moves under another parent passes to the board covering the unit now, as a
/// waiting dossier does in the Registry (ADR 0016, ADR 0017): that board inspects and marks it and counts it; the
/// board that decided on it no longer can.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowingBoardTests(AppFixture app)
{
    const string Password = Emulation.Directory.Seed.DirectoryDemoSeed.Password;

    [Fact]
    public async Task A_model_whose_unit_moves_is_followed_by_the_board_covering_the_unit_now()
    {
        using var admin = await app.As("quantri");
        var tag = DirectoryScenarios.Unique("");
        await admin.CreateUnit("FB-A" + tag, "Huyện Trước " + tag, "District", "CM");
        var oldBoard = await admin.CreateUnit("FB-AB" + tag, "Ban Dân vận Huyện Trước " + tag, "Board", "FB-A" + tag, "huyen");
        var newParent = await admin.CreateUnit("FB-B" + tag, "Huyện Sau " + tag, "District", "CM");
        var newBoard = await admin.CreateUnit("FB-BB" + tag, "Ban Dân vận Huyện Sau " + tag, "Board", "FB-B" + tag, "huyen");
        var commune = await admin.CreateUnit("FB-C" + tag, "Xã Chuyển Huyện " + tag, "Commune", "FB-A" + tag);
        var (before, after, officer) = ($"tkt.{tag}".ToLowerInvariant(), $"tks.{tag}".ToLowerInvariant(), $"cbx.{tag}".ToLowerInvariant());
        await admin.CreatePerson(before, "Thư ký Ban Huyện Trước", Password, ("board-secretary", oldBoard), ("board-member", oldBoard));
        await admin.CreatePerson(after, "Thư ký Ban Huyện Sau", Password, ("board-secretary", newBoard), ("board-member", newBoard));
        await admin.CreatePerson(officer, "Cán bộ Xã Chuyển Huyện", Password, ("officer", commune));
        await app.WaitForFeed();
        var id = await app.AcceptedModel("Mô hình của xã đổi huyện " + tag, new() { ["levelCode"] = "huyen" }, officer, before);
        Assert.Equal(oldBoard, (await app.Summary(id)).BoardId);

        using var oldSecretary = await app.As(before);
        using var newSecretary = await app.As(after);
        Assert.Contains("pause", (await oldSecretary.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("actions")
            .EnumerateArray().Select(a => a.GetString()));
        Assert.Empty((await newSecretary.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body.GetProperty("actions").EnumerateArray());

        (await admin.Post($"/api/directory/units/{commune}/move", new { parentId = newParent, effectiveFrom = "2026-01-01", version = 1 })).Expect(HttpStatusCode.OK);
        await app.WaitForFeed();

        var seen = (await newSecretary.Get($"/api/monitoring/models/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(newBoard, seen.GetProperty("boardId").GetGuid());
        Assert.Contains("pause", seen.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        (await oldSecretary.Post($"/api/monitoring/models/{id}/pause", new { reason = "Mùa mưa bão", version = 1 })).Expect(HttpStatusCode.Forbidden);
        (await newSecretary.Post($"/api/monitoring/models/{id}/pause", new { reason = "Mùa mưa bão", version = 1 })).Expect(HttpStatusCode.OK);

        // The new board can put it on an inspection; the old one cannot.
        (await oldSecretary.Post("/api/monitoring/inspections", new
        {
            kind = "Inspection", plannedOn = InspectionScenarios.Today, purpose = "Kiểm tra việc duy trì mô hình", modelIds = new[] { id }
        })).Expect(HttpStatusCode.Forbidden);
        await newSecretary.Schedule(id);

        // The summary (dashboards, reminders, the inspection picker) names the new board once evaluated again.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new RefreshSummaries());
        await app.Summary(id, s => s.BoardId == newBoard);
        Assert.Equal(1, (await newSecretary.Get("/api/monitoring/dashboards/board")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
        Assert.Equal(0, (await oldSecretary.Get("/api/monitoring/dashboards/board")).Expect(HttpStatusCode.OK).Body.GetProperty("total").GetInt64());
    }
}
