using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Campaigns;

/// <param name="BoardId">The board running it; by default the secretary's own board, none (provincial) for an administrator.</param>
public sealed record CreateCampaign(string? Name, int? StartYear, int? EndYear, Guid? BoardId = null);

public sealed record CampaignSaved(Guid Id, long Version);

/// <summary>An administrator or a board secretary opens a campaign ("Dân vận khéo 2025-2030").</summary>
public static class CreateCampaignEndpoint
{
    [WolverinePost("/api/registry/campaigns"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<CampaignSaved>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(CreateCampaign command, IDocumentSession session, UnitDirectory units, HttpContext ctx, TimeProvider clock,
        ReferenceData reference)
    {
        var (result, created) = Decide(command, ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted), Guid.NewGuid(), clock.GetUtcNow());
        if (created is null) return result;
        session.Events.StartStream<Campaign>(created.CampaignId, created);
        reference.Invalidate();
        return result;
    }

    public static (IResult, CampaignCreated?) Decide(CreateCampaign command, CurrentUser user, RegistryUnitTree tree, Guid id, DateTimeOffset now)
    {
        var secretaryOf = user.UnitsFor(Roles.BoardSecretary).ToList();
        if (!user.IsAdmin && secretaryOf.Count == 0) return (Problems.Forbidden("Chỉ quản trị hoặc thư ký Ban được lập đợt thi đua."), null);
        var board = command.BoardId ?? (user.IsAdmin ? null : secretaryOf.Count == 1 ? secretaryOf[0] : null);
        if (!user.IsAdmin && board is null) return (Problems.Validation("boardId", "Vui lòng chọn Ban tổ chức đợt thi đua."), null);
        if (board is { } b && !user.IsAdmin && !secretaryOf.Contains(b)) return (Problems.Forbidden("Thư ký chỉ lập đợt thi đua cho Ban của mình."), null);
        if (board is { } known && tree.Find(known) is not { IsBoard: true }) return (Problems.Validation("boardId", "Không tìm thấy Ban tổ chức đợt thi đua."), null);

        var name = VietnameseText.Clean(command.Name);
        var errors = new Errors().Required(name, "name", "tên phong trào, đợt thi đua", 200)
            .Add(command.StartYear is null, "startYear", "Vui lòng nhập năm bắt đầu.")
            .Add(command.StartYear is < 2000 or > 2100, "startYear", "Năm bắt đầu phải từ 2000 đến 2100.")
            .Add(command.EndYear is null, "endYear", "Vui lòng nhập năm kết thúc.")
            .Add(command.EndYear < command.StartYear || command.EndYear > 2100, "endYear", "Năm kết thúc phải từ năm bắt đầu đến 2100.");
        if (!errors.Ok) return (Problems.Validation(errors), null);
        var created = new CampaignCreated(id, name, command.StartYear!.Value, command.EndYear!.Value, user.Id, now, board);
        return (Results.Created($"/api/registry/campaigns/{id}", new CampaignSaved(id, 1)), created);
    }
}
