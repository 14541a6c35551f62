using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Campaigns;

public sealed record ChangeRegistrationWindow(DateOnly? Opens, DateOnly? Closes, long? Version);

/// <summary>Whoever manages the campaign moves a period's registration window (opens it again, closes it early).</summary>
public static class ChangeRegistrationWindowEndpoint
{
    [WolverinePost("/api/registry/campaigns/{id}/periods/{periodId}/window"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<CampaignSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Wolverine.Marten.Events)> Post(Guid id, Guid periodId, ChangeRegistrationWindow command,
        [WriteAggregate(Required = false)] Campaign? campaign, UnitDirectory units, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        var decision = Decide(campaign, periodId, command, ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted), clock.GetUtcNow());
        if (decision.Item2.Count > 0) reference.Invalidate();
        return decision;
    }

    public static (IResult, Wolverine.Marten.Events) Decide(Campaign? campaign, Guid periodId, ChangeRegistrationWindow command, CurrentUser user,
        RegistryUnitTree tree, DateTimeOffset now)
    {
        if (campaign?.Periods.Any(p => p.Id == periodId) != true) return (Problems.NotFound("Không tìm thấy kỳ đăng ký."), []);
        if (!Campaigns.CanManage(user, campaign, tree))
            return (Problems.Forbidden("Chỉ quản trị hoặc thư ký của Ban tổ chức đợt thi đua được đổi thời hạn đăng ký."), []);
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại."), []);
        if (campaign.Version != command.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var errors = new Errors().Add(command.Opens is null || command.Closes is null, "closes", "Vui lòng nhập thời hạn đăng ký.")
            .Add(command.Opens > command.Closes, "closes", "Hạn đóng đăng ký phải sau ngày mở đăng ký.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new CampaignSaved(campaign.Id, campaign.Version + 1)),
            [new RegistrationWindowChanged(campaign.Id, periodId, command.Opens!.Value, command.Closes!.Value, user.Id, now)]);
    }
}
