using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Campaigns;

public sealed record AddPeriod(string? Name, PeriodKind Kind, DateOnly? From, DateOnly? To, DateOnly? RegistrationOpens,
    DateOnly? RegistrationCloses, int? CodeYear, long? Version);

public sealed record PeriodSaved(Guid Id, long Version);

/// <summary>Whoever manages the campaign adds a period (a year, a sơ kết, a tổng kết) inside the campaign's years.</summary>
public static class AddPeriodEndpoint
{
    [WolverinePost("/api/registry/campaigns/{id}/periods"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<PeriodSaved>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Wolverine.Marten.Events)> Post(Guid id, AddPeriod command, [WriteAggregate(Required = false)] Campaign? campaign,
        UnitDirectory units, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        var decision = Decide(campaign, command, ctx.CurrentUser(), await units.TreeAsync(ctx.RequestAborted), Guid.NewGuid(), clock.GetUtcNow());
        if (decision.Item2.Count > 0) reference.Invalidate();
        return decision;
    }

    public static (IResult, Wolverine.Marten.Events) Decide(Campaign? campaign, AddPeriod command, CurrentUser user, RegistryUnitTree tree, Guid periodId,
        DateTimeOffset now)
    {
        if (campaign is null) return (Problems.NotFound(Campaigns.NotFound), []);
        if (!Campaigns.CanManage(user, campaign, tree))
            return (Problems.Forbidden("Chỉ quản trị hoặc thư ký của Ban tổ chức đợt thi đua được lập kỳ đăng ký."), []);
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản (version). Hãy tải lại trang và thử lại."), []);
        if (campaign.Version != command.Version) return (Problems.Conflict(Problems.StaleVersion), []);

        var name = VietnameseText.Clean(command.Name);
        var years = $"{campaign.StartYear}-{campaign.EndYear}";
        var errors = new Errors().Required(name, "name", "tên kỳ", 200)
            .Add(command.From is null, "from", "Vui lòng nhập ngày bắt đầu kỳ.")
            .Add(command.From?.Year < campaign.StartYear || command.From?.Year > campaign.EndYear, "from", $"Ngày bắt đầu kỳ phải nằm trong các năm của đợt thi đua ({years}).")
            .Add(command.To is null, "to", "Vui lòng nhập ngày kết thúc kỳ.")
            .Add(command.To?.Year < campaign.StartYear || command.To?.Year > campaign.EndYear, "to", $"Ngày kết thúc kỳ phải nằm trong các năm của đợt thi đua ({years}).")
            .Add(command.From > command.To, "to", "Ngày kết thúc kỳ phải sau ngày bắt đầu.")
            .Add(command.RegistrationOpens is null || command.RegistrationCloses is null, "registrationCloses", "Vui lòng nhập thời hạn đăng ký.")
            .Add(command.RegistrationOpens > command.RegistrationCloses, "registrationCloses", "Hạn đóng đăng ký phải sau ngày mở đăng ký.")
            .Add(command.CodeYear is < 2000 or > 2100, "codeYear", "Năm ghi trong mã đăng ký phải từ 2000 đến 2100.")
            .Add(!Enum.IsDefined(command.Kind), "kind", "Loại kỳ không hợp lệ.")
            .Add(campaign.Periods.Any(p => VietnameseText.Fold(p.Name) == VietnameseText.Fold(name)), "name", "Phong trào đã có kỳ cùng tên.");
        if (!errors.Ok) return (Problems.Validation(errors), []);

        var period = new Period(periodId, name, command.Kind, command.From!.Value, command.To!.Value,
            command.RegistrationOpens!.Value, command.RegistrationCloses!.Value, command.CodeYear ?? command.To!.Value.Year);
        return (Results.Ok(new PeriodSaved(periodId, campaign.Version + 1)), [new PeriodAdded(campaign.Id, period, user.Id, now)]);
    }
}
