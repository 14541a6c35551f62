using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Campaigns;

public sealed record SetReportingSchedule(string? Schedule, long? Version);

public sealed record CampaignView(Guid Id, string Name, Guid? BoardId, string BoardName, string Schedule, string ScheduleWords, long Version, bool CanSet);

/// <summary>The campaign's board secretary (or an administrator) sets how often its followed models report. Every
/// followed model of the campaign gets the change in its own stream, so its past schedule stays in its history.</summary>
public static class SetReportingScheduleEndpoint
{
    [WolverinePut("/api/monitoring/campaigns/{id}/schedule"), Authorize(Policy = Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FollowedSaved>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, SetReportingSchedule command, IDocumentSession session, MonitoringUnits units, HttpContext ctx, TimeProvider clock)
    {
        var campaign = await session.LoadAsync<MonitoredCampaign>(id, ctx.RequestAborted);
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var (result, schedule) = Decide(campaign, command, access);
        if (schedule is not { } s || campaign!.Schedule == s) return result;
        var now = clock.GetUtcNow();
        campaign.Schedule = s;
        campaign.Revision++;
        campaign.ScheduleSetBy = access.User.Id;
        campaign.ScheduleSetAt = now;
        session.Update(campaign);
        var followed = await session.Query<FollowedModel>().Where(f => f.Facts.CampaignId == id).ToListAsync(ctx.RequestAborted);
        foreach (var m in followed.Where(m => m.Schedule != s))
            session.Events.Append(m.Id, new ReportingScheduleChanged(m.ModelId, s, access.User.Id, now));
        return result;
    }

    public static (IResult, ReportingSchedule?) Decide(MonitoredCampaign? campaign, SetReportingSchedule command, MonitoringAccess access)
    {
        if (campaign is null) return (Problems.NotFound("Không tìm thấy đợt thi đua có mô hình đang được theo dõi."), null);
        if (!access.CanSetSchedule(campaign))
            return (Problems.Forbidden("Chỉ thư ký Ban tổ chức đợt thi đua hoặc quản trị hệ thống được đặt lịch báo cáo."), null);
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại."), null);
        if (command.Version != campaign.Revision) return (Problems.Conflict(Problems.StaleVersion), null);
        ReportingSchedule? schedule = command.Schedule switch
        {
            "quarterly" => ReportingSchedule.Quarterly,
            "half-yearly" => ReportingSchedule.HalfYearly,
            "yearly" => ReportingSchedule.Yearly,
            _ => null
        };
        if (schedule is null)
            return (Problems.Validation("schedule", "Vui lòng chọn lịch báo cáo: hằng quý (quarterly), 6 tháng (half-yearly) hoặc hằng năm (yearly)."), null);
        var version = campaign.Schedule == schedule ? campaign.Revision : campaign.Revision + 1;
        return (Results.Ok(new FollowedSaved(campaign.Id, version)), schedule);
    }
}

public static class GetCampaignsEndpoint
{
    /// <summary>The campaigns that have followed models, with their schedules; those the caller may set first.</summary>
    [WolverineGet("/api/monitoring/campaigns"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IReadOnlyList<CampaignView>> Get(IQuerySession session, MonitoringUnits units, HttpContext ctx)
    {
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var campaigns = await session.Query<MonitoredCampaign>().ToListAsync(ctx.RequestAborted);
        return campaigns.Select(c => new CampaignView(c.Id, c.Name, c.BoardId, access.Tree.Name(c.BoardId), ScheduleLabels.Code(c.Schedule),
                ScheduleLabels.Words(c.Schedule), c.Revision, access.CanSetSchedule(c)))
            .OrderByDescending(c => c.CanSet).ThenBy(c => c.Name, Kernel.Text.VietnameseText.Comparer).ToList();
    }
}
